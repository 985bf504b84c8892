package edu.alumni.engine.assignment;

import java.math.BigDecimal;

/**
 * What the assignment rules need from the registry about a task's alumnus and gift, read in one round trip.
 * {@code studentNo} is null when the alumnus is not in the registry; {@code fundCode} when there is no gift.
 */
public record RegistryFacts(String studentNo, String collegeCode, String chapterCode, BigDecimal lifetimeGivingCny,
    String fundCode) {
}
