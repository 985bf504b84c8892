package edu.alumni.engine.visit;

import static edu.alumni.engine.assignment.ProcessTestEngine.BASE_TIME;
import static edu.alumni.engine.assignment.ProcessTestEngine.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.assignment.OwnerDecision;
import edu.alumni.engine.assignment.ProcessTestEngine;
import edu.alumni.rules.process.VisitCycle;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * visitCycle (PROCESSES.md §2), one test per path, on a plain engine (no Spring) with the real assignment and
 * follow-up rules, the real recordContactReport and decideFollowUps delegates and the registry on in-memory H2.
 * Every task reached is checked for its owner group and due date.
 */
class VisitCycleProcessTests {

  @RegisterExtension
  static final ProcessTestEngine fixture = new ProcessTestEngine();

  @RegisterExtension
  static final ProcessEngineExtension camunda = fixture.extension();

  /** The planned visit: Tuesday 10 March 2026; the contact report is due Sunday 15 March 18:00. */
  static final LocalDate VISIT_DATE = LocalDate.of(2026, 3, 10);
  static final LocalDateTime REPORT_DUE = VISIT_DATE.plusDays(5).atTime(18, 0);

  private Alumnus alumnus(String city, String... giftAmounts) {
    Alumnus alumnus = fixture.insertAlumnus("cs", 2010, city);
    for (String amount : giftAmounts) {
      fixture.insertGift(alumnus.studentNo(), amount, "general", LocalDate.of(2024, 5, 1));
    }
    return alumnus;
  }

  private ProcessInstance start(Alumnus alumnus) {
    return runtimeService().startProcessInstanceByKey(VisitCycle.PROCESS_KEY,
        String.format(VisitCycle.BUSINESS_KEY_FORMAT, alumnus.studentNo()),
        Map.of(VisitCycle.VAR_STUDENT_NO, alumnus.studentNo(), VisitCycle.VAR_REASON, "MAJOR_DONOR_PROSPECT"));
  }

  /** planVisit (region owner, 21 days) completed with the visit date, then waiting at fileContactReport. */
  private ProcessInstance planned(Alumnus alumnus, String regionOwner) {
    ProcessInstance instance = start(alumnus);
    assertThat(instance).isStarted().isWaitingAtExactly(VisitCycle.PLAN_VISIT);
    fixture.assertOwner(task(), regionOwner, BASE_TIME.plusDays(21));
    complete(task(), withVariables(VisitCycle.VAR_VISIT_DATE, VISIT_DATE.toString(), VisitCycle.VAR_VISITORS,
        "王老师, 赵老师", VisitCycle.VAR_OBJECTIVES, "了解近况，介绍学院发展"));

    assertThat(instance).isWaitingAtExactly(VisitCycle.FILE_CONTACT_REPORT);
    fixture.assertOwner(task(), regionOwner, REPORT_DUE);
    return instance;
  }

  /** A valid contact report: in person, no interests, cycle closed, unless the overrides say otherwise. */
  private static Map<String, Object> report(Object... overrides) {
    Map<String, Object> report = new HashMap<>();
    report.put(VisitCycle.VAR_VISIT_DATE, VISIT_DATE.toString());
    report.put(VisitCycle.VAR_VISITORS, "王老师, 赵老师");
    report.put(VisitCycle.VAR_METHOD, VisitCycle.METHOD_IN_PERSON);
    report.put(VisitCycle.VAR_LEARNED, "已升任技术总监，关心学院人工智能方向的发展");
    report.put(VisitCycle.VAR_CONVEYED, "学院新大楼建设与奖学金计划");
    report.put(VisitCycle.VAR_INTEREST_DONATION, false);
    report.put(VisitCycle.VAR_INTEREST_RECRUITMENT, false);
    report.put(VisitCycle.VAR_INTEREST_MENTORING, false);
    report.put(VisitCycle.VAR_INTEREST_SPEAKER, false);
    report.put(VisitCycle.VAR_MONTHS_UNTIL_NEXT, 0);
    for (int i = 0; i < overrides.length; i += 2) {
      report.put((String) overrides[i], overrides[i + 1]);
    }
    return report;
  }

  // ------------------------------------------------------------------------------------------------------------
  // planVisit: the region owner
  // ------------------------------------------------------------------------------------------------------------

  @Test
  void majorDonorIsPlannedByMajorGiftsEvenInAChapterCity() {
    // lifetime giving exactly 1,000,000 (two gifts), living in Beijing
    Alumnus donor = alumnus("北京", "600000", "400000");
    OwnerDecision decision = planOwner(donor, "major-gifts");
    assertThat(decision.facts()).contains("lifetimeGiving=1000000.00");
  }

  @Test
  void beijingAlumnusIsPlannedByTheBeijingChapter() {
    Alumnus alumnus = alumnus("Beijing", "999999.99");
    assertThat(alumnus.chapterCode()).isEqualTo("bj");
    OwnerDecision decision = planOwner(alumnus, "chapter-bj");
    assertThat(decision.facts()).contains("chapter=bj");
  }

  @Test
  void alumnusOutsideEveryChapterIsPlannedByTheAlumniOffice() {
    Alumnus alumnus = alumnus("兰州");
    assertThat(alumnus.chapterCode()).isNull();
    OwnerDecision decision = planOwner(alumnus, "alumni-office");
    assertThat(decision.facts()).contains("chapter=none");
  }

  private OwnerDecision planOwner(Alumnus alumnus, String regionOwner) {
    ProcessInstance instance = start(alumnus);
    assertThat(instance).isWaitingAtExactly(VisitCycle.PLAN_VISIT);
    return fixture.assertOwner(task(), regionOwner, BASE_TIME.plusDays(21));
  }

  // ------------------------------------------------------------------------------------------------------------
  // The contact report
  // ------------------------------------------------------------------------------------------------------------

  @Test
  void reportWithoutInterestsAndZeroMonthsClosesTheCycleAndUpdatesTheRegistry() {
    Alumnus alumnus = alumnus("兰州");
    ProcessInstance instance = planned(alumnus, "alumni-office");

    identityService().setAuthenticatedUserId("wang.laoshi");
    complete(task(), report(VisitCycle.VAR_NEW_EMAIL, "new.address@example.com", VisitCycle.VAR_NEW_PHONE,
        "+86 139-0013-9000", VisitCycle.VAR_NEW_CITY, "Shanghai", VisitCycle.VAR_NEW_EMPLOYER, "上海某某科技有限公司",
        VisitCycle.VAR_NEW_JOB_TITLE, "技术总监"));

    assertThat(instance).isEnded()
        .hasPassedInOrder(VisitCycle.PLAN_VISIT, VisitCycle.FILE_CONTACT_REPORT, VisitCycle.RECORD_CONTACT_REPORT,
            VisitCycle.DECIDE_FOLLOW_UPS, "followUpSplit", "followUpJoin", "nextVisitGateway", "cycleClosed")
        .hasNotPassed(VisitCycle.PREPARE_PROPOSAL, VisitCycle.ARRANGE_RECRUITMENT, VisitCycle.MATCH_MENTEES,
            VisitCycle.INVITE_SPEAKER, "nextVisitDue", VisitCycle.CHASE_CONTACT_REPORT);

    // the registry: last visit, corrected contact data (with the chapter the new city maps to), the report
    assertThat(fixture.alumni().selectFactsByStudentNo(alumnus.studentNo()).lastVisitDate()).isEqualTo(VISIT_DATE);
    Alumnus updated = fixture.alumni().selectByStudentNo(alumnus.studentNo());
    assertThat(updated.email()).isEqualTo("new.address@example.com");
    assertThat(updated.phone()).isEqualTo("+8613900139000");
    assertThat(updated.city()).isEqualTo("Shanghai");
    assertThat(updated.chapterCode()).isEqualTo("sh");
    assertThat(updated.employer()).isEqualTo("上海某某科技有限公司");
    assertThat(updated.jobTitle()).isEqualTo("技术总监");
    List<ContactReportRow> reports = fixture.contactReports().selectByStudentNo(alumnus.studentNo());
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.processInstanceId()).isEqualTo(instance.getId());
      assertThat(r.visitDate()).isEqualTo(VISIT_DATE);
      assertThat(r.contactMethod()).isEqualTo(VisitCycle.METHOD_IN_PERSON);
      assertThat(r.interests()).isEmpty();
      assertThat(r.monthsUntilNext()).isZero();
      assertThat(r.filedBy()).isEqualTo("wang.laoshi");
      assertThat(r.filedAt()).isEqualTo(BASE_TIME);
    });
  }

  @Test
  void failedContactAsksForNoFollowUpsAndIsNoVisit() {
    Alumnus alumnus = alumnus("兰州");
    ProcessInstance instance = planned(alumnus, "alumni-office");

    // whatever the form carries, nobody was reached
    complete(task(), report(VisitCycle.VAR_METHOD, VisitCycle.METHOD_FAILED, VisitCycle.VAR_LEARNED,
        "电话无人接听，单位前台称已离职", VisitCycle.VAR_INTEREST_DONATION, true, VisitCycle.VAR_INTEREST_RECRUITMENT,
        true, VisitCycle.VAR_INTEREST_MENTORING, true, VisitCycle.VAR_INTEREST_SPEAKER, true));

    assertThat(instance).isEnded()
        .hasPassedInOrder(VisitCycle.FILE_CONTACT_REPORT, VisitCycle.RECORD_CONTACT_REPORT,
            VisitCycle.DECIDE_FOLLOW_UPS, "cycleClosed")
        .hasNotPassed(VisitCycle.PREPARE_PROPOSAL, VisitCycle.ARRANGE_RECRUITMENT, VisitCycle.MATCH_MENTEES,
            VisitCycle.INVITE_SPEAKER);
    assertThat(fixture.alumni().selectFactsByStudentNo(alumnus.studentNo()).lastVisitDate()).isNull();
    assertThat(fixture.contactReports().selectByStudentNo(alumnus.studentNo())).singleElement()
        .satisfies(r -> assertThat(r.contactMethod()).isEqualTo(VisitCycle.METHOD_FAILED));
  }

  @Test
  void reportWithTooLittleLearnedIsRefusedAndNothingIsStored() {
    assertRefused(report(VisitCycle.VAR_LEARNED, "很好"), "at least 10 characters");
  }

  @Test
  void reportWithAMalformedEmailIsRefusedAndNothingIsStored() {
    assertRefused(report(VisitCycle.VAR_NEW_EMAIL, "not-an-address", VisitCycle.VAR_NEW_CITY, "Shanghai"),
        "is not an e-mail address");
  }

  private void assertRefused(Map<String, Object> report, String reason) {
    Alumnus alumnus = alumnus("兰州");
    ProcessInstance instance = planned(alumnus, "alumni-office");
    Task fileReport = task();
    long decisions = fixture.ownerDecisions().selectByProcessInstanceId(instance.getId()).size();

    assertThatThrownBy(() -> complete(fileReport, report))
        .hasStackTraceContaining("The contact report cannot be filed")
        .hasStackTraceContaining(reason);

    // the task stays open with its owner, and nothing reached the registry
    assertThat(instance).isWaitingAtExactly(VisitCycle.FILE_CONTACT_REPORT)
        .hasNotPassed(VisitCycle.RECORD_CONTACT_REPORT);
    assertThat(task().getId()).isEqualTo(fileReport.getId());
    fixture.assertOwner(task(), "alumni-office", REPORT_DUE);
    assertThat(fixture.contactReports().selectByStudentNo(alumnus.studentNo())).isEmpty();
    assertThat(fixture.alumni().selectFactsByStudentNo(alumnus.studentNo()).lastVisitDate()).isNull();
    assertThat(fixture.alumni().selectByStudentNo(alumnus.studentNo())).isEqualTo(alumnus);
    assertThat(fixture.ownerDecisions().selectByProcessInstanceId(instance.getId())).hasSize((int) decisions);
  }

  @Test
  void overdueContactReportIsChasedByManagersWhileTheReportStaysOpen() {
    Alumnus alumnus = alumnus("北京");
    ProcessInstance instance = planned(alumnus, "chapter-bj");
    Task fileReport = task();

    Job overdue = fixture.timer(instance, "contactReportOverdue");
    assertThat(local(overdue.getDuedate())).isEqualTo(REPORT_DUE);
    LocalDateTime late = REPORT_DUE.plusMinutes(1);
    fixture.setClock(late);
    execute(overdue);

    assertThat(instance).isWaitingAtExactly(VisitCycle.FILE_CONTACT_REPORT, VisitCycle.CHASE_CONTACT_REPORT);
    fixture.assertOwner(task(VisitCycle.CHASE_CONTACT_REPORT), "managers", late.plusDays(2));
    assertThat(task(VisitCycle.FILE_CONTACT_REPORT).getId()).isEqualTo(fileReport.getId());
    fixture.assertOwner(task(VisitCycle.FILE_CONTACT_REPORT), "chapter-bj", REPORT_DUE);

    complete(task(VisitCycle.CHASE_CONTACT_REPORT));
    assertThat(instance).isWaitingAtExactly(VisitCycle.FILE_CONTACT_REPORT)
        .hasPassed("contactReportOverdue", VisitCycle.CHASE_CONTACT_REPORT, "chaseSent");

    // the late report still closes the cycle
    complete(task(VisitCycle.FILE_CONTACT_REPORT), report());
    assertThat(instance).isEnded();
  }

  // ------------------------------------------------------------------------------------------------------------
  // Follow-ups
  // ------------------------------------------------------------------------------------------------------------

  @Test
  void donationInterestOfADonorWithLifetimeGivingOf100000GoesToMajorGifts() {
    // exactly at the boundary: major gifts
    followUpAlone(alumnus("兰州", "60000", "40000"), VisitCycle.VAR_INTEREST_DONATION, VisitCycle.PREPARE_PROPOSAL,
        "major-gifts");
  }

  @Test
  void donationInterestOfADonorBelow100000GoesToTheFoundation() {
    followUpAlone(alumnus("兰州", "99999.99"), VisitCycle.VAR_INTEREST_DONATION, VisitCycle.PREPARE_PROPOSAL,
        "foundation");
  }

  @Test
  void recruitmentInterestGoesToTheCareerCenter() {
    followUpAlone(alumnus("兰州"), VisitCycle.VAR_INTEREST_RECRUITMENT, VisitCycle.ARRANGE_RECRUITMENT,
        "career-center");
  }

  @Test
  void mentoringInterestGoesToStudentAffairs() {
    followUpAlone(alumnus("兰州"), VisitCycle.VAR_INTEREST_MENTORING, VisitCycle.MATCH_MENTEES, "student-affairs");
  }

  @Test
  void speakerInterestGoesToTheAlumniOffice() {
    followUpAlone(alumnus("兰州"), VisitCycle.VAR_INTEREST_SPEAKER, VisitCycle.INVITE_SPEAKER, "alumni-office");
  }

  private void followUpAlone(Alumnus alumnus, String interest, String followUp, String owner) {
    ProcessInstance instance = planned(alumnus, "alumni-office");
    LocalDateTime filed = BASE_TIME.plusDays(9);
    fixture.setClock(filed);
    complete(task(), report(interest, true));

    assertThat(instance).isWaitingAtExactly(followUp)
        .hasPassedInOrder(VisitCycle.FILE_CONTACT_REPORT, VisitCycle.RECORD_CONTACT_REPORT,
            VisitCycle.DECIDE_FOLLOW_UPS, "followUpSplit");
    fixture.assertOwner(task(), owner, filed.plusDays(30));
    assertThat(instance).variables().containsEntry("followUp_" + followUp, true);
    complete(task());

    assertThat(instance).isEnded().hasPassedInOrder(followUp, "followUpJoin", "cycleClosed");
    for (String other : List.of(VisitCycle.PREPARE_PROPOSAL, VisitCycle.ARRANGE_RECRUITMENT,
        VisitCycle.MATCH_MENTEES, VisitCycle.INVITE_SPEAKER)) {
      if (!other.equals(followUp)) {
        assertThat(instance).hasNotPassed(other);
      }
    }
    assertThat(fixture.alumni().selectFactsByStudentNo(alumnus.studentNo()).lastVisitDate()).isEqualTo(VISIT_DATE);
  }

  @Test
  void allFourInterestsGiveAllFourFollowUpsAndTheCycleEndsWhenAllAreDone() {
    Alumnus alumnus = alumnus("兰州", "250000");
    ProcessInstance instance = planned(alumnus, "alumni-office");
    complete(task(), report(VisitCycle.VAR_INTEREST_DONATION, true, VisitCycle.VAR_INTEREST_RECRUITMENT, true,
        VisitCycle.VAR_INTEREST_MENTORING, true, VisitCycle.VAR_INTEREST_SPEAKER, true));

    assertThat(instance).isWaitingAtExactly(VisitCycle.PREPARE_PROPOSAL, VisitCycle.ARRANGE_RECRUITMENT,
        VisitCycle.MATCH_MENTEES, VisitCycle.INVITE_SPEAKER);
    fixture.assertOwner(task(VisitCycle.PREPARE_PROPOSAL), "major-gifts", BASE_TIME.plusDays(30));
    fixture.assertOwner(task(VisitCycle.ARRANGE_RECRUITMENT), "career-center", BASE_TIME.plusDays(30));
    fixture.assertOwner(task(VisitCycle.MATCH_MENTEES), "student-affairs", BASE_TIME.plusDays(30));
    fixture.assertOwner(task(VisitCycle.INVITE_SPEAKER), "alumni-office", BASE_TIME.plusDays(30));

    complete(task(VisitCycle.MATCH_MENTEES));
    complete(task(VisitCycle.PREPARE_PROPOSAL));
    complete(task(VisitCycle.INVITE_SPEAKER));
    assertThat(instance).isNotEnded().isWaitingAt(VisitCycle.ARRANGE_RECRUITMENT);
    complete(task(VisitCycle.ARRANGE_RECRUITMENT));

    assertThat(instance).isEnded()
        .hasPassed(VisitCycle.PREPARE_PROPOSAL, VisitCycle.ARRANGE_RECRUITMENT, VisitCycle.MATCH_MENTEES,
            VisitCycle.INVITE_SPEAKER, "followUpJoin", "cycleClosed")
        .hasNotPassed("nextVisitDue");
    assertThat(fixture.contactReports().selectByStudentNo(alumnus.studentNo())).singleElement()
        .satisfies(r -> assertThat(r.interests()).isEqualTo("donation,recruitment,mentoring,speaker"));
  }

  // ------------------------------------------------------------------------------------------------------------
  // The next cycle
  // ------------------------------------------------------------------------------------------------------------

  @Test
  void monthsUntilNextVisitWaitThatLongThenPlanTheNextVisit() {
    Alumnus alumnus = alumnus("Beijing");
    ProcessInstance instance = planned(alumnus, "chapter-bj");
    LocalDateTime filed = BASE_TIME.plusDays(8);
    fixture.setClock(filed);
    complete(task(), report(VisitCycle.VAR_MONTHS_UNTIL_NEXT, 3));

    assertThat(instance).isWaitingAtExactly("nextVisitDue")
        .hasPassedInOrder(VisitCycle.RECORD_CONTACT_REPORT, VisitCycle.DECIDE_FOLLOW_UPS, "nextVisitGateway");
    assertThat(instance).variables().containsEntry(VisitCycle.VAR_NEXT_VISIT_WAIT, "P3M");
    Job nextVisit = fixture.timer(instance, "nextVisitDue");
    // the engine adds the months in the JVM's calendar
    ZonedDateTime expected = filed.atZone(ProcessTestEngine.ZONE).withZoneSameInstant(ZoneId.systemDefault())
        .plusMonths(3);
    assertThat(nextVisit.getDuedate().toInstant()).isEqualTo(expected.toInstant());

    LocalDateTime threeMonthsLater = local(nextVisit.getDuedate());
    fixture.setClock(threeMonthsLater);
    execute(nextVisit);

    assertThat(instance).isWaitingAtExactly(VisitCycle.PLAN_VISIT)
        .hasPassedInOrder(VisitCycle.PLAN_VISIT, VisitCycle.FILE_CONTACT_REPORT, VisitCycle.RECORD_CONTACT_REPORT,
            VisitCycle.DECIDE_FOLLOW_UPS, "nextVisitDue", "planVisitMerge");
    fixture.assertOwner(task(), "chapter-bj", threeMonthsLater.plusDays(21));
    assertThat(fixture.alumni().selectFactsByStudentNo(alumnus.studentNo()).lastVisitDate()).isEqualTo(VISIT_DATE);
  }
}
