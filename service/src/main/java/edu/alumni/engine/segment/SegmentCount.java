package edu.alumni.engine.segment;

public record SegmentCount(String segmentCode, long memberCount) {
}
