package edu.alumni.engine.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The owner decisions of one engine command.
 *
 * <p>Made once: a user task with an escalation timer is asked about twice as it starts, for the timer's date
 * ({@link DueDates}), then for the task's owners ({@link AssignOwnerTaskListener}). The first ask decides and keeps
 * the answer, the second takes it, so the escalation and the task rest on one decision, with one read of the
 * registry and one firing of the rules. That decision sees the variables as the timer is made, when the task's
 * activity starts: a start listener that changed a variable the rules read would not change the task's owners (nor,
 * before, its escalation's date, which left the two apart).
 *
 * <p>Recorded together: the decisions of the command's new tasks are written in one statement when the engine
 * flushes the command, in its transaction, instead of one statement per task as each is created.
 */
final class DecisionsOfCommand implements Session {

  private final OwnerDecisionMapper mapper;
  private final Map<String, TaskOwners.Decision> kept = new HashMap<>();
  private final List<OwnerDecision> toRecord = new ArrayList<>(2);

  private DecisionsOfCommand(OwnerDecisionMapper mapper) {
    this.mapper = mapper;
  }

  /** The decision kept for the task, removed: a task started again later is decided again. */
  TaskOwners.Decision take(String executionId, String taskKey) {
    return kept.remove(key(executionId, taskKey));
  }

  void keep(String executionId, String taskKey, TaskOwners.Decision decision) {
    kept.put(key(executionId, taskKey), decision);
  }

  /** Recorded when the command is flushed. */
  void record(OwnerDecision decision) {
    toRecord.add(decision);
  }

  private static String key(String executionId, String taskKey) {
    return executionId + '/' + taskKey;
  }

  @Override
  public void flush() {
    if (!toRecord.isEmpty()) {
      mapper.insertDecisions(List.copyOf(toRecord));
      toRecord.clear();
    }
  }

  @Override
  public void close() {
    kept.clear();
    toRecord.clear();
  }

  /** Registered by {@link AssignmentEnginePlugin}: one per command, opened on first use. */
  static final class Factory implements SessionFactory {

    private final OwnerDecisionMapper mapper;

    Factory(OwnerDecisionMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public Class<?> getSessionType() {
      return DecisionsOfCommand.class;
    }

    @Override
    public Session openSession() {
      return new DecisionsOfCommand(mapper);
    }
  }
}
