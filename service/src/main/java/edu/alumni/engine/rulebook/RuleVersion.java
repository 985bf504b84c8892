package edu.alumni.engine.rulebook;

import java.time.LocalDateTime;

/** One stored version of a rule file (the DRL text itself is read separately). */
public record RuleVersion(String name, int versionNo, String contentHash, String uploadedBy,
    LocalDateTime uploadedAt, boolean active, String commentText) {
}
