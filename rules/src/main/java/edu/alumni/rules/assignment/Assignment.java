package edu.alumni.rules.assignment;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An owner decision for a task: candidate group(s), due date, a second approver where PROCESSES.md asks for one,
 * and the rule that decided with the facts it matched (for the audit).
 */
public final class Assignment {

  private final List<String> candidateGroups;
  private final LocalDateTime due;
  private final String secondApprover;
  private final String rule;
  private final String facts;

  public Assignment(List<String> candidateGroups, LocalDateTime due, String secondApprover, String rule,
      String facts) {
    this.candidateGroups = List.copyOf(candidateGroups);
    this.due = due;
    this.secondApprover = secondApprover;
    this.rule = rule;
    this.facts = facts;
  }

  public List<String> getCandidateGroups() {
    return candidateGroups;
  }

  /** The due date, or {@code null} when the rule sets none. */
  public LocalDateTime getDue() {
    return due;
  }

  public String getSecondApprover() {
    return secondApprover;
  }

  public String getRule() {
    return rule;
  }

  public String getFacts() {
    return facts;
  }

  @Override
  public String toString() {
    return candidateGroups + " due " + due + (secondApprover == null ? "" : " then " + secondApprover) + " (" + rule
        + ": " + facts + ")";
  }
}
