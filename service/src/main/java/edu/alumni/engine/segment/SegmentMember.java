package edu.alumni.engine.segment;

/** A member of a segment in the current run, with the explanation. */
public record SegmentMember(String studentNo, String name, String collegeCode, int graduationYear, String ruleName,
    String facts) {
}
