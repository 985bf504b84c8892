package edu.alumni.rules.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the segment rules see of one alumnus as of a date D: the registry fields they use and the derived facts of
 * DATA.md, computed for D. Plain data: every term and segment built on it is defined in DRL. Immutable; JavaBean
 * getters because DRL constraints read properties through them.
 */
public final class AlumnusFacts {

  private final LocalDate asOf;
  private final String studentNo;
  private final String collegeCode;
  private final int graduationYear;
  private final String chapterCode;
  private final boolean consentContact;
  private final boolean consentFundraising;
  private final boolean deceased;
  private final boolean emailGiven;
  private final boolean phoneGiven;
  private final String jobTitle;
  private final String employer;
  private final String honors;
  private final BigDecimal lifetimeGiving;
  private final Set<Integer> giftYears;
  private final BigDecimal maxGiftLast5Years;
  private final LocalDate lastVisitDate;

  /**
   * @param asOf              D, the date the derived facts are computed for
   * @param lifetimeGiving    sum of gifts dated {@code <= D} ({@code null} means none: zero)
   * @param giftYears         calendar years with at least one gift dated {@code <= D}
   * @param maxGiftLast5Years largest single gift with {@code D - 5 years < gift_date <= D}, or {@code null}
   * @param lastVisitDate     latest visit date of a completed contact report, or {@code null}
   */
  public AlumnusFacts(LocalDate asOf, String studentNo, String collegeCode, int graduationYear, String chapterCode,
      boolean consentContact, boolean consentFundraising, boolean deceased, boolean emailGiven, boolean phoneGiven,
      String jobTitle, String employer, String honors, BigDecimal lifetimeGiving, Set<Integer> giftYears,
      BigDecimal maxGiftLast5Years, LocalDate lastVisitDate) {
    this.asOf = asOf;
    this.studentNo = studentNo;
    this.collegeCode = collegeCode;
    this.graduationYear = graduationYear;
    this.chapterCode = chapterCode;
    this.consentContact = consentContact;
    this.consentFundraising = consentFundraising;
    this.deceased = deceased;
    this.emailGiven = emailGiven;
    this.phoneGiven = phoneGiven;
    this.jobTitle = jobTitle;
    this.employer = employer;
    this.honors = honors;
    this.lifetimeGiving = lifetimeGiving == null ? BigDecimal.ZERO : lifetimeGiving;
    this.giftYears = giftYears == null ? Set.of() : Set.copyOf(giftYears);
    this.maxGiftLast5Years = maxGiftLast5Years;
    this.lastVisitDate = lastVisitDate;
  }

  public LocalDate getAsOf() {
    return asOf;
  }

  /** Y, the year of D. */
  public int getAsOfYear() {
    return asOf.getYear();
  }

  public String getStudentNo() {
    return studentNo;
  }

  public String getCollegeCode() {
    return collegeCode;
  }

  public int getGraduationYear() {
    return graduationYear;
  }

  public String getChapterCode() {
    return chapterCode;
  }

  public boolean isConsentContact() {
    return consentContact;
  }

  public boolean isConsentFundraising() {
    return consentFundraising;
  }

  public boolean isDeceased() {
    return deceased;
  }

  public boolean isEmailGiven() {
    return emailGiven;
  }

  public boolean isPhoneGiven() {
    return phoneGiven;
  }

  public String getJobTitle() {
    return jobTitle;
  }

  public String getEmployer() {
    return employer;
  }

  public String getHonors() {
    return honors;
  }

  public BigDecimal getLifetimeGiving() {
    return lifetimeGiving;
  }

  public Set<Integer> getGiftYears() {
    return giftYears;
  }

  public BigDecimal getMaxGiftLast5Years() {
    return maxGiftLast5Years;
  }

  public LocalDate getLastVisitDate() {
    return lastVisitDate;
  }

  @Override
  public String toString() {
    return "AlumnusFacts[" + studentNo + "]";
  }
}
