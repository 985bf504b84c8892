package edu.alumni.engine.segment;

public record StartedCount(String processKey, int startedCount) {
}
