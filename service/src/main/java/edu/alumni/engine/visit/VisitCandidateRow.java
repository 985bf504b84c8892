package edu.alumni.engine.visit;

import java.math.BigDecimal;

/** A VISIT_DUE member of a run with what the visit trigger needs. */
public record VisitCandidateRow(String studentNo, String collegeCode, String chapterCode, BigDecimal lifetimeGiving,
    boolean majorGiftProspect, String reason) {
}
