package edu.alumni.rules.trigger;

import java.math.BigDecimal;

/** A VISIT_DUE member of a run, with what the visit trigger orders by. */
public final class VisitCandidate {

  private final String studentNo;
  private final String ownerGroup;
  private final boolean majorGiftProspect;
  private final BigDecimal lifetimeGiving;
  private final String reasons;

  public VisitCandidate(String studentNo, String ownerGroup, boolean majorGiftProspect, BigDecimal lifetimeGiving,
      String reasons) {
    this.studentNo = studentNo;
    this.ownerGroup = ownerGroup;
    this.majorGiftProspect = majorGiftProspect;
    this.lifetimeGiving = lifetimeGiving == null ? BigDecimal.ZERO : lifetimeGiving;
    this.reasons = reasons;
  }

  public String getStudentNo() {
    return studentNo;
  }

  public String getOwnerGroup() {
    return ownerGroup;
  }

  public boolean isMajorGiftProspect() {
    return majorGiftProspect;
  }

  public BigDecimal getLifetimeGiving() {
    return lifetimeGiving;
  }

  public String getReasons() {
    return reasons;
  }
}
