package edu.alumni.engine.assignment;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The owner decisions of one engine command, by execution and task key. A user task with an escalation timer is
 * asked about twice as it starts: for the timer's date ({@link DueDates}), then for the task's owners
 * ({@link AssignOwnerTaskListener}). The first ask decides and keeps the answer, the second takes it: the escalation
 * and the task rest on one decision, with one read of the registry and one firing of the rules.
 */
final class DecisionsOfCommand implements Session {

  private final Map<String, TaskOwners.Decision> kept = new HashMap<>();

  /** The decision kept for the task, removed: a task started again later is decided again. */
  TaskOwners.Decision take(String executionId, String taskKey) {
    return kept.remove(key(executionId, taskKey));
  }

  void keep(String executionId, String taskKey, TaskOwners.Decision decision) {
    kept.put(key(executionId, taskKey), decision);
  }

  private static String key(String executionId, String taskKey) {
    return executionId + '/' + taskKey;
  }

  @Override
  public void flush() {
    // nothing to write: the listener records the decision
  }

  @Override
  public void close() {
    kept.clear();
  }

  /** Registered by {@link AssignmentEnginePlugin}: one per command, opened on first use. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return DecisionsOfCommand.class;
    }

    @Override
    public Session openSession() {
      return new DecisionsOfCommand();
    }
  }
}
