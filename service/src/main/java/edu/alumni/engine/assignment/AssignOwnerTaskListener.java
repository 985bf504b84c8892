package edu.alumni.engine.assignment;

import edu.alumni.engine.system.EngineTime;
import edu.alumni.rules.assignment.Assignment;
import edu.alumni.rules.process.ReunionPlanning;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Added by {@link AssignmentEnginePlugin} to every user task of every deployed process: when the task is created,
 * the assignment rules decide its candidate group(s), due date and (for approvePlan) the second approver; the
 * decision is recorded in the same transaction as the task (when the engine flushes the command).
 */
public class AssignOwnerTaskListener implements TaskListener {

  private final TaskOwners owners;

  public AssignOwnerTaskListener(TaskOwners owners) {
    this.owners = owners;
  }

  @Override
  public void notify(DelegateTask task) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    String processKey = execution.getProcessDefinition().getKey();
    String taskKey = task.getTaskDefinitionKey();
    TaskOwners.Decision decision = owners.decideOnce(execution, taskKey);
    Assignment a = decision.assignment();
    a.getCandidateGroups().forEach(task::addCandidateGroup);
    if (a.getDue() != null) {
      task.setDueDate(owners.toDate(a.getDue()));
    }
    if (ReunionPlanning.APPROVE_PLAN.equals(taskKey)) {
      execution.setVariable(ReunionPlanning.VAR_SECOND_APPROVER, a.getSecondApprover());
    }
    owners.record(new OwnerDecision(task.getId(), task.getProcessInstanceId(), processKey, taskKey,
        execution.getProcessBusinessKey(), String.join(",", a.getCandidateGroups()), a.getDue(),
        a.getSecondApprover(), a.getRule(), decision.rulesetVersion(), a.getFacts(), decision.fallback(),
        EngineTime.now(owners.zone())));
  }
}
