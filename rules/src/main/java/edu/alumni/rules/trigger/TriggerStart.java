package edu.alumni.rules.trigger;

import java.util.HashMap;
import java.util.Map;

/**
 * A process instance a trigger rule asks for: process key, business key, start variables, the rule and its facts.
 * For visits, {@code ownerGroup} and {@code priority} order the starts under the per-group cap.
 */
public final class TriggerStart {

  /**
   * Start variables the service adds to every instance a trigger starts, so the audit can say which segmentation
   * run and which trigger rule started it (identifiers only: the facts stay with the run's memberships).
   */
  public static final String VAR_SEGMENTATION_RUN_ID = "segmentationRunId";
  public static final String VAR_TRIGGER_RULE = "triggerRule";

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

  /** The start variables with the segmentation run and the trigger rule that started the instance. */
  public Map<String, Object> variablesOfRun(long segmentationRunId) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put(VAR_SEGMENTATION_RUN_ID, segmentationRunId);
    all.put(VAR_TRIGGER_RULE, rule);
    return all;
  }
}
