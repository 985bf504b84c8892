package edu.alumni.engine.segment;

/** A run was asked for while another one is going on. */
public class RunInProgressException extends RuntimeException {

  private final long runningId;

  public RunInProgressException(long runningId) {
    super("Segmentation run " + runningId + " is still going on; wait for it to end (GET /api/segmentation/runs/"
        + runningId + ") and start again.");
    this.runningId = runningId;
  }

  public long runningId() {
    return runningId;
  }
}
