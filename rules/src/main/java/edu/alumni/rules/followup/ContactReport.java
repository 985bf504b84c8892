package edu.alumni.rules.followup;

import java.math.BigDecimal;

/** A completed contact report as the follow-up rules see it. Immutable. */
public final class ContactReport {

  private final String studentNo;
  private final String method;
  private final boolean donationInterest;
  private final boolean recruitmentInterest;
  private final boolean mentoringInterest;
  private final boolean speakerInterest;
  private final BigDecimal lifetimeGiving;

  public ContactReport(String studentNo, String method, boolean donationInterest, boolean recruitmentInterest,
      boolean mentoringInterest, boolean speakerInterest, BigDecimal lifetimeGiving) {
    this.studentNo = studentNo;
    this.method = method;
    this.donationInterest = donationInterest;
    this.recruitmentInterest = recruitmentInterest;
    this.mentoringInterest = mentoringInterest;
    this.speakerInterest = speakerInterest;
    this.lifetimeGiving = lifetimeGiving == null ? BigDecimal.ZERO : lifetimeGiving;
  }

  public String getStudentNo() {
    return studentNo;
  }

  public String getMethod() {
    return method;
  }

  public boolean isDonationInterest() {
    return donationInterest;
  }

  public boolean isRecruitmentInterest() {
    return recruitmentInterest;
  }

  public boolean isMentoringInterest() {
    return mentoringInterest;
  }

  public boolean isSpeakerInterest() {
    return speakerInterest;
  }

  public BigDecimal getLifetimeGiving() {
    return lifetimeGiving;
  }
}
