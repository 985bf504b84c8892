package edu.alumni.engine.reunion;

import static edu.alumni.engine.assignment.ProcessTestEngine.BASE_TIME;
import static edu.alumni.engine.assignment.ProcessTestEngine.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import edu.alumni.engine.assignment.OwnerDecision;
import edu.alumni.engine.assignment.ProcessTestEngine;
import edu.alumni.rules.process.ReunionPlanning;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * reunionPlanning (PROCESSES.md §1), one test per path, on a plain engine (no Spring) with the real assignment rules,
 * the real sendInvitations delegate and the registry on in-memory H2. Every task reached is checked for its owner
 * group; the date-based due dates (event date − 7 / + 7 days at 18:00) and the day-counted ones are checked too.
 */
class ReunionPlanningProcessTests {

  @RegisterExtension
  static final ProcessTestEngine fixture = new ProcessTestEngine();

  @RegisterExtension
  static final ProcessEngineExtension camunda = fixture.extension();

  /** Saturday 20 June 2026: RSVP deadline Saturday 6 June 09:00, logistics due Saturday 13 June 18:00. */
  static final LocalDate EVENT_DATE = LocalDate.of(2026, 6, 20);

  /** Each test its own cohort (graduation year), so invitations of one test never meet another's. */
  private static int nextYear = 1990;

  private static synchronized int cohortYear() {
    return nextYear++;
  }

  private ProcessInstance start(String college, int graduationYear) {
    return runtimeService().startProcessInstanceByKey(ReunionPlanning.PROCESS_KEY,
        String.format(ReunionPlanning.BUSINESS_KEY_FORMAT, college, graduationYear, EVENT_DATE.getYear()),
        Map.of(ReunionPlanning.VAR_COLLEGE, college, ReunionPlanning.VAR_GRADUATION_YEAR, graduationYear,
            ReunionPlanning.VAR_MILESTONE, EVENT_DATE.getYear() - graduationYear,
            ReunionPlanning.VAR_COHORT_SIZE, 120));
  }

  /** formCommittee → draftPlan (the college's group, 30 days each), then waiting at approvePlan. */
  private ProcessInstance throughDraft(String college, int graduationYear, long budget) {
    ProcessInstance instance = start(college, graduationYear);
    assertThat(instance).isStarted().isWaitingAtExactly(ReunionPlanning.FORM_COMMITTEE);
    fixture.assertOwner(task(), "college-" + college, BASE_TIME.plusDays(30));
    complete(task(), withVariables("classContacts", "张三, 李四", "volunteers", 6));

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.DRAFT_PLAN);
    fixture.assertOwner(task(), "college-" + college, BASE_TIME.plusDays(30));
    complete(task(), plan(budget));

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.APPROVE_PLAN);
    return instance;
  }

  private static Map<String, Object> plan(long budget) {
    // as the Camunda Forms date and number fields send them
    return withVariables(ReunionPlanning.VAR_EVENT_DATE, EVENT_DATE.toString(), ReunionPlanning.VAR_VENUE,
        "校史馆报告厅", ReunionPlanning.VAR_PROGRAMME, "返校座谈、校园参观、晚宴", ReunionPlanning.VAR_BUDGET, budget);
  }

  private static Map<String, Object> decision(boolean approved, String comment) {
    return withVariables(ReunionPlanning.VAR_APPROVED, approved, ReunionPlanning.VAR_APPROVAL_COMMENT, comment);
  }

  private static Map<String, Object> secondDecision(boolean approved, String comment) {
    return withVariables(ReunionPlanning.VAR_SECOND_APPROVED, approved, ReunionPlanning.VAR_APPROVAL_COMMENT,
        comment);
  }

  @Test
  void budgetUpTo200000IsApprovedByManagersAloneAndInvitationsGoOut() {
    ProcessInstance instance = throughDraft("cs", cohortYear(), 200_000);

    OwnerDecision approval = fixture.assertOwner(task(), "managers", BASE_TIME.plusDays(7));
    assertThat(approval.secondApprover()).isNull();
    assertThat(instance).variables().containsEntry(ReunionPlanning.VAR_SECOND_APPROVER, null);
    complete(task(), decision(true, "同意"));

    assertThat(instance).hasPassedInOrder(ReunionPlanning.FORM_COMMITTEE, ReunionPlanning.DRAFT_PLAN,
            ReunionPlanning.APPROVE_PLAN, ReunionPlanning.SEND_INVITATIONS)
        .hasNotPassed(ReunionPlanning.SECOND_APPROVE_PLAN, ReunionPlanning.REMIND_APPROVAL)
        .isWaitingAtExactly("rsvpDeadlineReached");
  }

  @Test
  void rejectedPlanGoesBackToDraftWithTheCommentAndIsApprovedAfterRework() {
    ProcessInstance instance = throughDraft("ee", cohortYear(), 150_000);
    fixture.assertOwner(task(), "managers", BASE_TIME.plusDays(7));
    complete(task(), decision(false, "预算明细不清，请补充晚宴费用"));

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.DRAFT_PLAN);
    Task redraft = task();
    fixture.assertOwner(redraft, "college-ee", BASE_TIME.plusDays(30));
    assertThat(taskService().getVariable(redraft.getId(), ReunionPlanning.VAR_APPROVAL_COMMENT))
        .isEqualTo("预算明细不清，请补充晚宴费用");
    complete(redraft, plan(120_000));

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.APPROVE_PLAN);
    fixture.assertOwner(task(), "managers", BASE_TIME.plusDays(7));
    complete(task(), decision(true, "同意"));

    assertThat(instance).hasPassedInOrder(ReunionPlanning.FORM_COMMITTEE, ReunionPlanning.DRAFT_PLAN,
            ReunionPlanning.APPROVE_PLAN, ReunionPlanning.DRAFT_PLAN, ReunionPlanning.APPROVE_PLAN,
            ReunionPlanning.SEND_INVITATIONS)
        .hasNotPassed(ReunionPlanning.SECOND_APPROVE_PLAN)
        .isWaitingAtExactly("rsvpDeadlineReached");
  }

  @Test
  void budgetOver200000NeedsTheSecondApprovalOfThePresidentsOffice() {
    ProcessInstance instance = throughDraft("cs", cohortYear(), 200_001);

    OwnerDecision approval = fixture.assertOwner(task(), "managers", BASE_TIME.plusDays(7));
    assertThat(approval.secondApprover()).isEqualTo("president-office");
    assertThat(instance).variables().containsEntry(ReunionPlanning.VAR_SECOND_APPROVER, "president-office");
    complete(task(), decision(true, "同意，报校长办公室"));

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.SECOND_APPROVE_PLAN);
    fixture.assertOwner(task(), "president-office", BASE_TIME.plusDays(7));
    complete(task(), secondDecision(true, "同意"));

    assertThat(instance).hasPassedInOrder(ReunionPlanning.APPROVE_PLAN, ReunionPlanning.SECOND_APPROVE_PLAN,
            ReunionPlanning.SEND_INVITATIONS)
        .isWaitingAtExactly("rsvpDeadlineReached");
  }

  @Test
  void secondApprovalRejectedGoesBackToDraft() {
    ProcessInstance instance = throughDraft("cs", cohortYear(), 350_000);
    fixture.assertOwner(task(), "managers", BASE_TIME.plusDays(7));
    complete(task(), decision(true, "同意"));

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.SECOND_APPROVE_PLAN);
    fixture.assertOwner(task(), "president-office", BASE_TIME.plusDays(7));
    complete(task(), secondDecision(false, "预算过高，请压缩到20万以内"));

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.DRAFT_PLAN)
        .hasPassedInOrder(ReunionPlanning.DRAFT_PLAN, ReunionPlanning.APPROVE_PLAN,
            ReunionPlanning.SECOND_APPROVE_PLAN, "draftPlanMerge")
        .hasNotPassed(ReunionPlanning.SEND_INVITATIONS);
    Task redraft = task();
    fixture.assertOwner(redraft, "college-cs", BASE_TIME.plusDays(30));
    assertThat(taskService().getVariable(redraft.getId(), ReunionPlanning.VAR_APPROVAL_COMMENT))
        .isEqualTo("预算过高，请压缩到20万以内");

    // the reworked plan within 200,000 needs no second approval any more
    complete(redraft, plan(180_000));
    assertThat(instance).isWaitingAtExactly(ReunionPlanning.APPROVE_PLAN);
    fixture.assertOwner(task(), "managers", BASE_TIME.plusDays(7));
    assertThat(instance).variables().containsEntry(ReunionPlanning.VAR_SECOND_APPROVER, null);
    complete(task(), decision(true, "同意"));
    assertThat(instance).isWaitingAtExactly("rsvpDeadlineReached");
  }

  @Test
  void overdueApprovalRemindsManagersWhileTheApprovalStaysOpen() {
    ProcessInstance instance = throughDraft("cs", cohortYear(), 80_000);
    Task approval = task();
    fixture.assertOwner(approval, "managers", BASE_TIME.plusDays(7));

    // the escalation fires exactly when the approval becomes overdue
    Job overdue = fixture.timer(instance, "approvalOverdue");
    assertThat(overdue.getDuedate()).isEqualTo(approval.getDueDate());

    LocalDateTime late = BASE_TIME.plusDays(7).plusMinutes(1);
    fixture.setClock(late);
    execute(overdue);

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.APPROVE_PLAN, ReunionPlanning.REMIND_APPROVAL);
    fixture.assertOwner(task(ReunionPlanning.REMIND_APPROVAL), "managers", late.plusDays(2));
    // the approval itself is untouched: same task, same owner, same due date
    assertThat(task(ReunionPlanning.APPROVE_PLAN).getId()).isEqualTo(approval.getId());
    fixture.assertOwner(task(ReunionPlanning.APPROVE_PLAN), "managers", BASE_TIME.plusDays(7));

    complete(task(ReunionPlanning.REMIND_APPROVAL), withVariables("reminderNote", "已电话提醒"));
    assertThat(instance).isWaitingAtExactly(ReunionPlanning.APPROVE_PLAN)
        .hasPassed("approvalOverdue", ReunionPlanning.REMIND_APPROVAL, "reminderSent");

    complete(task(ReunionPlanning.APPROVE_PLAN), decision(true, "同意"));
    assertThat(instance).isWaitingAtExactly("rsvpDeadlineReached");
  }

  @Test
  void fullReunionInvitesContactableCohortMembersAndEndsAfterThanksAndStory() {
    int year = cohortYear();
    String invitedByEmail = fixture.insertAlumnus("cs", year, "北京").studentNo();
    String invitedByPhone = fixture.insertAlumnus(fixture.nextId("S"), "cs", year, "上海", null, "+8613900139000",
        true, false, false).studentNo();
    String deceased = fixture.insertAlumnus(fixture.nextId("S"), "cs", year, "北京", "gone@example.cn", null, true,
        true, true).studentNo();
    String doNotContact = fixture.insertAlumnus(fixture.nextId("S"), "cs", year, "北京", "dnc@example.cn",
        "+8613700137000", false, false, false).studentNo();
    String lost = fixture.insertAlumnus(fixture.nextId("S"), "cs", year, "北京", null, null, true, true, false)
        .studentNo();
    String otherYear = fixture.insertAlumnus("cs", year + 100, "北京").studentNo();
    String otherCollege = fixture.insertAlumnus("ee", year, "北京").studentNo();

    ProcessInstance instance = throughDraft("cs", year, 90_000);
    fixture.assertOwner(task(), "managers", BASE_TIME.plusDays(7));
    complete(task(), decision(true, "同意"));

    // invitations: one per contactable cohort member, recorded in the registry
    String businessKey = instance.getBusinessKey();
    assertThat(fixture.reunions().selectInvitedStudentNos(businessKey))
        .containsExactlyInAnyOrder(invitedByEmail, invitedByPhone)
        .doesNotContain(deceased, doNotContact, lost, otherYear, otherCollege);
    assertThat(fixture.reunions().selectInvitation(businessKey, invitedByEmail).invitedAt()).isEqualTo(BASE_TIME);
    assertThat(instance).variables().containsEntry(ReunionPlanning.VAR_INVITED, 2)
        .containsEntry(ReunionPlanning.VAR_HEAD_COUNT, 0);

    // RSVPs until the deadline, event date - 14 days at 09:00
    assertThat(instance).isWaitingAtExactly("rsvpDeadlineReached");
    LocalDateTime rsvpDeadline = EVENT_DATE.minusDays(14).atTime(9, 0);
    Job rsvp = fixture.timer(instance, "rsvpDeadlineReached");
    assertThat(local(rsvp.getDuedate())).isEqualTo(rsvpDeadline);
    fixture.setClock(rsvpDeadline);
    execute(rsvp);

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.CONFIRM_LOGISTICS);
    fixture.assertOwner(task(), "college-cs", EVENT_DATE.minusDays(7).atTime(LocalTime.of(18, 0)));
    complete(task(), withVariables("logisticsNote", "报告厅、餐饮、校园导览已确认"));

    // wait until the event starts
    assertThat(instance).isWaitingAtExactly("eventDayReached");
    LocalDateTime eventStart = EVENT_DATE.atTime(9, 0);
    Job eventDay = fixture.timer(instance, "eventDayReached");
    assertThat(local(eventDay.getDuedate())).isEqualTo(eventStart);
    fixture.setClock(eventStart);
    execute(eventDay);

    assertThat(instance).isWaitingAtExactly(ReunionPlanning.RECORD_ATTENDANCE);
    fixture.assertOwner(task(), "college-cs", EVENT_DATE.plusDays(7).atTime(LocalTime.of(18, 0)));
    LocalDateTime dayAfter = EVENT_DATE.plusDays(1).atTime(10, 0);
    fixture.setClock(dayAfter);
    complete(task(), withVariables(ReunionPlanning.VAR_ATTENDED, 1));

    // thanks with the class gift appeal and the story, in parallel
    assertThat(instance).isWaitingAtExactly(ReunionPlanning.SEND_THANKS_AND_APPEAL, ReunionPlanning.PUBLISH_STORY);
    fixture.assertOwner(task(ReunionPlanning.SEND_THANKS_AND_APPEAL), "foundation", dayAfter.plusDays(14));
    fixture.assertOwner(task(ReunionPlanning.PUBLISH_STORY), "communications", dayAfter.plusDays(14));
    complete(task(ReunionPlanning.PUBLISH_STORY));
    // the story's branch waits at the join for the thanks
    assertThat(instance).isWaitingAt(ReunionPlanning.SEND_THANKS_AND_APPEAL)
        .isNotWaitingAt(ReunionPlanning.PUBLISH_STORY).isNotEnded();
    complete(task(ReunionPlanning.SEND_THANKS_AND_APPEAL));

    assertThat(instance).isEnded()
        .hasPassedInOrder(ReunionPlanning.FORM_COMMITTEE, ReunionPlanning.DRAFT_PLAN, ReunionPlanning.APPROVE_PLAN,
            ReunionPlanning.SEND_INVITATIONS, "rsvpDeadlineReached", ReunionPlanning.CONFIRM_LOGISTICS,
            "eventDayReached", ReunionPlanning.RECORD_ATTENDANCE)
        .hasPassed(ReunionPlanning.SEND_THANKS_AND_APPEAL, ReunionPlanning.PUBLISH_STORY, "reunionClosed")
        .hasNotPassed(ReunionPlanning.SECOND_APPROVE_PLAN, ReunionPlanning.REMIND_APPROVAL);
    // every user task of the instance has its recorded owner decision
    assertThat(fixture.ownerDecisions().selectByProcessInstanceId(instance.getId()))
        .extracting(OwnerDecision::taskKey)
        .containsExactlyInAnyOrder(ReunionPlanning.FORM_COMMITTEE, ReunionPlanning.DRAFT_PLAN,
            ReunionPlanning.APPROVE_PLAN, ReunionPlanning.CONFIRM_LOGISTICS, ReunionPlanning.RECORD_ATTENDANCE,
            ReunionPlanning.SEND_THANKS_AND_APPEAL, ReunionPlanning.PUBLISH_STORY);
  }
}
