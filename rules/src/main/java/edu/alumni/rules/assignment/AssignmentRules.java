package edu.alumni.rules.assignment;

import edu.alumni.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kie.api.runtime.KieSession;

/**
 * Decides the owner group and due date of a user task as it is created, by firing the assignment rules
 * ({@code edu/alumni/rules/assignment/assignment.drl}) over its {@link TaskContext} in a pooled session.
 */
public final class AssignmentRules {

  /** The global list the assignment rules add their decision to. */
  public static final String ASSIGNMENTS = "assignments";

  private final RuleSet rules;

  public AssignmentRules(RuleSet rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public RuleSet rules() {
    return rules;
  }

  /**
   * The decision for a task, or empty when no rule decides it (an unknown task key, or a college task without a
   * college): the caller then falls back to {@code alumni-office} and records that. When a rule set decides more
   * than once (the shipped one never does), the first decision in firing order — the highest salience — wins.
   *
   * @throws IllegalArgumentException when the task has no creation time ("now" for every due date)
   */
  public Optional<Assignment> decide(TaskContext task) {
    List<Assignment> decisions = decisions(task);
    return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(0));
  }

  /** Every decision the rules added, in firing order (for tests and diagnostics). */
  List<Assignment> decisions(TaskContext task) {
    Objects.requireNonNull(task, "task");
    if (task.getCreatedAt() == null) {
      throw new IllegalArgumentException("the task " + task + " has no creation time");
    }
    List<Assignment> decisions = new ArrayList<>(1);
    KieSession session = rules.newDecisionSession();
    try {
      session.setGlobal(ASSIGNMENTS, decisions);
      session.insert(task);
      session.fireAllRules();
      return decisions;
    } finally {
      session.dispose();
    }
  }
}
