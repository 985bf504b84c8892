package edu.alumni.rules.followup;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.process.VisitCycle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The follow-up rules of PROCESSES.md §2: one follow-up task per interest of a contact report. */
class FollowUpRulesTests {

  static final String PATH = BuiltInRules.path(BuiltInRules.FOLLOW_UPS);
  static FollowUpRules rules;

  @BeforeAll
  static void compile() {
    rules = new FollowUpRules(RuleSet.compile(BuiltInRules.sources(BuiltInRules.FOLLOW_UPS)));
  }

  static ContactReport report(String method, boolean donation, boolean recruitment, boolean mentoring,
      boolean speaker) {
    return new ContactReport("S0001", method, donation, recruitment, mentoring, speaker, new BigDecimal("5000"));
  }

  static List<String> taskKeys(ContactReport report) {
    return rules.decide(report).stream().map(FollowUp::getTaskKey).toList();
  }

  @Test
  void donationInterestAloneAsksForAProposal() {
    List<FollowUp> f = rules.decide(report(VisitCycle.METHOD_IN_PERSON, true, false, false, false));
    assertThat(f).extracting(FollowUp::getTaskKey).containsExactly(VisitCycle.PREPARE_PROPOSAL);
    assertThat(f.get(0).getRule()).isEqualTo("Donation interest: prepare a giving proposal");
    assertThat(f.get(0).getFacts()).isEqualTo("donationInterest=true, method=IN_PERSON");
  }

  @Test
  void recruitmentInterestAloneAsksForARecruitmentFair() {
    List<FollowUp> f = rules.decide(report(VisitCycle.METHOD_PHONE, false, true, false, false));
    assertThat(f).extracting(FollowUp::getTaskKey).containsExactly(VisitCycle.ARRANGE_RECRUITMENT);
    assertThat(f.get(0).getRule()).isEqualTo("Recruitment interest: arrange an alumni-enterprise recruitment fair");
    assertThat(f.get(0).getFacts()).isEqualTo("recruitmentInterest=true, method=PHONE");
  }

  @Test
  void mentoringInterestAloneAsksForMenteeMatching() {
    List<FollowUp> f = rules.decide(report(VisitCycle.METHOD_ONLINE, false, false, true, false));
    assertThat(f).extracting(FollowUp::getTaskKey).containsExactly(VisitCycle.MATCH_MENTEES);
    assertThat(f.get(0).getRule()).isEqualTo("Mentoring interest: match student mentees");
    assertThat(f.get(0).getFacts()).isEqualTo("mentoringInterest=true, method=ONLINE");
  }

  @Test
  void speakerInterestAloneAsksForAnInvitation() {
    List<FollowUp> f = rules.decide(report(VisitCycle.METHOD_IN_PERSON, false, false, false, true));
    assertThat(f).extracting(FollowUp::getTaskKey).containsExactly(VisitCycle.INVITE_SPEAKER);
    assertThat(f.get(0).getRule()).isEqualTo("Speaker interest: invite to the alumni lecture series");
    assertThat(f.get(0).getFacts()).isEqualTo("speakerInterest=true, method=IN_PERSON");
  }

  @Test
  void allInterestsGiveAllFollowUpsInOrder() {
    assertThat(taskKeys(report(VisitCycle.METHOD_IN_PERSON, true, true, true, true))).containsExactly(
        VisitCycle.PREPARE_PROPOSAL, VisitCycle.ARRANGE_RECRUITMENT, VisitCycle.MATCH_MENTEES,
        VisitCycle.INVITE_SPEAKER);
  }

  @Test
  void twoInterestsGiveTwoFollowUps() {
    assertThat(taskKeys(report(VisitCycle.METHOD_PHONE, false, true, false, true)))
        .containsExactly(VisitCycle.ARRANGE_RECRUITMENT, VisitCycle.INVITE_SPEAKER);
  }

  @Test
  void noInterestGivesNoFollowUp() {
    assertThat(rules.decide(report(VisitCycle.METHOD_IN_PERSON, false, false, false, false))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"FAILED", "failed", " Failed "})
  void aFailedContactGivesNoFollowUpWhateverTheFlags(String method) {
    assertThat(rules.decide(report(method, true, true, true, true))).isEmpty();
  }

  @Test
  void aReportWithoutAMethodCountsAsReached() {
    assertThat(taskKeys(report(null, true, false, false, false))).containsExactly(VisitCycle.PREPARE_PROPOSAL);
    assertThat(rules.decide(report(null, true, false, false, false)).get(0).getFacts())
        .isEqualTo("donationInterest=true, method=none");
  }

  @Test
  void theResultCannotBeChanged() {
    List<FollowUp> f = rules.decide(report(VisitCycle.METHOD_IN_PERSON, true, false, false, false));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theFileCompilesOnItsOwnWithUniqueRuleNames() {
    String drl = BuiltInRules.text(BuiltInRules.FOLLOW_UPS);
    RuleSet set = RuleSet.compile(Map.of(PATH, drl));
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^rule \"([^\"]+)\"").matcher(drl);
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).hasSize(4).doesNotHaveDuplicates();
    assertThat(set.kieBase().getKiePackage("edu.alumni.rules.followup").getRules()).hasSize(names.size());
  }
}
