package edu.alumni.engine.alumni;

/**
 * Filters of the alumni list; {@code null} means "any".
 *
 * @param college        college code
 * @param graduationYear graduation year
 * @param q              text: a part of the name, or the beginning of the student number
 * @param segment        segment code: members in the run {@code runId} (the current one)
 */
public record AlumniFilter(String college, Integer graduationYear, String q, String segment, Long runId) {

  public AlumniFilter(String college, Integer graduationYear, String q) {
    this(college, graduationYear, q, null, null);
  }

  /** The same filter, limited to the members of a segment in a segmentation run. */
  public AlumniFilter inSegment(String segmentCode, long segmentationRunId) {
    return new AlumniFilter(college, graduationYear, q, segmentCode, segmentationRunId);
  }

  /** {@code q} escaped for LIKE and wrapped for a "contains" match. */
  public String qContains() {
    return q == null ? null : "%" + escapeLike(q) + "%";
  }

  /** {@code q} escaped for LIKE and wrapped for a "starts with" match. */
  public String qPrefix() {
    return q == null ? null : escapeLike(q.toUpperCase(java.util.Locale.ROOT)) + "%";
  }

  private static String escapeLike(String s) {
    // '!' rather than backslash: MySQL treats a backslash in a string literal as an escape of its own
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
