package edu.alumni.engine.segment;

/** A stored segment membership. */
public record MembershipRow(long runId, String segmentCode, String studentNo, String ruleName, String facts) {
}
