package edu.alumni.engine.audit;

import java.util.List;

/** {@code GET /api/audit/process-instances/{id}/timeline}: the instance and its events in order. */
public record Timeline(AuditedInstance instance, int eventCount, List<TimelineEvent> events) {
}
