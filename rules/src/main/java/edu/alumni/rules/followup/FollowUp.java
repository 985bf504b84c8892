package edu.alumni.rules.followup;

/** A follow-up task the rules ask for (its task key), with the rule and the facts behind it. */
public final class FollowUp {

  private final String taskKey;
  private final String rule;
  private final String facts;

  public FollowUp(String taskKey, String rule, String facts) {
    this.taskKey = taskKey;
    this.rule = rule;
    this.facts = facts;
  }

  public String getTaskKey() {
    return taskKey;
  }

  public String getRule() {
    return rule;
  }

  public String getFacts() {
    return facts;
  }
}
