package edu.alumni.engine.stewardship;

import static edu.alumni.engine.assignment.ProcessTestEngine.BASE_TIME;
import static edu.alumni.engine.assignment.ProcessTestEngine.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.assignment.ProcessTestEngine;
import edu.alumni.engine.gift.Gift;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.process.DonationStewardship;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * donationStewardship (PROCESSES.md §3), one test per path, on a plain engine (no Spring) with the real assignment
 * and gift classification rules, the real classifyGift, allocateGift and checkFundraisable delegates and the
 * registry on in-memory H2. Every task reached is checked for its owner group and due date.
 */
class DonationStewardshipProcessTests {

  @RegisterExtension
  static final ProcessTestEngine fixture = new ProcessTestEngine();

  @RegisterExtension
  static final ProcessEngineExtension camunda = fixture.extension();

  /** Gifts are made on the day of the base clock: Monday 2 March 2026. */
  static final LocalDate GIFT_DATE = BASE_TIME.toLocalDate();
  /** Renewal ask 11 months after the gift, impact report 12 months after, both at 09:00. */
  static final LocalDateTime RENEWAL_DATE = GIFT_DATE.plusMonths(11).atTime(9, 0);
  static final LocalDateTime IMPACT_REPORT_DATE = GIFT_DATE.plusMonths(12).atTime(9, 0);
  /** Monday 10:00 + 3 business days. */
  static final LocalDateTime RECEIPT_DUE = BASE_TIME.plusDays(3);
  static final LocalDateTime ACKNOWLEDGEMENT_DUE = BASE_TIME.plusHours(48);

  private Gift gift(String amount, String fund) {
    Alumnus donor = fixture.insertAlumnus("econ", 2005, "上海");
    return fixture.insertGift(donor.studentNo(), amount, fund, GIFT_DATE);
  }

  private ProcessInstance start(Gift gift) {
    return runtimeService().startProcessInstanceByKey(DonationStewardship.PROCESS_KEY,
        String.format(DonationStewardship.BUSINESS_KEY_FORMAT, gift.giftRef()),
        Map.of(DonationStewardship.VAR_GIFT_REF, gift.giftRef()));
  }

  /** The classification recorded for the gift: tier, agreement, rule, ruleset version, facts. */
  private void assertClassified(Gift gift, ProcessInstance instance, String tier, boolean agreement,
      boolean restricted) {
    GiftClassificationRow row = fixture.stewardship().selectClassification(gift.giftRef());
    assertThat(row).isNotNull();
    assertThat(row.tier()).isEqualTo(tier);
    assertThat(row.agreementRequired()).isEqualTo(agreement);
    assertThat(row.ruleName()).contains("Tier: " + tier);
    assertThat(row.rulesetVersion()).isEqualTo(ProcessTestEngine.giftRules().version()).startsWith("sha256:");
    assertThat(row.facts()).contains("fund=" + gift.fundCode());
    assertThat(row.processInstanceId()).isEqualTo(instance.getId());
    assertThat(row.decidedAt()).isEqualTo(BASE_TIME);
    assertThat(instance).variables()
        .containsEntry(DonationStewardship.VAR_TIER, tier)
        .containsEntry(DonationStewardship.VAR_AGREEMENT_REQUIRED, agreement)
        .containsEntry(DonationStewardship.VAR_RESTRICTED, restricted);
  }

  /** issueReceipt and acknowledgeGift in parallel with their owners, then both done: the gift is allocated. */
  private void receiptAndThanks(ProcessInstance instance, Gift gift, String acknowledgedBy,
      LocalDateTime receiptDue) {
    assertThat(instance).isWaitingAtExactly(DonationStewardship.ISSUE_RECEIPT, DonationStewardship.ACKNOWLEDGE_GIFT);
    LocalDateTime now = fixture.now();
    fixture.assertOwner(task(DonationStewardship.ISSUE_RECEIPT), "foundation-finance", receiptDue);
    fixture.assertOwner(task(DonationStewardship.ACKNOWLEDGE_GIFT), acknowledgedBy, now.plusHours(48));
    assertThat(fixture.stewardship().countAllocations(gift.giftRef())).isZero();

    complete(task(DonationStewardship.ISSUE_RECEIPT),
        withVariables(DonationStewardship.VAR_RECEIPT_NO, "R" + gift.giftRef()));
    assertThat(instance).isWaitingAt(DonationStewardship.ACKNOWLEDGE_GIFT).hasNotPassed("allocateGift");
    complete(task(DonationStewardship.ACKNOWLEDGE_GIFT));

    assertThat(instance).hasPassed(DonationStewardship.ISSUE_RECEIPT, DonationStewardship.ACKNOWLEDGE_GIFT,
        "receiptAndThanksJoin", DonationStewardship.ALLOCATE_GIFT);
    List<Map<String, Object>> allocations = fixture.query(
        "SELECT fund_code, amount_cny, process_instance_id FROM gift_allocation WHERE gift_ref = ?", gift.giftRef());
    assertThat(allocations).singleElement().satisfies(a -> {
      assertThat(a.get("fund_code")).isEqualTo(gift.fundCode());
      assertThat((BigDecimal) a.get("amount_cny")).isEqualByComparingTo(gift.amountCny());
      assertThat(a.get("process_instance_id")).isEqualTo(instance.getId());
    });
  }

  /** The renewal timer (11 months after the gift) fires with the clock moved there. */
  private void renewalDue(ProcessInstance instance) {
    Job renewal = fixture.timer(instance, "renewalDue");
    assertThat(local(renewal.getDuedate())).isEqualTo(RENEWAL_DATE);
    fixture.setClock(RENEWAL_DATE);
    execute(renewal);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Tiers
  // ------------------------------------------------------------------------------------------------------------

  @Test
  void annualGiftToAnUnrestrictedFundGetsNoRecognitionNoImpactReportButARenewalAsk() {
    Gift gift = gift("9999.99", "general");
    ProcessInstance instance = start(gift);
    assertClassified(gift, instance, DonationStewardship.TIER_ANNUAL, false, false);
    assertThat(instance).hasPassedInOrder(DonationStewardship.CLASSIFY_GIFT, "agreementGateway", "agreementMerge")
        .hasNotPassed(DonationStewardship.SIGN_AGREEMENT);

    receiptAndThanks(instance, gift, "foundation", RECEIPT_DUE);

    // neither recognition nor an impact report: only the renewal waits
    assertThat(instance).isWaitingAtExactly("renewalDue")
        .hasNotPassed(DonationStewardship.PREPARE_RECOGNITION, "impactReportDue");
    renewalDue(instance);

    assertThat(instance).isWaitingAtExactly(DonationStewardship.ASK_RENEWAL)
        .hasPassedInOrder("renewalDue", DonationStewardship.CHECK_FUNDRAISABLE, "fundraisableGateway")
        .variables().containsEntry(DonationStewardship.VAR_STILL_FUNDRAISABLE, true);
    fixture.assertOwner(task(), "foundation", RENEWAL_DATE.plusDays(30));
    complete(task());

    assertThat(instance).isEnded()
        .hasPassed(DonationStewardship.ASK_RENEWAL, "stewardshipJoin", "stewardshipComplete")
        .hasNotPassed(DonationStewardship.SIGN_AGREEMENT, DonationStewardship.PREPARE_RECOGNITION,
            DonationStewardship.SEND_IMPACT_REPORT, DonationStewardship.CHASE_ACKNOWLEDGEMENT);
  }

  @Test
  void leadershipGiftToARestrictedFundGetsACertificateAnImpactReportAndARenewalAsk() {
    // restricted, but below 100,000: no agreement
    Gift gift = gift("10000", "scholarship");
    ProcessInstance instance = start(gift);
    assertClassified(gift, instance, DonationStewardship.TIER_LEADERSHIP, false, true);
    assertThat(instance).hasNotPassed(DonationStewardship.SIGN_AGREEMENT);

    receiptAndThanks(instance, gift, "foundation", RECEIPT_DUE);

    assertThat(instance).isWaitingAtExactly(DonationStewardship.PREPARE_RECOGNITION, "impactReportDue",
        "renewalDue");
    fixture.assertOwner(task(), "foundation", BASE_TIME.plusDays(30));
    Job impact = fixture.timer(instance, "impactReportDue");
    assertThat(local(impact.getDuedate())).isEqualTo(IMPACT_REPORT_DATE);
    complete(task());

    renewalDue(instance);
    // the recognition's branch waits at the inclusive join for the others
    assertThat(instance).isWaitingAtExactly("stewardshipJoin", "impactReportDue", DonationStewardship.ASK_RENEWAL);
    fixture.assertOwner(task(DonationStewardship.ASK_RENEWAL), "foundation", RENEWAL_DATE.plusDays(30));
    complete(task(DonationStewardship.ASK_RENEWAL));
    assertThat(instance).isWaitingAtExactly("stewardshipJoin", "impactReportDue").isNotEnded();

    fixture.setClock(IMPACT_REPORT_DATE);
    execute(impact);
    assertThat(instance).isWaitingAtExactly(DonationStewardship.SEND_IMPACT_REPORT, "stewardshipJoin");
    assertThat(fixture.assertOwner(task(), "foundation", IMPACT_REPORT_DATE.plusDays(14)).facts())
        .contains("fund=scholarship (restricted)");
    complete(task());

    assertThat(instance).isEnded()
        .hasPassed(DonationStewardship.PREPARE_RECOGNITION, "impactReportDue", DonationStewardship.SEND_IMPACT_REPORT,
            DonationStewardship.ASK_RENEWAL, "stewardshipComplete");
  }

  @Test
  void majorGiftNeedsASignedAgreementFirstAndIsAcknowledgedByMajorGifts() {
    Gift gift = gift("100000", "general");
    ProcessInstance instance = start(gift);
    assertClassified(gift, instance, DonationStewardship.TIER_MAJOR, true, false);

    // the agreement comes first: no receipt, no thanks yet
    assertThat(instance).isWaitingAtExactly(DonationStewardship.SIGN_AGREEMENT)
        .hasNotPassed(DonationStewardship.ISSUE_RECEIPT, DonationStewardship.ACKNOWLEDGE_GIFT);
    fixture.assertOwner(task(), "major-gifts", BASE_TIME.plusDays(30));
    LocalDateTime signed = BASE_TIME.plusDays(10);
    fixture.setClock(signed);
    complete(task(), withVariables("agreementNo", "XY-2026-001"));

    // signed on Thursday 12 March 10:00: the receipt is due Tuesday 17 March 10:00
    receiptAndThanks(instance, gift, "major-gifts", LocalDateTime.of(2026, 3, 17, 10, 0));
    assertThat(instance).hasPassedInOrder(DonationStewardship.CLASSIFY_GIFT, DonationStewardship.SIGN_AGREEMENT,
        "agreementMerge", "receiptAndThanksSplit");

    // unrestricted: recognition (donor wall) and renewal, no impact report
    assertThat(instance).isWaitingAtExactly(DonationStewardship.PREPARE_RECOGNITION, "renewalDue");
    fixture.assertOwner(task(), "foundation", signed.plusDays(30));
    complete(task());
    renewalDue(instance);
    fixture.assertOwner(task(), "foundation", RENEWAL_DATE.plusDays(30));
    complete(task());
    assertThat(instance).isEnded().hasNotPassed("impactReportDue", DonationStewardship.SEND_IMPACT_REPORT);
  }

  @Test
  void principalGiftNeedsAnAgreementAndIsAcknowledgedByThePresidentsOffice() {
    Gift gift = gift("1000000", "discipline");
    ProcessInstance instance = start(gift);
    assertClassified(gift, instance, DonationStewardship.TIER_PRINCIPAL, true, true);

    assertThat(instance).isWaitingAtExactly(DonationStewardship.SIGN_AGREEMENT);
    fixture.assertOwner(task(), "major-gifts", BASE_TIME.plusDays(30));
    complete(task());

    receiptAndThanks(instance, gift, "president-office", RECEIPT_DUE);
    // restricted fund: the impact report as well
    assertThat(instance).isWaitingAtExactly(DonationStewardship.PREPARE_RECOGNITION, "impactReportDue",
        "renewalDue");
    fixture.assertOwner(task(), "foundation", BASE_TIME.plusDays(30));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Renewal
  // ------------------------------------------------------------------------------------------------------------

  @Test
  void donorWhoWithdrewConsentBeforeTheRenewalIsNotAskedToRenew() {
    Gift gift = gift("500", "general");
    ProcessInstance instance = start(gift);
    receiptAndThanks(instance, gift, "foundation", RECEIPT_DUE);
    assertThat(instance).isWaitingAtExactly("renewalDue");

    // months later the donor withdraws consent to fundraising in the registry
    Alumnus donor = fixture.alumni().selectByStudentNo(gift.studentNo());
    fixture.alumni().updateAlumnus(new Alumnus(donor.studentNo(), donor.name(), donor.gender(), donor.collegeCode(),
        donor.major(), donor.degree(), donor.enrollmentYear(), donor.graduationYear(), donor.className(),
        donor.city(), donor.chapterCode(), donor.country(), donor.employer(), donor.industry(), donor.jobTitle(),
        donor.email(), donor.phone(), donor.honors(), donor.consentContact(), false, donor.deceased()));

    renewalDue(instance);

    assertThat(instance).isEnded()
        .hasPassedInOrder("renewalDue", DonationStewardship.CHECK_FUNDRAISABLE, "fundraisableGateway",
            "renewalMerge", "stewardshipJoin", "stewardshipComplete")
        .hasNotPassed(DonationStewardship.ASK_RENEWAL);
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(fixture.engine().getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(DonationStewardship.VAR_STILL_FUNDRAISABLE)
        .singleResult().getValue()).isEqualTo(false);
  }

  @Test
  void theRenewalAskFollowsTheFundraisableOfTheActiveSegmentRules() {
    // a manager's version of segments.drl: fundraisable now also asks for a phone number
    String shipped = BuiltInRules.text(BuiltInRules.SEGMENTS);
    String drl = shipped.replace("return contactable(a) && a.isConsentFundraising();",
        "return contactable(a) && a.isConsentFundraising() && a.isPhoneGiven();");
    assertThat(drl).isNotEqualTo(shipped);
    // a donor with an e-mail and no phone: fundraisable by the shipped rules, not by the manager's
    Alumnus donor = fixture.insertAlumnus("D-MAIL-ONLY", "econ", 2005, "上海", "d-mail-only@example.cn", null, true,
        true, false);
    Gift gift = fixture.insertGift(donor.studentNo(), "500", "general", GIFT_DATE);
    ProcessInstance instance = start(gift);
    receiptAndThanks(instance, gift, "foundation", RECEIPT_DUE);

    fixture.useSegmentRules(RuleSet.compile(Map.of(BuiltInRules.path(BuiltInRules.SEGMENTS), drl)));
    try {
      renewalDue(instance);
    } finally {
      fixture.useSegmentRules(null);
    }

    assertThat(instance).isEnded()
        .hasPassedInOrder("renewalDue", DonationStewardship.CHECK_FUNDRAISABLE, "fundraisableGateway")
        .hasNotPassed(DonationStewardship.ASK_RENEWAL);
    assertThat(fixture.engine().getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(DonationStewardship.VAR_STILL_FUNDRAISABLE)
        .singleResult().getValue()).isEqualTo(false);
  }

  @Test
  void aDonorWithAnEmailAndNoPhoneIsAskedToRenewByTheShippedRules() {
    Alumnus donor = fixture.insertAlumnus("D-MAIL-ONLY-2", "econ", 2005, "上海", "d-mail-only-2@example.cn", null,
        true, true, false);
    Gift gift = fixture.insertGift(donor.studentNo(), "500", "general", GIFT_DATE);
    ProcessInstance instance = start(gift);
    receiptAndThanks(instance, gift, "foundation", RECEIPT_DUE);

    renewalDue(instance);

    assertThat(instance).isWaitingAtExactly(DonationStewardship.ASK_RENEWAL)
        .hasPassedInOrder("renewalDue", DonationStewardship.CHECK_FUNDRAISABLE, "fundraisableGateway");
    fixture.assertOwner(task(DonationStewardship.ASK_RENEWAL), "foundation", RENEWAL_DATE.plusDays(30));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Deadlines
  // ------------------------------------------------------------------------------------------------------------

  @Test
  void receiptIsDueInThreeBusinessDaysAndTheThanksIn48Hours() {
    // Friday 6 March 2026, 15:00: the receipt is due Wednesday 11 March 15:00 (the weekend does not count), the
    // thanks Sunday 8 March 15:00
    LocalDateTime friday = LocalDateTime.of(2026, 3, 6, 15, 0);
    fixture.setClock(friday);
    Gift gift = gift("200", "general");
    ProcessInstance instance = start(gift);

    assertThat(instance).isWaitingAtExactly(DonationStewardship.ISSUE_RECEIPT, DonationStewardship.ACKNOWLEDGE_GIFT);
    assertThat(fixture.assertOwner(task(DonationStewardship.ISSUE_RECEIPT), "foundation-finance",
        LocalDateTime.of(2026, 3, 11, 15, 0)).facts()).contains("FRIDAY");
    fixture.assertOwner(task(DonationStewardship.ACKNOWLEDGE_GIFT), "foundation",
        LocalDateTime.of(2026, 3, 8, 15, 0));

    // and from the base clock, a Monday: Thursday
    fixture.setClock(BASE_TIME);
    Gift monday = gift("200", "general");
    ProcessInstance mondayInstance = start(monday);
    assertThat(mondayInstance).isWaitingAt(DonationStewardship.ISSUE_RECEIPT);
    fixture.assertOwner(task(DonationStewardship.ISSUE_RECEIPT), "foundation-finance", RECEIPT_DUE);
  }

  @Test
  void overdueAcknowledgementIsChasedByManagersWhileTheThanksStayOpen() {
    Gift gift = gift("150000", "general");
    ProcessInstance instance = start(gift);
    assertThat(instance).isWaitingAtExactly(DonationStewardship.SIGN_AGREEMENT);
    complete(task());
    assertThat(instance).isWaitingAtExactly(DonationStewardship.ISSUE_RECEIPT, DonationStewardship.ACKNOWLEDGE_GIFT);
    fixture.assertOwner(task(DonationStewardship.ACKNOWLEDGE_GIFT), "major-gifts", ACKNOWLEDGEMENT_DUE);

    Job overdue = fixture.timer(instance, "acknowledgementOverdue");
    assertThat(local(overdue.getDuedate())).isEqualTo(ACKNOWLEDGEMENT_DUE);
    LocalDateTime late = ACKNOWLEDGEMENT_DUE.plusMinutes(1);
    fixture.setClock(late);
    execute(overdue);

    assertThat(instance).isWaitingAtExactly(DonationStewardship.ISSUE_RECEIPT, DonationStewardship.ACKNOWLEDGE_GIFT,
        DonationStewardship.CHASE_ACKNOWLEDGEMENT);
    fixture.assertOwner(task(DonationStewardship.CHASE_ACKNOWLEDGEMENT), "managers", late.plusDays(1));
    fixture.assertOwner(task(DonationStewardship.ACKNOWLEDGE_GIFT), "major-gifts", ACKNOWLEDGEMENT_DUE);

    complete(task(DonationStewardship.CHASE_ACKNOWLEDGEMENT));
    assertThat(instance).isWaitingAtExactly(DonationStewardship.ISSUE_RECEIPT, DonationStewardship.ACKNOWLEDGE_GIFT)
        .hasPassed("acknowledgementOverdue", DonationStewardship.CHASE_ACKNOWLEDGEMENT, "chaseAcknowledgementSent");
    complete(task(DonationStewardship.ISSUE_RECEIPT));
    complete(task(DonationStewardship.ACKNOWLEDGE_GIFT));
    assertThat(instance).hasPassed(DonationStewardship.ALLOCATE_GIFT)
        .isWaitingAtExactly(DonationStewardship.PREPARE_RECOGNITION, "renewalDue");
    assertThat(fixture.stewardship().countAllocations(gift.giftRef())).isEqualTo(1);
  }
}
