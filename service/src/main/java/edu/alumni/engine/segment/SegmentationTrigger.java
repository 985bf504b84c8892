package edu.alumni.engine.segment;

/**
 * Something a completed segmentation run sets off (SEGMENTS.md "Triggers"): called after the run's memberships are
 * stored and current, once per run, in bean order. Must be idempotent: a re-run for the same D starts nothing new.
 */
public interface SegmentationTrigger {

  /** The key under which the run reports what this trigger started, e.g. the process key. */
  String key();

  /** Fires for a completed run; returns how many things (process instances) it started. */
  int fire(SegmentationRun run);
}
