package edu.alumni.engine.assignment;

import static edu.alumni.engine.assignment.ProcessTestEngine.BASE_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.gift.Gift;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The assignment engine plugin on a plain engine (no Spring): the owner-deciding listener is on every user task of
 * every diagram, including one deployed at run time with task keys no rule knows, which fall back to
 * {@code alumni-office}; every decision is recorded with its rule, the rule set version and the facts.
 */
class AssignmentPluginTests {

  @RegisterExtension
  static final ProcessTestEngine fixture = new ProcessTestEngine();

  @RegisterExtension
  static final ProcessEngineExtension camunda = fixture.extension();

  /** A diagram a manager might deploy through the REST API: user tasks the assignment rules do not know. */
  private ProcessInstance startProbe(String processKey, String... taskKeys) {
    AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(30)
        .startEvent();
    for (String taskKey : taskKeys) {
      builder = builder.userTask(taskKey).name("Probe " + taskKey);
    }
    BpmnModelInstance model = builder.endEvent().done();
    Deployment deployment = repositoryService().createDeployment().name("assignment-plugin-probe")
        .addModelInstance(processKey + ".bpmn", model).deploy();
    camunda.manageDeployment(deployment);
    return runtimeService().startProcessInstanceByKey(processKey, "probe-1");
  }

  private static List<String> candidateGroups(Task task) {
    return fixture.engine().getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private static void assertFallback(Task task, String processKey) {
    assertThat(task).hasCandidateGroup(TaskOwners.FALLBACK_GROUP);
    assertThat(candidateGroups(task)).containsExactly("alumni-office");
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getDueDate()).isNull();

    OwnerDecision decision = fixture.ownerDecisions().selectByTaskId(task.getId());
    assertThat(decision).isNotNull();
    assertThat(decision.fallback()).isTrue();
    assertThat(decision.candidateGroups()).isEqualTo("alumni-office");
    assertThat(decision.ruleName()).isEqualTo(TaskOwners.FALLBACK_RULE);
    assertThat(decision.rulesetVersion()).isEqualTo(ProcessTestEngine.assignmentRules().version())
        .startsWith("sha256:");
    assertThat(decision.facts()).isEqualTo("processKey=" + processKey + ", taskKey=" + task.getTaskDefinitionKey());
    assertThat(decision.processKey()).isEqualTo(processKey);
    assertThat(decision.taskKey()).isEqualTo(task.getTaskDefinitionKey());
    assertThat(decision.processInstanceId()).isEqualTo(task.getProcessInstanceId());
    assertThat(decision.businessKey()).isEqualTo("probe-1");
    assertThat(decision.dueAt()).isNull();
    assertThat(decision.secondApprover()).isNull();
    assertThat(decision.decidedAt()).isEqualTo(BASE_TIME);
  }

  @Test
  void taskOfADiagramDeployedAtRunTimeThatNoRuleKnowsGoesToTheAlumniOffice() {
    ProcessInstance instance = startProbe("assignmentProbe", "unknownChore", "anotherUnknownChore");

    assertThat(instance).isWaitingAtExactly("unknownChore");
    assertFallback(task(), "assignmentProbe");
    complete(task());

    // the listener is on every user task of the diagram, not only the first
    assertThat(instance).isWaitingAtExactly("anotherUnknownChore");
    assertFallback(task(), "assignmentProbe");
    complete(task());
    assertThat(instance).isEnded();
    assertThat(fixture.ownerDecisions().selectByProcessInstanceId(instance.getId())).hasSize(2)
        .allSatisfy(d -> assertThat(d.fallback()).isTrue());
  }

  @Test
  void knownTaskKeyInAnotherProcessIsNotDecidedByThatProcessRules() {
    // approvePlan outside reunionPlanning: the rules match on the process key too
    ProcessInstance instance = startProbe("assignmentProbeKnownKeys", ReunionPlanning.APPROVE_PLAN);
    assertThat(instance).isWaitingAtExactly(ReunionPlanning.APPROVE_PLAN);
    assertFallback(task(), "assignmentProbeKnownKeys");
  }

  @Test
  void collegeTaskWithoutACollegeFallsBackToTheAlumniOffice() {
    // a reunion started by hand without its college: no rule decides formCommittee
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ReunionPlanning.PROCESS_KEY, "probe-1",
        Map.of(ReunionPlanning.VAR_GRADUATION_YEAR, 2016));
    assertThat(instance).isWaitingAtExactly(ReunionPlanning.FORM_COMMITTEE);
    assertFallback(task(), ReunionPlanning.PROCESS_KEY);
  }

  @Test
  void aTaskAndItsEscalationTimerRestOnOneDecision() {
    // acknowledgeGift has an escalation timer at its due date, issueReceipt none: two decisions, not three
    Alumnus alumnus = fixture.insertAlumnus("law", 2010, "上海");
    Gift gift = fixture.insertGift(alumnus.studentNo(), "500", "general", LocalDate.of(2026, 3, 1));
    int before = fixture.assignmentDecisions();

    ProcessInstance donation = runtimeService().startProcessInstanceByKey(DonationStewardship.PROCESS_KEY,
        "gift-" + gift.giftRef(), Map.of(DonationStewardship.VAR_GIFT_REF, gift.giftRef()));

    assertThat(fixture.assignmentDecisions() - before).isEqualTo(2);
    Task acknowledge = fixture.task(donation, DonationStewardship.ACKNOWLEDGE_GIFT);
    assertThat(acknowledge.getDueDate()).isNotNull()
        .isEqualTo(fixture.timer(donation, "acknowledgementOverdue").getDuedate());
    assertThat(fixture.ownerDecisions().selectByProcessInstanceId(donation.getId()))
        .extracting(OwnerDecision::taskKey)
        .containsExactlyInAnyOrder(DonationStewardship.ISSUE_RECEIPT, DonationStewardship.ACKNOWLEDGE_GIFT);

    // the next command decides afresh: a second gift's tasks are decided as the first's were
    Gift another = fixture.insertGift(alumnus.studentNo(), "800", "general", LocalDate.of(2026, 3, 1));
    runtimeService().startProcessInstanceByKey(DonationStewardship.PROCESS_KEY, "gift-" + another.giftRef(),
        Map.of(DonationStewardship.VAR_GIFT_REF, another.giftRef()));
    assertThat(fixture.assignmentDecisions() - before).isEqualTo(4);
  }

  @Test
  void everyOwnerDecisionRecordsItsRuleTheRuleSetVersionAndTheFacts() {
    List<ProcessInstance> instances = new ArrayList<>();

    // reunion: formCommittee, draftPlan, approvePlan (budget over 200,000: a second approver)
    ProcessInstance reunion = runtimeService().startProcessInstanceByKey(ReunionPlanning.PROCESS_KEY,
        "reunion-law-2016-2026", Map.of(ReunionPlanning.VAR_COLLEGE, "law", ReunionPlanning.VAR_GRADUATION_YEAR, 2016,
            ReunionPlanning.VAR_MILESTONE, 10, ReunionPlanning.VAR_COHORT_SIZE, 80));
    instances.add(reunion);
    complete(task(ReunionPlanning.FORM_COMMITTEE, reunion));
    complete(task(ReunionPlanning.DRAFT_PLAN, reunion), withVariables(ReunionPlanning.VAR_EVENT_DATE, "2026-10-17",
        ReunionPlanning.VAR_BUDGET, 260_000));

    // visit: planVisit of a Shanghai alumnus
    Alumnus alumnus = fixture.insertAlumnus("law", 2016, "上海");
    instances.add(runtimeService().startProcessInstanceByKey(VisitCycle.PROCESS_KEY,
        "visit-" + alumnus.studentNo(), Map.of(VisitCycle.VAR_STUDENT_NO, alumnus.studentNo())));

    // donation: a MAJOR gift's agreement, then receipt and thanks
    Gift gift = fixture.insertGift(alumnus.studentNo(), "300000", "library", LocalDate.of(2026, 3, 1));
    ProcessInstance donation = runtimeService().startProcessInstanceByKey(DonationStewardship.PROCESS_KEY,
        "gift-" + gift.giftRef(), Map.of(DonationStewardship.VAR_GIFT_REF, gift.giftRef()));
    instances.add(donation);
    complete(task(DonationStewardship.SIGN_AGREEMENT, donation));

    List<OwnerDecision> decisions = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      decisions.addAll(fixture.ownerDecisions().selectByProcessInstanceId(instance.getId()));
    }
    assertThat(decisions).extracting(OwnerDecision::taskKey).containsExactlyInAnyOrder(
        ReunionPlanning.FORM_COMMITTEE, ReunionPlanning.DRAFT_PLAN, ReunionPlanning.APPROVE_PLAN,
        VisitCycle.PLAN_VISIT, DonationStewardship.SIGN_AGREEMENT, DonationStewardship.ISSUE_RECEIPT,
        DonationStewardship.ACKNOWLEDGE_GIFT);
    assertThat(decisions).allSatisfy(d -> {
      assertThat(d.ruleName()).isNotBlank().isNotEqualTo(TaskOwners.FALLBACK_RULE);
      assertThat(d.rulesetVersion()).startsWith("sha256:").hasSize("sha256:".length() + 64)
          .isEqualTo(ProcessTestEngine.assignmentRules().version());
      assertThat(d.facts()).isNotBlank();
      assertThat(d.fallback()).isFalse();
      assertThat(d.candidateGroups()).isNotBlank();
      assertThat(d.dueAt()).isNotNull();
      assertThat(d.decidedAt()).isEqualTo(BASE_TIME);
      assertThat(d.businessKey()).isNotBlank();
    });
    // and each names the task it decided, which carries the recorded owner
    for (OwnerDecision d : decisions) {
      Task task = taskQuery().taskId(d.taskId()).singleResult();
      if (task != null) {
        assertThat(candidateGroups(task)).containsExactly(d.candidateGroups());
      }
    }
    OwnerDecision approval = decisions.stream()
        .filter(d -> d.taskKey().equals(ReunionPlanning.APPROVE_PLAN)).findFirst().orElseThrow();
    assertThat(approval.secondApprover()).isEqualTo("president-office");
    assertThat(approval.facts()).isEqualTo("budget=260000.00 (> 200000)");
    OwnerDecision plan = decisions.stream()
        .filter(d -> d.taskKey().equals(VisitCycle.PLAN_VISIT)).findFirst().orElseThrow();
    assertThat(plan.candidateGroups()).isEqualTo("chapter-sh");
    assertThat(plan.facts()).contains("chapter=sh");
  }
}
