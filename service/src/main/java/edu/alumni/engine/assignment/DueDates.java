package edu.alumni.engine.assignment;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * {@code ${dueDates.of(execution, 'approvePlan')}} in a diagram's escalation timers: the due date the assignment
 * rules give that task, so the escalation fires exactly when the task becomes overdue.
 */
public class DueDates {

  private final TaskOwners owners;

  public DueDates(TaskOwners owners) {
    this.owners = owners;
  }

  public Date of(DelegateExecution execution, String taskKey) {
    TaskOwners.Decision decision = owners.decideOnce((ExecutionEntity) execution, taskKey);
    Date due = owners.toDate(decision.assignment().getDue());
    // a task without a due date never escalates: a timer far in the future stands for "never"
    return due != null ? due : new Date(ClockUtil.getCurrentTime().getTime() + 3650L * 24 * 3600 * 1000);
  }
}
