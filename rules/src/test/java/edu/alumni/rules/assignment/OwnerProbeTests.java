package edu.alumni.rules.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deployment-time question "do the rules own this task at all?" over the shipped and made-up rule sets. */
class OwnerProbeTests {

  static OwnerProbe shipped;

  @BeforeAll
  static void compile() {
    shipped = new OwnerProbe(RuleSet.compile(BuiltInRules.sources(BuiltInRules.ASSIGNMENT)));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
      ReunionPlanning.PROCESS_KEY + "," + ReunionPlanning.FORM_COMMITTEE,
      ReunionPlanning.PROCESS_KEY + "," + ReunionPlanning.DRAFT_PLAN,
      ReunionPlanning.PROCESS_KEY + "," + ReunionPlanning.APPROVE_PLAN,
      ReunionPlanning.PROCESS_KEY + "," + ReunionPlanning.SECOND_APPROVE_PLAN,
      ReunionPlanning.PROCESS_KEY + "," + ReunionPlanning.REMIND_APPROVAL,
      ReunionPlanning.PROCESS_KEY + "," + ReunionPlanning.CONFIRM_LOGISTICS,
      ReunionPlanning.PROCESS_KEY + "," + ReunionPlanning.RECORD_ATTENDANCE,
      ReunionPlanning.PROCESS_KEY + "," + ReunionPlanning.SEND_THANKS_AND_APPEAL,
      ReunionPlanning.PROCESS_KEY + "," + ReunionPlanning.PUBLISH_STORY,
      VisitCycle.PROCESS_KEY + "," + VisitCycle.PLAN_VISIT,
      VisitCycle.PROCESS_KEY + "," + VisitCycle.FILE_CONTACT_REPORT,
      VisitCycle.PROCESS_KEY + "," + VisitCycle.CHASE_CONTACT_REPORT,
      VisitCycle.PROCESS_KEY + "," + VisitCycle.PREPARE_PROPOSAL,
      VisitCycle.PROCESS_KEY + "," + VisitCycle.ARRANGE_RECRUITMENT,
      VisitCycle.PROCESS_KEY + "," + VisitCycle.MATCH_MENTEES,
      VisitCycle.PROCESS_KEY + "," + VisitCycle.INVITE_SPEAKER,
      DonationStewardship.PROCESS_KEY + "," + DonationStewardship.SIGN_AGREEMENT,
      DonationStewardship.PROCESS_KEY + "," + DonationStewardship.ISSUE_RECEIPT,
      DonationStewardship.PROCESS_KEY + "," + DonationStewardship.ACKNOWLEDGE_GIFT,
      DonationStewardship.PROCESS_KEY + "," + DonationStewardship.CHASE_ACKNOWLEDGEMENT,
      DonationStewardship.PROCESS_KEY + "," + DonationStewardship.PREPARE_RECOGNITION,
      DonationStewardship.PROCESS_KEY + "," + DonationStewardship.SEND_IMPACT_REPORT,
      DonationStewardship.PROCESS_KEY + "," + DonationStewardship.ASK_RENEWAL,
  })
  void everyUserTaskOfTheShippedProcessesHasAnOwner(String processKey, String taskKey) {
    Assignment owner = shipped.anyOwner(processKey, taskKey).orElseThrow(
        () -> new AssertionError("no owner for " + processKey + "/" + taskKey));
    assertThat(owner.getCandidateGroups()).isNotEmpty();
    assertThat(owner.getRule()).isNotBlank();
  }

  @Test
  void unknownTaskKeysAndKnownKeysOfAnotherProcessHaveNone() {
    assertThat(shipped.anyOwner(ReunionPlanning.PROCESS_KEY, "bookTheBand")).isEmpty();
    // the rules match the process key too: approvePlan means nothing outside reunionPlanning
    assertThat(shipped.anyOwner("otherProcess", ReunionPlanning.APPROVE_PLAN)).isEmpty();
    assertThat(shipped.anyOwner(VisitCycle.PROCESS_KEY, DonationStewardship.ISSUE_RECEIPT)).isEmpty();
  }

  @Test
  void keysAreRequired() {
    assertThatThrownBy(() -> shipped.anyOwner(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> shipped.anyOwner("p", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void probesVaryEveryFactARuleMayTest() {
    List<TaskContext> probes = OwnerProbe.probes("p", "t");

    assertThat(probes).hasSize(720)
        .allSatisfy(p -> {
          assertThat(p.getProcessKey()).isEqualTo("p");
          assertThat(p.getTaskKey()).isEqualTo("t");
          assertThat(p.getCreatedAt()).isEqualTo(OwnerProbe.PROBE_TIME);
        });
    assertThat(probes).extracting(TaskContext::getCollege).containsOnly("cs", null);
    assertThat(probes).extracting(TaskContext::getChapter).containsOnly("bj", null);
    assertThat(probes).extracting(TaskContext::getLifetimeGiving)
        .containsOnly(BigDecimal.ZERO, new BigDecimal("100000"), new BigDecimal("1000000"));
    assertThat(probes).extracting(TaskContext::getGiftTier).containsOnly(null, "PRINCIPAL", "MAJOR", "LEADERSHIP",
        "ANNUAL");
    assertThat(probes).extracting(TaskContext::isFundRestricted).containsOnly(true, false);
    assertThat(probes).extracting(TaskContext::getBudget).containsOnly(null, new BigDecimal("100000"),
        new BigDecimal("250000"));
    assertThat(probes).extracting(TaskContext::getEventDate).filteredOn(Objects::isNull).isNotEmpty();
    assertThat(probes).extracting(TaskContext::getEventDate).filteredOn(Objects::nonNull).isNotEmpty();
    assertThat(probes).extracting(TaskContext::getVisitDate).filteredOn(Objects::isNull).isNotEmpty();
    // the first probe is the richest: a shipped task is decided without trying the others
    TaskContext first = probes.get(0);
    assertThat(first.getCollege()).isEqualTo("cs");
    assertThat(first.getChapter()).isEqualTo("bj");
    assertThat(first.getEventDate()).isNotNull();
  }

  @Test
  void aRuleThatOnlyDecidesARareCombinationIsFound() {
    // owner only for a MAJOR gift to a restricted fund of an alumnus without college or chapter: the last corner
    RuleSet rules = RuleSet.compile(Map.of(BuiltInRules.path(BuiltInRules.ASSIGNMENT), """
        package edu.alumni.rules.assignment
        global java.util.List assignments
        rule "Corner case"
        when
            $t : TaskContext( taskKey == "cornerTask", college == null, chapter == null, giftTier == "MAJOR",
                              fundRestricted, budget != null, budget > 200000, eventDate == null )
        then
            assignments.add( new Assignment( java.util.List.of( "major-gifts" ), null, null, "corner", "facts" ) );
        end
        """));

    assertThat(new OwnerProbe(rules).anyOwner("anyProcess", "cornerTask")).get()
        .extracting(Assignment::getCandidateGroups).isEqualTo(List.of("major-gifts"));
    assertThat(new OwnerProbe(rules).anyOwner("anyProcess", "otherTask")).isEmpty();
  }
}
