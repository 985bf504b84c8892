package edu.alumni.engine.audit;

import java.time.Instant;

/**
 * The filters of {@code GET /api/audit/process-instances}; null means "any". {@code startedAfter} and
 * {@code startedBefore} include their bounds; {@code studentNo} selects the instances concerning an alumnus (see
 * {@link ProcessHistory#businessKeysOf}).
 */
public record InstanceFilter(String processKey, String businessKey, Instant startedAfter, Instant startedBefore,
    String studentNo) {
}
