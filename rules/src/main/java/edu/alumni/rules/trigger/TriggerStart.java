package edu.alumni.rules.trigger;

import java.util.Map;

/**
 * A process instance a trigger rule asks for: process key, business key, start variables, the rule and its facts.
 * For visits, {@code ownerGroup} and {@code priority} order the starts under the per-group cap.
 */
public final class TriggerStart {

  private final String processKey;
  private final String businessKey;
  private final Map<String, Object> variables;
  private final String ownerGroup;
  private final String rule;
  private final String facts;

  public TriggerStart(String processKey, String businessKey, Map<String, Object> variables, String ownerGroup,
      String rule, String facts) {
    this.processKey = processKey;
    this.businessKey = businessKey;
    this.variables = Map.copyOf(variables);
    this.ownerGroup = ownerGroup;
    this.rule = rule;
    this.facts = facts;
  }

  public String getProcessKey() {
    return processKey;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public Map<String, Object> getVariables() {
    return variables;
  }

  public String getOwnerGroup() {
    return ownerGroup;
  }

  public String getRule() {
    return rule;
  }

  public String getFacts() {
    return facts;
  }
}
