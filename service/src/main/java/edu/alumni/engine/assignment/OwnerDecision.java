package edu.alumni.engine.assignment;

import java.time.LocalDateTime;

/** The recorded owner decision of one user task. */
public record OwnerDecision(String taskId, String processInstanceId, String processKey, String taskKey,
    String businessKey, String candidateGroups, LocalDateTime dueAt, String secondApprover, String ruleName,
    String rulesetVersion, String facts, boolean fallback, LocalDateTime decidedAt) {
}
