package edu.alumni.engine.audit;

/**
 * A historic process instance as the audit lists it.
 *
 * @param startedBy   the user who started it (Camunda's start user, or who recorded the gift), null when none did
 * @param cause       how it was started: {@link #CAUSE_USER}, {@link #CAUSE_SEGMENTATION_TRIGGER},
 *                    {@link #CAUSE_GIFT_RECORDED} or {@link #CAUSE_UNKNOWN}
 * @param trigger     the segmentation run and trigger rule that started it, when one did
 * @param removalTime when Camunda's history cleanup removes its history (end + historyTimeToLive); null while it
 *                    runs
 * @param timeline    where its timeline is
 */
public record AuditedInstance(String id, String processKey, String processName, Integer version, String businessKey,
    String startTime, String endTime, Long durationMs, String state, String startedBy, String cause,
    Trigger trigger, String removalTime, String timeline) {

  public static final String CAUSE_USER = "USER";
  public static final String CAUSE_SEGMENTATION_TRIGGER = "SEGMENTATION_TRIGGER";
  /** donationStewardship started by {@code POST /api/gifts}; startedBy is who recorded the gift. */
  public static final String CAUSE_GIFT_RECORDED = "GIFT_RECORDED";
  public static final String CAUSE_UNKNOWN = "UNKNOWN";

  /**
   * @param segmentationRunId the run whose triggers started the instance
   * @param asOf              that run's date D (null when the run is no longer stored)
   * @param rulesetVersion    the segment rules' version of that run
   * @param rule              the trigger rule that asked for the instance
   */
  public record Trigger(Long segmentationRunId, String asOf, String rulesetVersion, String rule) {
  }
}
