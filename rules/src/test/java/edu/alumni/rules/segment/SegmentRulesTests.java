package edu.alumni.rules.segment;

import static edu.alumni.rules.segment.Alumni.alumnus;
import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every segment of SEGMENTS.md, members and non-members at each boundary. D = 2026-06-15, Y = 2026. */
class SegmentRulesTests {

  static final LocalDate D = LocalDate.of(2026, 6, 15);
  static final int Y = 2026;
  static SegmentEvaluator evaluator;

  @BeforeAll
  static void compile() {
    evaluator = new SegmentEvaluator(RuleSet.compile(BuiltInRules.sources(BuiltInRules.SEGMENTS)));
  }

  static Set<String> segmentsOf(Alumni a) {
    return evaluator.evaluate(List.of(a.build())).stream().map(Membership::getSegment)
        .collect(Collectors.toSet());
  }

  static Membership membership(Alumni a, String segment) {
    return evaluator.evaluate(List.of(a.build())).stream().filter(m -> m.getSegment().equals(segment))
        .findFirst().orElseThrow();
  }

  @Nested
  class Contact {

    @Test
    void noConsentIsDoNotContactAndNothingThatNeedsContact() {
      Set<String> s = segmentsOf(alumnus().consentContact(false).graduated(Y - 10).honors("杰出校友"));
      assertThat(s).contains("DO_NOT_CONTACT", "DISTINGUISHED").doesNotContain("LOST", "REUNION_MILESTONE",
          "VISIT_DUE");
    }

    @Test
    void consentWithoutEmailOrPhoneIsLost() {
      assertThat(segmentsOf(alumnus().channels(false, false))).contains("LOST").doesNotContain("DO_NOT_CONTACT");
      assertThat(membership(alumnus().channels(false, false), "LOST").getFacts())
          .isEqualTo("consent_contact=true, email=none, phone=none");
    }

    @Test
    void emailOnlyOrPhoneOnlyIsContactable() {
      assertThat(segmentsOf(alumnus().channels(true, false).graduated(Y - 10))).contains("REUNION_MILESTONE")
          .doesNotContain("LOST");
      assertThat(segmentsOf(alumnus().channels(false, true).graduated(Y - 10))).contains("REUNION_MILESTONE")
          .doesNotContain("LOST");
      assertThat(segmentsOf(alumnus().channels(false, false).graduated(Y - 10))).doesNotContain("REUNION_MILESTONE");
    }

    @Test
    void deceasedBelongToNoSegment() {
      assertThat(segmentsOf(alumnus().deceased().graduated(Y - 10).honors("x").giftYears(Y - 1)
          .lifetimeGiving("500000"))).isEmpty();
      assertThat(segmentsOf(alumnus().deceased().consentContact(false))).isEmpty();
    }
  }

  /** The query donationStewardship's renewal ask uses: the same fundraisable as the segments, and alive. */
  @Nested
  class FundraisableQuery {

    @Test
    void contactableWithConsentToFundraisingIsFundraisable() {
      assertThat(evaluator.isFundraisable(alumnus().build())).isTrue();
      assertThat(evaluator.isFundraisable(alumnus().channels(false, true).build())).isTrue();
    }

    @Test
    void eachMissingConditionMakesItNot() {
      assertThat(evaluator.isFundraisable(alumnus().consentFundraising(false).build())).isFalse();
      assertThat(evaluator.isFundraisable(alumnus().consentContact(false).build())).isFalse();
      assertThat(evaluator.isFundraisable(alumnus().channels(false, false).build())).isFalse();
      assertThat(evaluator.isFundraisable(alumnus().deceased().build())).isFalse();
    }

    @Test
    void agreesWithTheSegmentsThatNeedFundraisable() {
      // LYBUNT needs fundraisable: the query and the segment answer alike for the same facts
      assertThat(evaluator.isFundraisable(alumnus().giftYears(Y - 1).build())).isTrue();
      assertThat(segmentsOf(alumnus().giftYears(Y - 1))).contains("LYBUNT");
      assertThat(evaluator.isFundraisable(alumnus().giftYears(Y - 1).consentFundraising(false).build())).isFalse();
      assertThat(segmentsOf(alumnus().giftYears(Y - 1).consentFundraising(false))).doesNotContain("LYBUNT");
    }

    @Test
    void aPooledSessionAsksAgainWithNothingLeftFromTheLastAnswer() {
      // the decision sessions are reused: a fundraisable alumnus asked before must not answer for the next one
      assertThat(evaluator.isFundraisable(alumnus().build())).isTrue();
      assertThat(evaluator.isFundraisable(alumnus().studentNo("S0002").consentFundraising(false).build())).isFalse();
    }
  }

  @Nested
  class YearsOut {

    @ParameterizedTest
    @ValueSource(ints = {10, 20, 30, 40, 50, 60})
    void milestoneYearsAreReunionMilestone(int yearsOut) {
      assertThat(segmentsOf(alumnus().graduated(Y - yearsOut))).contains("REUNION_MILESTONE");
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 11, 19, 21, 59, 61, 70, 0})
    void otherYearsAreNot(int yearsOut) {
      assertThat(segmentsOf(alumnus().graduated(Y - yearsOut))).doesNotContain("REUNION_MILESTONE");
    }

    @Test
    void milestoneExplainsYearsOut() {
      assertThat(membership(alumnus().graduated(Y - 20), "REUNION_MILESTONE").getFacts())
          .isEqualTo("yearsOut=20, consent_contact=true, email=given, phone=none");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5})
    void zeroToFiveYearsOutAreYoungAlumni(int yearsOut) {
      assertThat(segmentsOf(alumnus().graduated(Y - yearsOut))).contains("YOUNG_ALUMNI");
    }

    @ParameterizedTest
    @ValueSource(ints = {6, -1})
    void sixYearsOutOrNotYetGraduatedAreNot(int yearsOut) {
      assertThat(segmentsOf(alumnus().graduated(Y - yearsOut))).doesNotContain("YOUNG_ALUMNI");
    }

    @Test
    void youngAlumniMustBeContactable() {
      assertThat(segmentsOf(alumnus().graduated(Y).consentContact(false))).doesNotContain("YOUNG_ALUMNI");
    }
  }

  @Nested
  class Giving {

    @Test
    void anyGiftMakesADonorEvenWithoutConsent() {
      assertThat(segmentsOf(alumnus().giftYears(2012).lifetimeGiving("100").consentContact(false)))
          .contains("DONOR");
      assertThat(segmentsOf(alumnus())).doesNotContain("DONOR");
    }

    @Test
    void giftLastYearNotThisYearIsLybunt() {
      assertThat(segmentsOf(alumnus().giftYears(Y - 1).lifetimeGiving("100"))).contains("LYBUNT")
          .doesNotContain("SYBUNT");
      assertThat(membership(alumnus().giftYears(Y - 1).lifetimeGiving("100"), "LYBUNT").getRule())
          .isEqualTo("Gave last year, not this year: LYBUNT");
    }

    @Test
    void giftLastYearAndThisYearIsNeither() {
      assertThat(segmentsOf(alumnus().giftYears(Y - 1, Y).lifetimeGiving("200"))).doesNotContain("LYBUNT",
          "SYBUNT");
    }

    @Test
    void giftOnlyThisYearIsNeither() {
      assertThat(segmentsOf(alumnus().giftYears(Y).lifetimeGiving("200"))).doesNotContain("LYBUNT", "SYBUNT");
    }

    @Test
    void giftTwoYearsAgoOnlyIsSybunt() {
      assertThat(segmentsOf(alumnus().giftYears(Y - 2).lifetimeGiving("100"))).contains("SYBUNT")
          .doesNotContain("LYBUNT");
      assertThat(segmentsOf(alumnus().giftYears(2010, Y - 5).lifetimeGiving("100"))).contains("SYBUNT");
    }

    @Test
    void earlierGiftAndLastYearIsLybuntNotSybunt() {
      assertThat(segmentsOf(alumnus().giftYears(Y - 3, Y - 1).lifetimeGiving("100"))).contains("LYBUNT")
          .doesNotContain("SYBUNT");
    }

    @Test
    void lapsedDonorsMustBeFundraisable() {
      assertThat(segmentsOf(alumnus().giftYears(Y - 1).lifetimeGiving("100").consentFundraising(false)))
          .doesNotContain("LYBUNT");
      assertThat(segmentsOf(alumnus().giftYears(Y - 2).lifetimeGiving("100").channels(false, false)))
          .doesNotContain("SYBUNT");
    }
  }

  @Nested
  class MajorGiftProspect {

    @Test
    void lifetimeGivingBoundary() {
      assertThat(segmentsOf(alumnus().giftYears(2015).lifetimeGiving("100000.00"))).contains("MAJOR_GIFT_PROSPECT");
      assertThat(segmentsOf(alumnus().giftYears(2015).lifetimeGiving("99999.99")))
          .doesNotContain("MAJOR_GIFT_PROSPECT");
    }

    @Test
    void largestRecentGiftBoundary() {
      assertThat(segmentsOf(alumnus().giftYears(Y - 1).lifetimeGiving("50000").maxGiftLast5Years("50000.00")))
          .contains("MAJOR_GIFT_PROSPECT");
      assertThat(segmentsOf(alumnus().giftYears(Y - 1).lifetimeGiving("49999.99").maxGiftLast5Years("49999.99")))
          .doesNotContain("MAJOR_GIFT_PROSPECT");
    }

    @Test
    void executiveWithTenThousandBoundary() {
      assertThat(segmentsOf(alumnus().jobTitle("CEO").giftYears(2015).lifetimeGiving("10000")))
          .contains("MAJOR_GIFT_PROSPECT");
      assertThat(segmentsOf(alumnus().jobTitle("CEO").giftYears(2015).lifetimeGiving("9999.99")))
          .doesNotContain("MAJOR_GIFT_PROSPECT");
      assertThat(segmentsOf(alumnus().jobTitle("Engineer").giftYears(2015).lifetimeGiving("10000")))
          .doesNotContain("MAJOR_GIFT_PROSPECT");
    }

    @Test
    void onlyOneMembershipWhenSeveralBranchesHoldAndTheFirstExplains() {
      List<Membership> all = evaluator.evaluate(List.of(alumnus().jobTitle("总经理").giftYears(Y - 1)
          .lifetimeGiving("150000").maxGiftLast5Years("80000").build()));
      List<Membership> major = all.stream().filter(m -> m.getSegment().equals("MAJOR_GIFT_PROSPECT")).toList();
      assertThat(major).hasSize(1);
      assertThat(major.get(0).getRule()).isEqualTo("Fundraisable with major gift capacity: MAJOR_GIFT_PROSPECT");
      assertThat(major.get(0).getFacts()).isEqualTo("lifetimeGiving=150000.00 (>= 100000), consent_contact=true, "
          + "email=given, phone=none, consent_fundraising=true");
    }

    @Test
    void mustBeFundraisable() {
      assertThat(segmentsOf(alumnus().giftYears(2015).lifetimeGiving("500000").consentFundraising(false)))
          .doesNotContain("MAJOR_GIFT_PROSPECT");
    }
  }

  @Nested
  class Executive {

    @ParameterizedTest
    @ValueSource(strings = {"CEO", "ceo", "Co-Founder", "Vice PRESIDENT", "chairman of the board", "Managing partner",
        "CFO", "cto", "集团总裁", "总经理", "董事长", "联合创始人", "高级合伙人"})
    void executiveWordsInAnyCaseAndLanguage(String title) {
      assertThat(segmentsOf(alumnus().jobTitle(title).employer("某某科技有限公司"))).contains("ENTERPRISE_PARTNER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Engineer", "经理", "董事", "Manager", ""})
    void otherTitlesAreNot(String title) {
      assertThat(segmentsOf(alumnus().jobTitle(title).employer("ACME"))).doesNotContain("ENTERPRISE_PARTNER");
    }

    @Test
    void containsMeansContainsEvenInsideAWord() {
      // SEGMENTS.md says "contains": "Director" contains "cto" and so counts, as the contract says
      assertThat(membership(alumnus().jobTitle("Director").employer("ACME"), "ENTERPRISE_PARTNER").getFacts())
          .startsWith("job_title contains 'CTO'");
    }

    @Test
    void enterprisePartnerNeedsEmployerAndContactable() {
      assertThat(segmentsOf(alumnus().jobTitle("CEO"))).doesNotContain("ENTERPRISE_PARTNER");
      assertThat(segmentsOf(alumnus().jobTitle("CEO").employer("ACME").consentContact(false)))
          .doesNotContain("ENTERPRISE_PARTNER");
      assertThat(membership(alumnus().jobTitle("Founder & CEO").employer("ACME"), "ENTERPRISE_PARTNER").getFacts())
          .isEqualTo("job_title contains 'CEO', employer=given, consent_contact=true, email=given, phone=none");
    }
  }

  @Nested
  class Distinguished {

    @Test
    void honoursMakeDistinguished() {
      assertThat(segmentsOf(alumnus().honors("全国劳动模范"))).contains("DISTINGUISHED");
      assertThat(segmentsOf(alumnus().honors(null))).doesNotContain("DISTINGUISHED");
      assertThat(segmentsOf(alumnus().honors(" "))).doesNotContain("DISTINGUISHED");
    }
  }

  @Nested
  class VisitDue {

    @Test
    void neverVisitedProspectIsDue() {
      Membership m = membership(alumnus().honors("杰出校友"), "VISIT_DUE");
      assertThat(m.getFacts()).startsWith("because DISTINGUISHED, lastVisitDate=none");
    }

    @Test
    void visitedExactly365DaysAgoIsDueOneDayLessIsNot() {
      assertThat(segmentsOf(alumnus().honors("x").lastVisit(D.minusDays(365)))).contains("VISIT_DUE");
      assertThat(segmentsOf(alumnus().honors("x").lastVisit(D.minusDays(364)))).doesNotContain("VISIT_DUE");
    }

    @Test
    void eachReasonAloneAndTogether() {
      assertThat(segmentsOf(alumnus().giftYears(2015).lifetimeGiving("100000"))).contains("VISIT_DUE");
      assertThat(segmentsOf(alumnus().jobTitle("CEO").employer("ACME"))).contains("VISIT_DUE");
      Membership all = membership(alumnus().jobTitle("CEO").employer("ACME").honors("x").giftYears(2015)
          .lifetimeGiving("100000"), "VISIT_DUE");
      assertThat(all.getFacts()).startsWith("because DISTINGUISHED+ENTERPRISE_PARTNER+MAJOR_GIFT_PROSPECT");
    }

    @Test
    void notDueWithoutAReasonOrWithoutContact() {
      assertThat(segmentsOf(alumnus())).doesNotContain("VISIT_DUE");
      assertThat(segmentsOf(alumnus().honors("x").channels(false, false))).doesNotContain("VISIT_DUE");
    }
  }

  @Test
  void manyAlumniInOneSessionAreEvaluatedIndependently() {
    List<AlumnusFacts> facts = List.of(alumnus().studentNo("A1").honors("x").build(),
        alumnus().studentNo("A2").consentContact(false).build(), alumnus().studentNo("A3").graduated(Y - 30).build());
    List<Membership> all = evaluator.evaluate(facts);
    assertThat(all).extracting(m -> m.getStudentNo() + ":" + m.getSegment()).containsExactlyInAnyOrder(
        "A1:DISTINGUISHED", "A1:VISIT_DUE", "A2:DO_NOT_CONTACT", "A3:REUNION_MILESTONE");
  }
}
