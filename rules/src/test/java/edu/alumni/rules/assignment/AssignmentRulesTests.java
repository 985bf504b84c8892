package edu.alumni.rules.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Owners and due dates of every task of PROCESSES.md. "Now" (createdAt) is Wednesday 2026-06-10 10:30. */
class AssignmentRulesTests {

  static final String PATH = BuiltInRules.path(BuiltInRules.ASSIGNMENT);
  static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 10, 10, 30);
  static final LocalDate EVENT = LocalDate.of(2026, 10, 17);
  static AssignmentRules rules;

  @BeforeAll
  static void compile() {
    rules = new AssignmentRules(RuleSet.compile(BuiltInRules.sources(BuiltInRules.ASSIGNMENT)));
  }

  /** A task context builder: by default college cs, no chapter, no giving, no tier, no budget, no dates. */
  static final class Task {
    String processKey;
    String taskKey;
    LocalDateTime createdAt = NOW;
    String college = "cs";
    String chapter;
    BigDecimal lifetimeGiving;
    String giftTier;
    String fundCode;
    boolean fundRestricted;
    BigDecimal budget;
    LocalDate eventDate;
    LocalDate visitDate;

    Task(String processKey, String taskKey) {
      this.processKey = processKey;
      this.taskKey = taskKey;
    }

    Task createdAt(LocalDateTime v) {
      createdAt = v;
      return this;
    }

    Task college(String v) {
      college = v;
      return this;
    }

    Task chapter(String v) {
      chapter = v;
      return this;
    }

    Task lifetimeGiving(String v) {
      lifetimeGiving = new BigDecimal(v);
      return this;
    }

    Task tier(String v) {
      giftTier = v;
      return this;
    }

    Task fund(String code, boolean restricted) {
      fundCode = code;
      fundRestricted = restricted;
      return this;
    }

    Task budget(String v) {
      budget = new BigDecimal(v);
      return this;
    }

    Task eventDate(LocalDate v) {
      eventDate = v;
      return this;
    }

    Task visitDate(LocalDate v) {
      visitDate = v;
      return this;
    }

    TaskContext build() {
      return new TaskContext(processKey, taskKey, createdAt, college, chapter, lifetimeGiving, giftTier, fundCode,
          fundRestricted, budget, eventDate, visitDate);
    }
  }

  static Task reunion(String taskKey) {
    return new Task(ReunionPlanning.PROCESS_KEY, taskKey);
  }

  static Task visit(String taskKey) {
    return new Task(VisitCycle.PROCESS_KEY, taskKey);
  }

  static Task gift(String taskKey) {
    return new Task(DonationStewardship.PROCESS_KEY, taskKey);
  }

  static Assignment decide(Task task) {
    return rules.decide(task.build()).orElseThrow(() -> new AssertionError("no rule decided " + task.taskKey));
  }

  static void assertOwnerAndDue(Task task, String owner, LocalDateTime due) {
    Assignment a = decide(task);
    assertThat(a.getCandidateGroups()).as(task.taskKey + " owner").containsExactly(owner);
    assertThat(a.getDue()).as(task.taskKey + " due").isEqualTo(due);
    assertThat(a.getRule()).isNotBlank();
    assertThat(a.getFacts()).isNotBlank();
  }

  @Nested
  class Reunion {

    @Test
    void committeeAndPlanGoToTheCollegeFor30Days() {
      for (String key : List.of(ReunionPlanning.FORM_COMMITTEE, ReunionPlanning.DRAFT_PLAN)) {
        assertOwnerAndDue(reunion(key).college("ee"), "college-ee", NOW.plusDays(30));
        Assignment a = decide(reunion(key));
        assertThat(a.getRule()).isEqualTo("Reunion committee and plan: the college's group");
        assertThat(a.getFacts()).isEqualTo("college=cs");
        assertThat(a.getSecondApprover()).isNull();
      }
    }

    @Test
    void collegeTasksWithoutACollegeAreNotDecided() {
      for (String key : List.of(ReunionPlanning.FORM_COMMITTEE, ReunionPlanning.DRAFT_PLAN,
          ReunionPlanning.CONFIRM_LOGISTICS, ReunionPlanning.RECORD_ATTENDANCE)) {
        assertThat(rules.decide(reunion(key).college(null).eventDate(EVENT).build())).as(key).isEmpty();
      }
    }

    @Test
    void approvalOfABudgetOfExactly200000GoesToManagersAlone() {
      Assignment a = decide(reunion(ReunionPlanning.APPROVE_PLAN).budget("200000.00"));
      assertThat(a.getCandidateGroups()).containsExactly("managers");
      assertThat(a.getDue()).isEqualTo(NOW.plusDays(7));
      assertThat(a.getSecondApprover()).isNull();
      assertThat(a.getRule()).isEqualTo("Reunion plan approval, budget up to 200,000: managers");
      assertThat(a.getFacts()).isEqualTo("budget=200000.00 (<= 200000)");
    }

    @Test
    void approvalOfABudgetOver200000AlsoNeedsThePresidentsOffice() {
      Assignment a = decide(reunion(ReunionPlanning.APPROVE_PLAN).budget("200000.01"));
      assertThat(a.getCandidateGroups()).containsExactly("managers");
      assertThat(a.getDue()).isEqualTo(NOW.plusDays(7));
      assertThat(a.getSecondApprover()).isEqualTo("president-office");
      assertThat(a.getRule())
          .isEqualTo("Reunion plan approval, budget over 200,000: managers, then the president's office");
      assertThat(a.getFacts()).isEqualTo("budget=200000.01 (> 200000)");
      assertThat(decide(reunion(ReunionPlanning.APPROVE_PLAN).budget("250000")).getFacts())
          .isEqualTo("budget=250000.00 (> 200000)");
    }

    @Test
    void approvalWithoutABudgetGoesToManagersAlone() {
      Assignment a = decide(reunion(ReunionPlanning.APPROVE_PLAN));
      assertThat(a.getCandidateGroups()).containsExactly("managers");
      assertThat(a.getSecondApprover()).isNull();
      assertThat(a.getFacts()).isEqualTo("budget=none");
    }

    @Test
    void secondApprovalGoesToThePresidentsOfficeFor7Days() {
      assertOwnerAndDue(reunion(ReunionPlanning.SECOND_APPROVE_PLAN).budget("250000"), "president-office",
          NOW.plusDays(7));
    }

    @Test
    void overdueApprovalReminderGoesToManagersFor2Days() {
      assertOwnerAndDue(reunion(ReunionPlanning.REMIND_APPROVAL), "managers", NOW.plusDays(2));
    }

    @Test
    void logisticsAreDueAWeekBeforeTheEventAt1800() {
      assertOwnerAndDue(reunion(ReunionPlanning.CONFIRM_LOGISTICS).eventDate(EVENT), "college-cs",
          LocalDateTime.of(2026, 10, 10, 18, 0));
      assertThat(decide(reunion(ReunionPlanning.CONFIRM_LOGISTICS).eventDate(EVENT)).getFacts())
          .isEqualTo("college=cs, eventDate=2026-10-17");
    }

    @Test
    void attendanceIsDueAWeekAfterTheEventAt1800() {
      assertOwnerAndDue(reunion(ReunionPlanning.RECORD_ATTENDANCE).eventDate(EVENT), "college-cs",
          LocalDateTime.of(2026, 10, 24, 18, 0));
    }

    @Test
    void eventDatesCrossMonthAndYearEnds() {
      assertThat(decide(reunion(ReunionPlanning.CONFIRM_LOGISTICS).eventDate(LocalDate.of(2027, 1, 3))).getDue())
          .isEqualTo(LocalDateTime.of(2026, 12, 27, 18, 0));
      assertThat(decide(reunion(ReunionPlanning.RECORD_ATTENDANCE).eventDate(LocalDate.of(2026, 12, 28))).getDue())
          .isEqualTo(LocalDateTime.of(2027, 1, 4, 18, 0));
    }

    @Test
    void eventTasksWithoutAnEventDateHaveNoDueDate() {
      Assignment a = decide(reunion(ReunionPlanning.CONFIRM_LOGISTICS));
      assertThat(a.getCandidateGroups()).containsExactly("college-cs");
      assertThat(a.getDue()).isNull();
      assertThat(a.getFacts()).isEqualTo("college=cs, eventDate=none (no due date)");
      assertThat(decide(reunion(ReunionPlanning.RECORD_ATTENDANCE)).getDue()).isNull();
    }

    @Test
    void thanksGoToTheFoundationAndTheStoryToCommunicationsFor14Days() {
      assertOwnerAndDue(reunion(ReunionPlanning.SEND_THANKS_AND_APPEAL), "foundation", NOW.plusDays(14));
      assertOwnerAndDue(reunion(ReunionPlanning.PUBLISH_STORY), "communications", NOW.plusDays(14));
    }
  }

  @Nested
  class Visit {

    @Test
    void planVisitOfAMillionDonorGoesToMajorGifts() {
      Assignment a = decide(visit(VisitCycle.PLAN_VISIT).lifetimeGiving("1000000").chapter("sh"));
      assertThat(a.getCandidateGroups()).containsExactly("major-gifts");
      assertThat(a.getDue()).isEqualTo(NOW.plusDays(21));
      assertThat(a.getRule()).isEqualTo("Visit planning: the alumnus' region owner");
      assertThat(a.getFacts()).isEqualTo("lifetimeGiving=1000000.00 (>= 1000000)");
      assertThat(decide(visit(VisitCycle.PLAN_VISIT).lifetimeGiving("1200000")).getFacts())
          .isEqualTo("lifetimeGiving=1200000.00 (>= 1000000)");
    }

    @Test
    void planVisitJustBelowAMillionGoesToTheChapter() {
      Assignment a = decide(visit(VisitCycle.PLAN_VISIT).lifetimeGiving("999999.99").chapter("sh"));
      assertThat(a.getCandidateGroups()).containsExactly("chapter-sh");
      assertThat(a.getFacts()).isEqualTo("lifetimeGiving=999999.99 (< 1000000), chapter=sh");
    }

    @Test
    void planVisitWithoutAChapterGoesToTheAlumniOffice() {
      Assignment a = decide(visit(VisitCycle.PLAN_VISIT).lifetimeGiving("999999.99"));
      assertThat(a.getCandidateGroups()).containsExactly("alumni-office");
      assertThat(a.getFacts()).isEqualTo("lifetimeGiving=999999.99 (< 1000000), chapter=none");
      assertThat(decide(visit(VisitCycle.PLAN_VISIT).chapter(" ")).getCandidateGroups())
          .containsExactly("alumni-office");
      assertThat(decide(visit(VisitCycle.PLAN_VISIT)).getFacts())
          .isEqualTo("lifetimeGiving=0.00 (< 1000000), chapter=none");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "1000000, sh, major-gifts",
        "999999.99, sh, chapter-sh",
        "999999.99, null, alumni-office",
        "0, bj, chapter-bj"})
    void contactReportGoesToTheSameRegionOwner(String giving, String chapter, String owner) {
      assertThat(decide(visit(VisitCycle.FILE_CONTACT_REPORT).lifetimeGiving(giving).chapter(chapter))
          .getCandidateGroups()).containsExactly(owner);
      assertThat(decide(visit(VisitCycle.PLAN_VISIT).lifetimeGiving(giving).chapter(chapter))
          .getCandidateGroups()).containsExactly(owner);
    }

    @Test
    void contactReportIsDue5DaysAfterTheVisitAt1800() {
      Assignment a = decide(visit(VisitCycle.FILE_CONTACT_REPORT).chapter("sh").visitDate(LocalDate.of(2026, 6, 29)));
      assertThat(a.getDue()).isEqualTo(LocalDateTime.of(2026, 7, 4, 18, 0));
      assertThat(a.getRule()).isEqualTo("Contact report: the region owner, 5 days after the visit");
      assertThat(a.getFacts()).isEqualTo("lifetimeGiving=0.00 (< 1000000), chapter=sh, visitDate=2026-06-29");
    }

    @Test
    void contactReportWithoutAVisitDateIsDue5DaysFromNow() {
      Assignment a = decide(visit(VisitCycle.FILE_CONTACT_REPORT));
      assertThat(a.getDue()).isEqualTo(NOW.plusDays(5));
      assertThat(a.getFacts()).endsWith("visitDate=none (5 days from now)");
    }

    @Test
    void overdueContactReportChaseGoesToManagersFor2Days() {
      assertOwnerAndDue(visit(VisitCycle.CHASE_CONTACT_REPORT), "managers", NOW.plusDays(2));
    }

    @Test
    void proposalFor100000OrMoreGoesToMajorGifts() {
      Assignment a = decide(visit(VisitCycle.PREPARE_PROPOSAL).lifetimeGiving("100000"));
      assertThat(a.getCandidateGroups()).containsExactly("major-gifts");
      assertThat(a.getDue()).isEqualTo(NOW.plusDays(30));
      assertThat(a.getRule()).isEqualTo("Giving proposal, lifetime giving 100,000 or more: major gifts");
      assertThat(a.getFacts()).isEqualTo("lifetimeGiving=100000.00 (>= 100000)");
    }

    @Test
    void proposalBelow100000GoesToTheFoundation() {
      Assignment a = decide(visit(VisitCycle.PREPARE_PROPOSAL).lifetimeGiving("99999.99"));
      assertThat(a.getCandidateGroups()).containsExactly("foundation");
      assertThat(a.getDue()).isEqualTo(NOW.plusDays(30));
      assertThat(a.getRule()).isEqualTo("Giving proposal, lifetime giving under 100,000: foundation");
      assertThat(a.getFacts()).isEqualTo("lifetimeGiving=99999.99 (< 100000)");
      assertThat(decide(visit(VisitCycle.PREPARE_PROPOSAL)).getCandidateGroups()).containsExactly("foundation");
    }

    @Test
    void otherFollowUpsGoToTheirGroupsFor30Days() {
      assertOwnerAndDue(visit(VisitCycle.ARRANGE_RECRUITMENT), "career-center", NOW.plusDays(30));
      assertOwnerAndDue(visit(VisitCycle.MATCH_MENTEES), "student-affairs", NOW.plusDays(30));
      assertOwnerAndDue(visit(VisitCycle.INVITE_SPEAKER), "alumni-office", NOW.plusDays(30));
      assertThat(decide(visit(VisitCycle.INVITE_SPEAKER)).getFacts()).isEqualTo("task=visitCycle/inviteSpeaker");
    }
  }

  @Nested
  class Donation {

    @Test
    void agreementGoesToMajorGiftsFor30Days() {
      assertOwnerAndDue(gift(DonationStewardship.SIGN_AGREEMENT).tier("MAJOR"), "major-gifts", NOW.plusDays(30));
    }

    @ParameterizedTest
    @CsvSource({
        // Friday 15:00 -> Wednesday 15:00
        "2026-06-12T15:00, 2026-06-17T15:00",
        // Saturday and Sunday: the clock starts Monday 00:00 -> Thursday 00:00 (end of Wednesday)
        "2026-06-13T10:00, 2026-06-18T00:00",
        "2026-06-14T23:59, 2026-06-18T00:00",
        // Monday 15:00 -> Thursday 15:00
        "2026-06-15T15:00, 2026-06-18T15:00",
        // Monday 00:00 -> Thursday 00:00
        "2026-06-15T00:00, 2026-06-18T00:00",
        // Wednesday -> Monday, Thursday -> Tuesday
        "2026-06-10T10:30, 2026-06-15T10:30",
        "2026-06-11T09:00, 2026-06-16T09:00",
        // Friday 23:59 -> Wednesday 23:59, Friday 00:00 -> Wednesday 00:00
        "2026-06-12T23:59, 2026-06-17T23:59",
        "2026-06-12T00:00, 2026-06-17T00:00",
        // across a month and a year end: Thursday 2026-12-31 -> Tuesday 2027-01-05
        "2026-12-31T16:00, 2027-01-05T16:00"})
    void receiptGoesToFoundationFinanceWithin3BusinessDays(LocalDateTime created, LocalDateTime due) {
      Assignment a = decide(gift(DonationStewardship.ISSUE_RECEIPT).createdAt(created));
      assertThat(a.getCandidateGroups()).containsExactly("foundation-finance");
      assertThat(a.getDue()).isEqualTo(due);
      assertThat(a.getRule()).isEqualTo("Donation receipt: foundation finance, within 3 business days");
      assertThat(a.getFacts()).isEqualTo("createdAt=" + created + " (" + created.getDayOfWeek() + ")");
    }

    @Test
    void acknowledgementOwnerFollowsTheTierAndIsDueIn48Hours() {
      assertOwnerAndDue(gift(DonationStewardship.ACKNOWLEDGE_GIFT).tier("PRINCIPAL"), "president-office",
          NOW.plusHours(48));
      assertOwnerAndDue(gift(DonationStewardship.ACKNOWLEDGE_GIFT).tier("MAJOR"), "major-gifts", NOW.plusHours(48));
      assertOwnerAndDue(gift(DonationStewardship.ACKNOWLEDGE_GIFT).tier("LEADERSHIP"), "foundation",
          NOW.plusHours(48));
      assertOwnerAndDue(gift(DonationStewardship.ACKNOWLEDGE_GIFT).tier("ANNUAL"), "foundation", NOW.plusHours(48));
      assertOwnerAndDue(gift(DonationStewardship.ACKNOWLEDGE_GIFT), "foundation", NOW.plusHours(48));
      Assignment major = decide(gift(DonationStewardship.ACKNOWLEDGE_GIFT).tier("MAJOR"));
      assertThat(major.getRule()).isEqualTo("Acknowledgement of a MAJOR gift: major gifts");
      assertThat(major.getFacts()).isEqualTo("tier=MAJOR");
      assertThat(decide(gift(DonationStewardship.ACKNOWLEDGE_GIFT)).getFacts()).isEqualTo("tier=none");
    }

    @Test
    void overdueAcknowledgementChaseGoesToManagersFor1Day() {
      assertOwnerAndDue(gift(DonationStewardship.CHASE_ACKNOWLEDGEMENT), "managers", NOW.plusDays(1));
    }

    @Test
    void recognitionImpactReportAndRenewalGoToTheFoundation() {
      assertOwnerAndDue(gift(DonationStewardship.PREPARE_RECOGNITION).tier("LEADERSHIP"), "foundation",
          NOW.plusDays(30));
      assertOwnerAndDue(gift(DonationStewardship.SEND_IMPACT_REPORT).fund("scholarship", true), "foundation",
          NOW.plusDays(14));
      assertOwnerAndDue(gift(DonationStewardship.ASK_RENEWAL), "foundation", NOW.plusDays(30));
      assertThat(decide(gift(DonationStewardship.SEND_IMPACT_REPORT).fund("scholarship", true)).getFacts())
          .isEqualTo("fund=scholarship (restricted)");
    }
  }

  @Nested
  class Decisions {

    @Test
    void unknownTaskKeysAndProcessesAreNotDecided() {
      assertThat(rules.decide(reunion("noSuchTask").build())).isEmpty();
      assertThat(rules.decide(reunion(ReunionPlanning.SEND_INVITATIONS).build())).isEmpty();
      assertThat(rules.decide(new Task("noSuchProcess", ReunionPlanning.FORM_COMMITTEE).build())).isEmpty();
      // a task key of another process
      assertThat(rules.decide(visit(ReunionPlanning.FORM_COMMITTEE).build())).isEmpty();
      assertThat(rules.decide(gift(VisitCycle.PLAN_VISIT).build())).isEmpty();
    }

    @Test
    void aTaskWithoutCreationTimeIsRefused() {
      assertThatThrownBy(() -> rules.decide(reunion(ReunionPlanning.FORM_COMMITTEE).createdAt(null).build()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTaskIsDecidedByExactlyOneRuleEvenWithoutTheGuard() {
      String unguarded = BuiltInRules.text(BuiltInRules.ASSIGNMENT).replace("    not Assignment()\n", "");
      assertThat(unguarded).doesNotContainPattern("(?m)^\\s+not Assignment\\(\\)");
      AssignmentRules loose = new AssignmentRules(RuleSet.compile(Map.of(PATH, unguarded)));
      for (Task task : everyBranch()) {
        assertThat(loose.decisions(task.build())).as(task.processKey + "/" + task.taskKey).hasSize(1);
        assertThat(rules.decisions(task.build())).as(task.processKey + "/" + task.taskKey).hasSize(1);
      }
    }

    @Test
    void everyRuleDecidesSomeBranch() {
      List<String> fired = new ArrayList<>();
      for (Task task : everyBranch()) {
        fired.add(decide(task).getRule());
      }
      assertThat(fired).containsExactlyInAnyOrderElementsOf(ruleNames(BuiltInRules.text(BuiltInRules.ASSIGNMENT)));
    }

    @Test
    void anOverlappingRuleWithHigherSalienceDecidesAndTheShippedOneDoesNot() {
      String drl = BuiltInRules.text(BuiltInRules.ASSIGNMENT) + """

          rule "Test: every reunion task to managers"
              salience 100
          when
              not Assignment()
              $t : TaskContext( processKey == ReunionPlanning.PROCESS_KEY )
          then
              Assignment a = assign( "managers", daysAfter( $t, 1 ), null, drools.getRule().getName(), task( $t ) );
              insert( a ); assignments.add( a );
          end
          """;
      AssignmentRules overlapping = new AssignmentRules(RuleSet.compile(Map.of(PATH, drl)));
      TaskContext task = reunion(ReunionPlanning.FORM_COMMITTEE).build();
      assertThat(overlapping.decisions(task)).hasSize(1);
      assertThat(overlapping.decide(task).orElseThrow().getRule()).isEqualTo("Test: every reunion task to managers");

      AssignmentRules lower = new AssignmentRules(RuleSet.compile(Map.of(PATH, drl.replace("salience 100",
          "salience -100"))));
      assertThat(lower.decisions(task)).hasSize(1);
      assertThat(lower.decide(task).orElseThrow().getRule())
          .isEqualTo("Reunion committee and plan: the college's group");
    }

    @Test
    void withoutTheGuardTheFirstDecisionByFiringOrderWins() {
      String drl = BuiltInRules.text(BuiltInRules.ASSIGNMENT) + """

          rule "Test: a late second opinion"
              salience -100
          when
              $t : TaskContext( processKey == ReunionPlanning.PROCESS_KEY )
          then
              assignments.add( assign( "managers", daysAfter( $t, 1 ), null, drools.getRule().getName(), "" ) );
          end
          """;
      AssignmentRules twice = new AssignmentRules(RuleSet.compile(Map.of(PATH, drl)));
      TaskContext task = reunion(ReunionPlanning.FORM_COMMITTEE).build();
      assertThat(twice.decisions(task)).hasSize(2);
      assertThat(twice.decide(task).orElseThrow().getCandidateGroups()).containsExactly("college-cs");
    }

    @Test
    void theFileCompilesOnItsOwnWithUniqueRuleNames() {
      String drl = BuiltInRules.text(BuiltInRules.ASSIGNMENT);
      RuleSet set = RuleSet.compile(Map.of(PATH, drl));
      List<String> names = ruleNames(drl);
      assertThat(names).doesNotHaveDuplicates().hasSize(26);
      assertThat(set.kieBase().getKiePackage("edu.alumni.rules.assignment").getRules()).hasSize(names.size());
    }

    /** One task per branch of the rules: each rule decides exactly one of these. */
    List<Task> everyBranch() {
      return List.of(
          reunion(ReunionPlanning.FORM_COMMITTEE),
          reunion(ReunionPlanning.APPROVE_PLAN).budget("200000"),
          reunion(ReunionPlanning.APPROVE_PLAN).budget("200000.01"),
          reunion(ReunionPlanning.SECOND_APPROVE_PLAN),
          reunion(ReunionPlanning.REMIND_APPROVAL),
          reunion(ReunionPlanning.CONFIRM_LOGISTICS).eventDate(EVENT),
          reunion(ReunionPlanning.RECORD_ATTENDANCE).eventDate(EVENT),
          reunion(ReunionPlanning.SEND_THANKS_AND_APPEAL),
          reunion(ReunionPlanning.PUBLISH_STORY),
          visit(VisitCycle.PLAN_VISIT).lifetimeGiving("1000000"),
          visit(VisitCycle.FILE_CONTACT_REPORT).chapter("sh"),
          visit(VisitCycle.CHASE_CONTACT_REPORT),
          visit(VisitCycle.PREPARE_PROPOSAL).lifetimeGiving("100000"),
          visit(VisitCycle.PREPARE_PROPOSAL).lifetimeGiving("99999.99"),
          visit(VisitCycle.ARRANGE_RECRUITMENT),
          visit(VisitCycle.MATCH_MENTEES),
          visit(VisitCycle.INVITE_SPEAKER),
          gift(DonationStewardship.SIGN_AGREEMENT),
          gift(DonationStewardship.ISSUE_RECEIPT),
          gift(DonationStewardship.ACKNOWLEDGE_GIFT).tier("PRINCIPAL"),
          gift(DonationStewardship.ACKNOWLEDGE_GIFT).tier("MAJOR"),
          gift(DonationStewardship.ACKNOWLEDGE_GIFT).tier("LEADERSHIP"),
          gift(DonationStewardship.CHASE_ACKNOWLEDGEMENT),
          gift(DonationStewardship.PREPARE_RECOGNITION),
          gift(DonationStewardship.SEND_IMPACT_REPORT),
          gift(DonationStewardship.ASK_RENEWAL));
    }
  }

  static List<String> ruleNames(String drl) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^rule \"([^\"]+)\"").matcher(drl);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
