package edu.alumni.engine.assignment;

import edu.alumni.engine.system.EngineTime;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.assignment.Assignment;
import edu.alumni.rules.assignment.AssignmentRules;
import edu.alumni.rules.assignment.TaskContext;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Asks the assignment rules who owns a task and by when. A task no rule decides goes to {@code alumni-office},
 * and the decision says so: never an unowned task.
 */
public class TaskOwners {

  public static final String FALLBACK_GROUP = StaffGroups.ALUMNI_OFFICE;
  public static final String FALLBACK_RULE = "No assignment rule for this task: fallback to alumni-office";

  private final Supplier<RuleSet> rules;
  private final TaskContextReader contexts;
  private final ZoneId zone;

  public TaskOwners(Supplier<RuleSet> rules, TaskContextReader contexts, ZoneId zone) {
    this.rules = rules;
    this.contexts = contexts;
    this.zone = zone;
  }

  /**
   * The decision for the task {@code taskKey} starting on {@code execution}, made once per engine command: the
   * escalation timer of a task and the task itself, which ask in turn, get the same decision
   * ({@link DecisionsOfCommand}).
   */
  public Decision decideOnce(ExecutionEntity execution, String taskKey) {
    CommandContext command = Context.getCommandContext();
    DecisionsOfCommand decisions = command == null ? null : command.getSession(DecisionsOfCommand.class);
    Decision decision = decisions == null ? null : decisions.take(execution.getId(), taskKey);
    if (decision == null) {
      decision = decide(execution.getProcessDefinition().getKey(), taskKey, execution.getProcessInstance());
      if (decisions != null) {
        decisions.keep(execution.getId(), taskKey, decision);
      }
    }
    return decision;
  }

  /** Records a task's decision with the other decisions of the engine command, in its transaction. */
  public void record(OwnerDecision decision) {
    Context.getCommandContext().getSession(DecisionsOfCommand.class).record(decision);
  }

  /** The decision for a task of a process, from the process instance's variables, at the engine's current time. */
  public Decision decide(String processKey, String taskKey, VariableScope processInstance) {
    LocalDateTime now = EngineTime.now(zone);
    TaskContext context = contexts.read(processKey, taskKey, now, processInstance);
    RuleSet ruleSet = rules.get();
    return new AssignmentRules(ruleSet).decide(context)
        .map(a -> new Decision(a, false, ruleSet.version()))
        .orElseGet(() -> new Decision(new Assignment(List.of(FALLBACK_GROUP), null, null, FALLBACK_RULE,
            "processKey=" + processKey + ", taskKey=" + taskKey), true, ruleSet.version()));
  }

  public Date toDate(LocalDateTime time) {
    return time == null ? null : Date.from(time.atZone(zone).toInstant());
  }

  public ZoneId zone() {
    return zone;
  }

  /** An owner decision and where it came from. */
  public record Decision(Assignment assignment, boolean fallback, String rulesetVersion) {
  }
}
