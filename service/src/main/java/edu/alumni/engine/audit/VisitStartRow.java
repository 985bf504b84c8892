package edu.alumni.engine.audit;

import java.time.LocalDate;

/** A visit cycle the visit trigger started for an alumnus: as-of date, owner group, run, instance. */
public record VisitStartRow(LocalDate asOf, String ownerGroup, String processInstanceId, long runId) {
}
