package edu.alumni.rules.segment;

import java.time.LocalDate;

/** The date D a segmentation is computed for, and Y, its year. One per session. */
public final class AsOf {

  private final LocalDate date;

  public AsOf(LocalDate date) {
    this.date = date;
  }

  public LocalDate getDate() {
    return date;
  }

  public int getYear() {
    return date.getYear();
  }

  /** D − 365 days: a last visit on or before it is a year old (VISIT_DUE). */
  public LocalDate getYearAgo() {
    return date.minusDays(365);
  }

  /** D − 5 years: gifts after it count for maxGiftLast5Years. */
  public LocalDate getFiveYearsAgo() {
    return date.minusYears(5);
  }
}
