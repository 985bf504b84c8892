package edu.alumni.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One instance of each process, started as in production (a segmentation run's triggers start the reunion and the
 * visit, a gift POSTed by finance starts its stewardship), driven to its end over /engine-rest by the users who own
 * each step, with the engine clock moved step by step; then its timeline is checked event by event.
 */
@Tag("database")
class TimelineTests extends AuditTestSupport {

  /**
   * The expected timelines, one line per event (see {@link #lines}); {name} stands for a value of the day the test
   * runs.
   */
  static final String REUNION = """
      INSTANCE_STARTED
      VARIABLE_CHANGED cohortSize = 10
      VARIABLE_CHANGED college = "lit"
      VARIABLE_CHANGED graduationYear = {graduationYear}
      VARIABLE_CHANGED milestone = 10
      VARIABLE_CHANGED segmentationRunId = {run}
      VARIABLE_CHANGED triggerRule = "Cohort with 10 or more milestone members: start reunion planning"
      ACTIVITY_ENTERED reunionRequested
      ACTIVITY_LEFT reunionRequested
      ACTIVITY_ENTERED formCommittee
      TASK_CREATED formCommittee
      OWNER_DECIDED formCommittee college-lit
      TASK_CLAIMED formCommittee @au-lit
      USER_OPERATION Claim Task @au-lit
      USER_OPERATION Complete Task @au-lit
      VARIABLE_CHANGED committeeContacts = "AU-LIT-01 (班长), AU-LIT-02" @au-lit
      VARIABLE_CHANGED volunteersCount = 3 @au-lit
      TASK_COMPLETED formCommittee on-time @au-lit
      ACTIVITY_LEFT formCommittee
      ACTIVITY_ENTERED draftPlanMerge
      ACTIVITY_LEFT draftPlanMerge
      ACTIVITY_ENTERED draftPlan
      TASK_CREATED draftPlan
      OWNER_DECIDED draftPlan college-lit
      USER_OPERATION Complete Task @au-lit
      VARIABLE_CHANGED budgetCny = 80000 @au-lit
      VARIABLE_CHANGED eventDate = "{eventDate}" @au-lit
      VARIABLE_CHANGED programme = "座谈, 校园参观, 晚宴" @au-lit
      VARIABLE_CHANGED venue = "文学院报告厅" @au-lit
      TASK_COMPLETED draftPlan on-time @au-lit
      ACTIVITY_LEFT draftPlan
      ACTIVITY_ENTERED approvePlan
      TASK_CREATED approvePlan
      VARIABLE_CHANGED secondApprover = null
      OWNER_DECIDED approvePlan managers
      USER_OPERATION Complete Task @au-manager
      VARIABLE_CHANGED approvalComment = "预算明细不清" @au-manager
      VARIABLE_CHANGED approved = false @au-manager
      TASK_COMPLETED approvePlan on-time @au-manager
      ACTIVITY_LEFT approvePlan
      ACTIVITY_ENTERED approvedGateway
      ACTIVITY_LEFT approvedGateway
      ACTIVITY_ENTERED draftPlanMerge
      ACTIVITY_LEFT draftPlanMerge
      ACTIVITY_ENTERED draftPlan
      TASK_CREATED draftPlan
      OWNER_DECIDED draftPlan college-lit
      USER_OPERATION Complete Task @au-lit
      VARIABLE_CHANGED budgetCny 80000 -> 90000 @au-lit
      VARIABLE_CHANGED eventDate "{eventDate}" -> "{eventDate}" @au-lit
      VARIABLE_CHANGED programme "座谈, 校园参观, 晚宴" -> "座谈, 校园参观, 晚宴" @au-lit
      VARIABLE_CHANGED venue "文学院报告厅" -> "文学院报告厅" @au-lit
      TASK_COMPLETED draftPlan on-time @au-lit
      ACTIVITY_LEFT draftPlan
      ACTIVITY_ENTERED approvePlan
      TASK_CREATED approvePlan
      VARIABLE_CHANGED secondApprover null -> null
      OWNER_DECIDED approvePlan managers
      USER_OPERATION Complete Task @au-manager
      VARIABLE_CHANGED approvalComment "预算明细不清" -> "同意" @au-manager
      VARIABLE_CHANGED approved false -> true @au-manager
      TASK_COMPLETED approvePlan on-time @au-manager
      ACTIVITY_LEFT approvePlan
      ACTIVITY_ENTERED approvedGateway
      ACTIVITY_LEFT approvedGateway
      ACTIVITY_ENTERED secondApprovalGateway
      ACTIVITY_LEFT secondApprovalGateway
      ACTIVITY_ENTERED planApprovedMerge
      ACTIVITY_LEFT planApprovedMerge
      ACTIVITY_ENTERED sendInvitations
      VARIABLE_CHANGED eventStart = "{eventStart}"
      VARIABLE_CHANGED headCount = 0
      VARIABLE_CHANGED invitedCount = 10
      VARIABLE_CHANGED rsvpDeadline = "{rsvpDeadline}"
      ACTIVITY_LEFT sendInvitations
      ACTIVITY_ENTERED rsvpDeadlineReached
      VARIABLE_CHANGED headCount 0 -> 2
      ACTIVITY_LEFT rsvpDeadlineReached
      ACTIVITY_ENTERED confirmLogistics
      TASK_CREATED confirmLogistics
      OWNER_DECIDED confirmLogistics college-lit
      USER_OPERATION Complete Task @au-lit
      VARIABLE_CHANGED logisticsNote = "报告厅、餐饮已确认" @au-lit
      TASK_COMPLETED confirmLogistics on-time @au-lit
      ACTIVITY_LEFT confirmLogistics
      ACTIVITY_ENTERED eventDayReached
      ACTIVITY_LEFT eventDayReached
      ACTIVITY_ENTERED recordAttendance
      TASK_CREATED recordAttendance
      OWNER_DECIDED recordAttendance college-lit
      USER_OPERATION Complete Task @au-lit
      VARIABLE_CHANGED attendedCount = 1 @au-lit
      TASK_COMPLETED recordAttendance on-time @au-lit
      ACTIVITY_LEFT recordAttendance
      ACTIVITY_ENTERED closingSplit
      ACTIVITY_LEFT closingSplit
      ACTIVITY_ENTERED sendThanksAndAppeal
      TASK_CREATED sendThanksAndAppeal
      OWNER_DECIDED sendThanksAndAppeal foundation
      ACTIVITY_ENTERED publishStory
      TASK_CREATED publishStory
      OWNER_DECIDED publishStory communications
      USER_OPERATION Complete Task @au-comms
      TASK_COMPLETED publishStory on-time @au-comms
      ACTIVITY_LEFT publishStory
      ACTIVITY_ENTERED closingJoin
      USER_OPERATION Complete Task @au-foundation
      TASK_COMPLETED sendThanksAndAppeal on-time @au-foundation
      ACTIVITY_LEFT sendThanksAndAppeal
      ACTIVITY_LEFT closingJoin
      ACTIVITY_ENTERED closingJoin
      ACTIVITY_LEFT closingJoin
      ACTIVITY_ENTERED reunionClosed
      ACTIVITY_LEFT reunionClosed
      INSTANCE_ENDED
      """;

  static final String VISIT = """
      INSTANCE_STARTED
      VARIABLE_CHANGED reason = "because DISTINGUISHED, lastVisitDate=none, consent_contact=true, email=given, phone=none"
      VARIABLE_CHANGED segmentationRunId = {run}
      VARIABLE_CHANGED studentNo = "AU-VIP"
      VARIABLE_CHANGED triggerRule = "Visit due: start a visit cycle with its region owner"
      ACTIVITY_ENTERED visitRequested
      ACTIVITY_LEFT visitRequested
      ACTIVITY_ENTERED planVisitMerge
      ACTIVITY_LEFT planVisitMerge
      ACTIVITY_ENTERED planVisit
      TASK_CREATED planVisit
      OWNER_DECIDED planVisit chapter-bj
      USER_OPERATION Complete Task @au-bj
      VARIABLE_CHANGED objectives = "了解近况, 邀请回校讲座" @au-bj
      VARIABLE_CHANGED visitDate = "{visitDate}" @au-bj
      VARIABLE_CHANGED visitors = "北京校友会 王秘书长" @au-bj
      TASK_COMPLETED planVisit on-time @au-bj
      ACTIVITY_LEFT planVisit
      ACTIVITY_ENTERED fileContactReport
      TASK_CREATED fileContactReport
      OWNER_DECIDED fileContactReport chapter-bj
      ACTIVITY_ENTERED contactReportOverdue
      ACTIVITY_LEFT contactReportOverdue
      ACTIVITY_ENTERED chaseContactReport
      TASK_CREATED chaseContactReport
      OWNER_DECIDED chaseContactReport managers
      USER_OPERATION Complete Task @au-manager
      VARIABLE_CHANGED chaseNote = "已电话提醒" @au-manager
      TASK_COMPLETED chaseContactReport on-time @au-manager
      ACTIVITY_LEFT chaseContactReport
      ACTIVITY_ENTERED chaseSent
      ACTIVITY_LEFT chaseSent
      USER_OPERATION Complete Task @au-bj
      VARIABLE_CHANGED contactMethod = "IN_PERSON" @au-bj
      VARIABLE_CHANGED interestDonation = false @au-bj
      VARIABLE_CHANGED interestMentoring = false @au-bj
      VARIABLE_CHANGED interestRecruitment = false @au-bj
      VARIABLE_CHANGED interestSpeaker = true @au-bj
      VARIABLE_CHANGED learned = "Now dean of a physics institute; glad to give a talk." @au-bj
      VARIABLE_CHANGED monthsUntilNextVisit = 0 @au-bj
      VARIABLE_CHANGED visitDate "{visitDate}" -> "{visitDate}" @au-bj
      VARIABLE_CHANGED visitors "北京校友会 王秘书长" -> "北京校友会 王秘书长" @au-bj
      TASK_COMPLETED fileContactReport overdue @au-bj
      ACTIVITY_LEFT fileContactReport
      ACTIVITY_ENTERED recordContactReport
      VARIABLE_CHANGED nextVisitWait = "P0M"
      ACTIVITY_LEFT recordContactReport
      ACTIVITY_ENTERED decideFollowUps
      VARIABLE_CHANGED followUpRules = "inviteSpeaker: Speaker interest: invite to the alumni lecture series (speakerInterest=true, method=IN_PERSON)"
      VARIABLE_CHANGED followUp_arrangeRecruitment = false
      VARIABLE_CHANGED followUp_inviteSpeaker = true
      VARIABLE_CHANGED followUp_matchMentees = false
      VARIABLE_CHANGED followUp_prepareProposal = false
      ACTIVITY_LEFT decideFollowUps
      ACTIVITY_ENTERED followUpSplit
      ACTIVITY_LEFT followUpSplit
      ACTIVITY_ENTERED inviteSpeaker
      TASK_CREATED inviteSpeaker
      OWNER_DECIDED inviteSpeaker alumni-office
      USER_OPERATION Complete Task @au-office
      VARIABLE_CHANGED speakerDone = true @au-office
      VARIABLE_CHANGED speakerOutcome = "名校友讲坛 booked" @au-office
      TASK_COMPLETED inviteSpeaker on-time @au-office
      ACTIVITY_LEFT inviteSpeaker
      ACTIVITY_ENTERED followUpJoin
      ACTIVITY_LEFT followUpJoin
      ACTIVITY_ENTERED nextVisitGateway
      ACTIVITY_LEFT nextVisitGateway
      ACTIVITY_ENTERED cycleClosed
      ACTIVITY_LEFT cycleClosed
      INSTANCE_ENDED
      """;

  static final String GIFT = """
      INSTANCE_STARTED @au-finance
      VARIABLE_CHANGED giftRef = "AU-G1"
      VARIABLE_CHANGED recordedBy = "au-finance"
      ACTIVITY_ENTERED giftRecorded
      ACTIVITY_LEFT giftRecorded
      ACTIVITY_ENTERED classifyGift
      GIFT_TIER_DECIDED ANNUAL
      VARIABLE_CHANGED agreementRequired = false
      VARIABLE_CHANGED giftDate = "{today}"
      VARIABLE_CHANGED giftTier = "ANNUAL"
      VARIABLE_CHANGED impactReportDate = "{impactReportDate}"
      VARIABLE_CHANGED renewalDate = "{renewalDate}"
      VARIABLE_CHANGED restrictedFund = false
      ACTIVITY_LEFT classifyGift
      ACTIVITY_ENTERED agreementGateway
      ACTIVITY_LEFT agreementGateway
      ACTIVITY_ENTERED agreementMerge
      ACTIVITY_LEFT agreementMerge
      ACTIVITY_ENTERED receiptAndThanksSplit
      ACTIVITY_LEFT receiptAndThanksSplit
      ACTIVITY_ENTERED issueReceipt
      TASK_CREATED issueReceipt
      OWNER_DECIDED issueReceipt foundation-finance
      ACTIVITY_ENTERED acknowledgeGift
      TASK_CREATED acknowledgeGift
      OWNER_DECIDED acknowledgeGift foundation
      USER_OPERATION Complete Task @au-finance
      VARIABLE_CHANGED receiptNo = "JZ-2026-000777" @au-finance
      TASK_COMPLETED issueReceipt on-time @au-finance
      ACTIVITY_LEFT issueReceipt
      ACTIVITY_ENTERED receiptAndThanksJoin
      USER_OPERATION Complete Task @au-foundation
      VARIABLE_CHANGED acknowledgedOn = "{today}" @au-foundation
      VARIABLE_CHANGED acknowledgementMethod = "LETTER" @au-foundation
      TASK_COMPLETED acknowledgeGift on-time @au-foundation
      ACTIVITY_LEFT acknowledgeGift
      ACTIVITY_LEFT receiptAndThanksJoin
      ACTIVITY_ENTERED receiptAndThanksJoin
      ACTIVITY_LEFT receiptAndThanksJoin
      ACTIVITY_ENTERED allocateGift
      ACTIVITY_LEFT allocateGift
      ACTIVITY_ENTERED stewardshipSplit
      ACTIVITY_LEFT stewardshipSplit
      ACTIVITY_ENTERED renewalDue
      USER_OPERATION SetJobRetries Job @admin
      INCIDENT_CREATED failedJob
      USER_OPERATION SetJobRetries Job @admin
      INCIDENT_RESOLVED failedJob @admin
      ACTIVITY_LEFT renewalDue
      ACTIVITY_ENTERED checkFundraisable
      VARIABLE_CHANGED stillFundraisable = true
      ACTIVITY_LEFT checkFundraisable
      ACTIVITY_ENTERED fundraisableGateway
      ACTIVITY_LEFT fundraisableGateway
      ACTIVITY_ENTERED askRenewal
      TASK_CREATED askRenewal
      OWNER_DECIDED askRenewal foundation
      USER_OPERATION Complete Task @au-foundation
      VARIABLE_CHANGED renewalOutcome = "Donor will renew next month" @au-foundation
      TASK_COMPLETED askRenewal on-time @au-foundation
      ACTIVITY_LEFT askRenewal
      ACTIVITY_ENTERED renewalMerge
      ACTIVITY_LEFT renewalMerge
      ACTIVITY_ENTERED stewardshipJoin
      ACTIVITY_LEFT stewardshipJoin
      ACTIVITY_ENTERED stewardshipComplete
      ACTIVITY_LEFT stewardshipComplete
      INSTANCE_ENDED
      """;

  @BeforeEach
  void registryAndRun() {
    campaign();
  }

  @AfterEach
  void cleanUp() {
    removeCampaign();
  }

  @Test
  void theGiftsStewardship() {
    at(t0.plus(Duration.ofMinutes(1)));
    Response gift = postJson("/api/gifts", "{\"giftRef\": \"AU-G1\", \"studentNo\": \"" + DONOR + "\", "
        + "\"amountCny\": 2000.00, \"giftDate\": \"" + today + "\", \"fundCode\": \"general\", "
        + "\"channel\": \"BANK_TRANSFER\"}", FINANCE, PASSWORD);
    assertThat(gift.status()).as(gift.toString()).isEqualTo(201);
    String id = gift.json().get("processInstanceId").asText();

    at(t0.plus(Duration.ofMinutes(2)));
    complete(id, DonationStewardship.ISSUE_RECEIPT, StaffGroups.FOUNDATION_FINANCE, FINANCE,
        string(DonationStewardship.VAR_RECEIPT_NO, "JZ-2026-000777"));
    at(t0.plus(Duration.ofMinutes(3)));
    complete(id, DonationStewardship.ACKNOWLEDGE_GIFT, StaffGroups.FOUNDATION, FOUNDATION,
        string("acknowledgementMethod", "LETTER"), string("acknowledgedOn", today.toString()));

    // an operator stops the renewal timer (retries 0: a failed-job incident) and lets it go again
    String job = timer(id, "renewalDue").getId();
    at(t0.plus(Duration.ofMinutes(4)));
    Response stop = put("/engine-rest/job/" + job + "/retries", "application/json", "{\"retries\": 0}", adminUser,
        adminPassword);
    assertThat(stop.status()).as(stop.toString()).isEqualTo(204);
    at(t0.plus(Duration.ofMinutes(5)));
    Response resume = put("/engine-rest/job/" + job + "/retries", "application/json", "{\"retries\": 1}",
        adminUser, adminPassword);
    assertThat(resume.status()).as(resume.toString()).isEqualTo(204);

    Instant renewal = fire(id, "renewalDue");
    at(renewal.plus(Duration.ofDays(1)));
    complete(id, DonationStewardship.ASK_RENEWAL, StaffGroups.FOUNDATION, FOUNDATION,
        string("renewalOutcome", "Donor will renew next month"));

    JsonNode timeline = timeline(id);
    assertThat(lines(timeline)).containsExactlyElementsOf(expected(GIFT));

    JsonNode instance = timeline.get("instance");
    assertThat(instance.get("cause").asText()).isEqualTo(AuditedInstance.CAUSE_GIFT_RECORDED);
    assertThat(instance.get("state").asText()).isEqualTo("COMPLETED");
    // who posted the gift, from the start variable (the engine has no start user for it)
    assertThat(instance.get("startedBy").asText()).isEqualTo(FINANCE);
    JsonNode started = events(timeline, EventType.INSTANCE_STARTED).get(0);
    assertThat(started.get("time").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(1))));
    assertThat(started.get("data").get("businessKey").asText()).isEqualTo("gift-AU-G1");

    JsonNode tier = events(timeline, EventType.GIFT_TIER_DECIDED).get(0);
    assertThat(tier.get("activityId").asText()).isEqualTo(DonationStewardship.CLASSIFY_GIFT);
    assertThat(tier.get("data").get("rule").asText()).contains("Tier: ANNUAL (under 10,000)");
    assertThat(tier.get("data").get("rulesetVersion").asText()).startsWith("sha256:");
    assertThat(tier.get("data").get("facts").asText()).contains("amount=2000.00").contains("fund=general");
    assertThat(tier.get("data").get("agreementRequired").asBoolean()).isFalse();

    JsonNode receipt = events(timeline, EventType.OWNER_DECIDED).get(0);
    assertThat(receipt.get("data").get("rule").asText())
        .isEqualTo("Donation receipt: foundation finance, within 3 business days");
    assertThat(receipt.get("data").get("candidateGroups")).hasSize(1);
    assertThat(receipt.get("data").get("rulesetVersion").asText()).startsWith("sha256:");
    assertThat(receipt.get("data").get("facts").asText()).isNotBlank();
    assertThat(receipt.get("data").get("fallback").asBoolean()).isFalse();

    JsonNode receiptDone = events(timeline, EventType.TASK_COMPLETED).get(0);
    assertThat(receiptDone.get("time").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(2))));
    assertThat(receiptDone.get("actor").asText()).isEqualTo(FINANCE);
    assertThat(receiptDone.get("data").get("due").asText()).isEqualTo(events(timeline, EventType.TASK_CREATED).get(0)
        .get("data").get("due").asText());

    JsonNode incident = events(timeline, EventType.INCIDENT_CREATED).get(0);
    assertThat(incident.get("time").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(4))));
    assertThat(incident.get("activityId").asText()).isEqualTo("renewalDue");
    assertThat(incident.get("data").get("configuration").asText()).isEqualTo(job);
    JsonNode resolved = events(timeline, EventType.INCIDENT_RESOLVED).get(0);
    assertThat(resolved.get("time").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(5))));
    assertThat(resolved.get("actor").asText()).isEqualTo(adminUser);

    JsonNode ended = events(timeline, EventType.INSTANCE_ENDED).get(0);
    assertThat(ended.get("time").asText()).isEqualTo(iso(renewal.plus(Duration.ofDays(1))));
    assertThat(ended.get("data").get("endActivityId").asText()).isEqualTo("stewardshipComplete");
  }

  @Test
  void theReunionOfTheMilestoneClass() {
    String id = instanceOf(reunionKey);
    at(t0.plus(Duration.ofMinutes(1)));
    JsonNode committee = task(id, ReunionPlanning.FORM_COMMITTEE, StaffGroups.college("lit"), LIT);
    claim(committee, LIT);
    at(t0.plus(Duration.ofMinutes(2)));
    complete(committee, LIT, string("committeeContacts", "AU-LIT-01 (班长), AU-LIT-02"), number("volunteersCount", 3));
    LocalDate eventDate = today.plusWeeks(10);
    at(t0.plus(Duration.ofMinutes(3)));
    complete(id, ReunionPlanning.DRAFT_PLAN, StaffGroups.college("lit"), LIT,
        string(ReunionPlanning.VAR_EVENT_DATE, eventDate.toString()), string(ReunionPlanning.VAR_VENUE, "文学院报告厅"),
        string(ReunionPlanning.VAR_PROGRAMME, "座谈, 校园参观, 晚宴"), number(ReunionPlanning.VAR_BUDGET, 80_000));
    at(t0.plus(Duration.ofMinutes(4)));
    complete(id, ReunionPlanning.APPROVE_PLAN, StaffGroups.MANAGERS, MANAGER, bool(ReunionPlanning.VAR_APPROVED, false),
        string(ReunionPlanning.VAR_APPROVAL_COMMENT, "预算明细不清"));
    at(t0.plus(Duration.ofMinutes(5)));
    complete(id, ReunionPlanning.DRAFT_PLAN, StaffGroups.college("lit"), LIT,
        string(ReunionPlanning.VAR_EVENT_DATE, eventDate.toString()), string(ReunionPlanning.VAR_VENUE, "文学院报告厅"),
        string(ReunionPlanning.VAR_PROGRAMME, "座谈, 校园参观, 晚宴"), number(ReunionPlanning.VAR_BUDGET, 90_000));
    at(t0.plus(Duration.ofMinutes(6)));
    complete(id, ReunionPlanning.APPROVE_PLAN, StaffGroups.MANAGERS, MANAGER, bool(ReunionPlanning.VAR_APPROVED, true),
        string(ReunionPlanning.VAR_APPROVAL_COMMENT, "同意"));
    at(t0.plus(Duration.ofMinutes(7)));
    Response rsvp = postJson("/api/reunions/" + reunionKey + "/rsvps",
        "{\"studentNo\": \"AU-LIT-01\", \"attending\": true, \"guests\": 1}", LIT, PASSWORD);
    assertThat(rsvp.status()).as(rsvp.toString()).isEqualTo(200);
    Instant deadline = fire(id, "rsvpDeadlineReached");
    at(deadline.plus(Duration.ofMinutes(1)));
    complete(id, ReunionPlanning.CONFIRM_LOGISTICS, StaffGroups.college("lit"), LIT,
        string("logisticsNote", "报告厅、餐饮已确认"));
    Instant eventDay = fire(id, "eventDayReached");
    at(eventDay.plus(Duration.ofDays(1)));
    complete(id, ReunionPlanning.RECORD_ATTENDANCE, StaffGroups.college("lit"), LIT,
        number(ReunionPlanning.VAR_ATTENDED, 1));
    at(eventDay.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));
    complete(id, ReunionPlanning.PUBLISH_STORY, StaffGroups.COMMUNICATIONS, COMMS);
    at(eventDay.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(2)));
    complete(id, ReunionPlanning.SEND_THANKS_AND_APPEAL, StaffGroups.FOUNDATION, FOUNDATION);

    JsonNode timeline = timeline(id);
    assertThat(lines(timeline)).containsExactlyElementsOf(expected(REUNION.replace("{eventDate}",
        eventDate.toString()).replace("{rsvpDeadline}", iso(deadline)).replace("{eventStart}", iso(eventDay))));

    // started by the run's reunion trigger, with the run's date and rules
    JsonNode instance = timeline.get("instance");
    assertThat(instance.get("cause").asText()).isEqualTo(AuditedInstance.CAUSE_SEGMENTATION_TRIGGER);
    assertThat(instance.get("trigger").get("segmentationRunId").asLong()).isEqualTo(runId);
    assertThat(instance.get("trigger").get("asOf").asText()).isEqualTo(today.toString());
    assertThat(instance.get("trigger").get("rulesetVersion").asText()).startsWith("sha256:");
    assertThat(instance.get("trigger").get("rule").asText())
        .isEqualTo("Cohort with 10 or more milestone members: start reunion planning");
    JsonNode started = events(timeline, EventType.INSTANCE_STARTED).get(0);
    assertThat(started.get("time").asText()).isEqualTo(iso(t0));
    assertThat(started.get("data").get("trigger").get("segmentationRunId").asLong()).isEqualTo(runId);
    assertThat(started.get("summary").asText()).contains("segmentation run " + runId);

    // the claim, and the completion by the one who claimed
    JsonNode claimed = events(timeline, EventType.TASK_CLAIMED).get(0);
    assertThat(claimed.get("time").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(1))));
    assertThat(claimed.get("actor").asText()).isEqualTo(LIT);
    JsonNode committeeDone = events(timeline, EventType.TASK_COMPLETED).get(0);
    assertThat(committeeDone.get("data").get("assignee").asText()).isEqualTo(LIT);
    assertThat(committeeDone.get("data").get("durationMs").asLong()).isEqualTo(Duration.ofMinutes(2).toMillis());

    // the plan's rework: old and new values, by whom, when
    List<JsonNode> budget = events(timeline, EventType.VARIABLE_CHANGED).stream()
        .filter(e -> e.get("data").get("name").asText().equals(ReunionPlanning.VAR_BUDGET)).toList();
    assertThat(budget).hasSize(2);
    assertThat(budget.get(1).get("data").get("oldValue").asLong()).isEqualTo(80_000);
    assertThat(budget.get(1).get("data").get("newValue").asLong()).isEqualTo(90_000);
    assertThat(budget.get(1).get("actor").asText()).isEqualTo(LIT);
    assertThat(budget.get(1).get("time").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(5))));
    assertThat(budget.get(1).get("activityId").asText()).isEqualTo(ReunionPlanning.DRAFT_PLAN);
    List<JsonNode> second = events(timeline, EventType.VARIABLE_CHANGED).stream()
        .filter(e -> e.get("data").get("name").asText().equals(ReunionPlanning.VAR_SECOND_APPROVER)).toList();
    assertThat(second.get(0).get("data").get("newValue").isNull()).isTrue();

    // the owner of the approval, with the rule, its version and the facts it matched
    JsonNode approval = events(timeline, EventType.OWNER_DECIDED).stream()
        .filter(e -> e.get("data").get("taskKey").asText().equals(ReunionPlanning.APPROVE_PLAN)).toList().get(1);
    assertThat(approval.get("data").get("rule").asText())
        .isEqualTo("Reunion plan approval, budget up to 200,000: managers");
    assertThat(approval.get("data").get("facts").asText()).contains("90000");
    assertThat(approval.get("data").get("due").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(5))
        .plus(Duration.ofDays(7))));

    // the RSVP through the service's API changed the head count (the API records no engine user)
    JsonNode headCount = events(timeline, EventType.VARIABLE_CHANGED).stream()
        .filter(e -> e.get("data").get("name").asText().equals(ReunionPlanning.VAR_HEAD_COUNT)
            && e.get("data").has("oldValue")).toList().get(0);
    assertThat(headCount.get("time").asText()).isEqualTo(iso(t0.plus(Duration.ofMinutes(7))));
    assertThat(headCount.get("data").get("newValue").asInt()).isEqualTo(2);

    JsonNode ended = events(timeline, EventType.INSTANCE_ENDED).get(0);
    assertThat(ended.get("time").asText()).isEqualTo(iso(eventDay.plus(Duration.ofDays(1))
        .plus(Duration.ofMinutes(2))));
    assertThat(timeline.get("instance").get("endTime").asText()).isEqualTo(ended.get("time").asText());
  }

  @Test
  void theVisitOfTheDistinguishedAlumnus() {
    String id = instanceOf("visit-" + VIP);
    LocalDate visitDate = today.plusDays(3);
    at(t0.plus(Duration.ofMinutes(1)));
    complete(id, VisitCycle.PLAN_VISIT, StaffGroups.chapter("bj"), BEIJING,
        string(VisitCycle.VAR_VISIT_DATE, visitDate.toString()), string(VisitCycle.VAR_VISITORS, "北京校友会 王秘书长"),
        string(VisitCycle.VAR_OBJECTIVES, "了解近况, 邀请回校讲座"));
    // the report is not filed in time: the escalation reaches the managers, who chase it
    Instant due = fire(id, "contactReportOverdue");
    at(due.plus(Duration.ofHours(1)));
    complete(id, VisitCycle.CHASE_CONTACT_REPORT, StaffGroups.MANAGERS, MANAGER, string("chaseNote", "已电话提醒"));
    at(due.plus(Duration.ofHours(2)));
    complete(id, VisitCycle.FILE_CONTACT_REPORT, StaffGroups.chapter("bj"), BEIJING,
        string(VisitCycle.VAR_VISIT_DATE, visitDate.toString()), string(VisitCycle.VAR_VISITORS, "北京校友会 王秘书长"),
        string(VisitCycle.VAR_METHOD, VisitCycle.METHOD_IN_PERSON),
        string(VisitCycle.VAR_LEARNED, "Now dean of a physics institute; glad to give a talk."),
        bool(VisitCycle.VAR_INTEREST_DONATION, false), bool(VisitCycle.VAR_INTEREST_RECRUITMENT, false),
        bool(VisitCycle.VAR_INTEREST_MENTORING, false), bool(VisitCycle.VAR_INTEREST_SPEAKER, true),
        number(VisitCycle.VAR_MONTHS_UNTIL_NEXT, 0));
    at(due.plus(Duration.ofDays(1)));
    complete(id, VisitCycle.INVITE_SPEAKER, StaffGroups.ALUMNI_OFFICE, OFFICE,
        string("speakerOutcome", "名校友讲坛 booked"), bool("speakerDone", true));

    JsonNode timeline = timeline(id);
    assertThat(lines(timeline)).containsExactlyElementsOf(expected(VISIT.replace("{visitDate}",
        visitDate.toString())));

    assertThat(timeline.get("instance").get("trigger").get("rule").asText())
        .isEqualTo("Visit due: start a visit cycle with its region owner");
    // the report came after its due date, and the escalation fired exactly at it
    JsonNode report = events(timeline, EventType.TASK_COMPLETED).stream()
        .filter(e -> e.get("data").get("taskKey").asText().equals(VisitCycle.FILE_CONTACT_REPORT)).toList().get(0);
    assertThat(report.get("data").get("overdue").asBoolean()).isTrue();
    assertThat(report.get("data").get("due").asText()).isEqualTo(iso(due));
    assertThat(report.get("actor").asText()).isEqualTo(BEIJING);
    assertThat(report.get("summary").asText()).contains("overdue");
    JsonNode escalation = events(timeline, EventType.ACTIVITY_ENTERED).stream()
        .filter(e -> e.get("activityId").asText().equals("contactReportOverdue")).toList().get(0);
    assertThat(escalation.get("time").asText()).isEqualTo(iso(due));
    JsonNode reportOwner = events(timeline, EventType.OWNER_DECIDED).stream()
        .filter(e -> e.get("data").get("taskKey").asText().equals(VisitCycle.FILE_CONTACT_REPORT)).toList().get(0);
    assertThat(reportOwner.get("data").get("rule").asText())
        .isEqualTo("Contact report: the region owner, 5 days after the visit");
    assertThat(reportOwner.get("data").get("candidateGroups").get(0).asText()).isEqualTo("chapter-bj");
  }

  /** An expected timeline with the values of today's run put in. */
  private List<String> expected(String block) {
    return block.replace("{today}", today.toString()).replace("{run}", Long.toString(runId))
        .replace("{graduationYear}", Integer.toString(today.getYear() - 10))
        .replace("{impactReportDate}", iso(today.plusMonths(12).atTime(9, 0).atZone(ZONE).toInstant()))
        .replace("{renewalDate}", iso(today.plusMonths(11).atTime(9, 0).atZone(ZONE).toInstant()))
        .lines().toList();
  }
}
