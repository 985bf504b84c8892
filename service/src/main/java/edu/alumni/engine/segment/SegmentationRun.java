package edu.alumni.engine.segment;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A segmentation run as stored. */
public record SegmentationRun(long id, LocalDate asOf, String status, String rulesetVersion, String startedBy,
    LocalDateTime startedAt, LocalDateTime finishedAt, long alumniEvaluated, Long durationMs, String errorText) {

  public static final String RUNNING = "RUNNING";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";
}
