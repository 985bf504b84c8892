package edu.alumni.engine.work;

/** A candidate group of a task. */
public record CandidateGroupRow(String taskId, String groupId) {
}
