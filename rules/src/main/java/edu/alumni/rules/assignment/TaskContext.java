package edu.alumni.rules.assignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What the assignment rules see of a user task being created: which task of which process, when, and the context
 * read from the registry by the instance's identifiers. Absent context is {@code null}. Immutable.
 */
public final class TaskContext {

  private final String processKey;
  private final String taskKey;
  private final LocalDateTime createdAt;
  private final String college;
  private final String chapter;
  private final BigDecimal lifetimeGiving;
  private final String giftTier;
  private final String fundCode;
  private final boolean fundRestricted;
  private final BigDecimal budget;
  private final LocalDate eventDate;
  private final LocalDate visitDate;

  public TaskContext(String processKey, String taskKey, LocalDateTime createdAt, String college, String chapter,
      BigDecimal lifetimeGiving, String giftTier, String fundCode, boolean fundRestricted, BigDecimal budget,
      LocalDate eventDate, LocalDate visitDate) {
    this.processKey = processKey;
    this.taskKey = taskKey;
    this.createdAt = createdAt;
    this.college = college;
    this.chapter = chapter;
    this.lifetimeGiving = lifetimeGiving == null ? BigDecimal.ZERO : lifetimeGiving;
    this.giftTier = giftTier;
    this.fundCode = fundCode;
    this.fundRestricted = fundRestricted;
    this.budget = budget;
    this.eventDate = eventDate;
    this.visitDate = visitDate;
  }

  public String getProcessKey() {
    return processKey;
  }

  public String getTaskKey() {
    return taskKey;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public String getCollege() {
    return college;
  }

  public String getChapter() {
    return chapter;
  }

  public BigDecimal getLifetimeGiving() {
    return lifetimeGiving;
  }

  public String getGiftTier() {
    return giftTier;
  }

  public String getFundCode() {
    return fundCode;
  }

  public boolean isFundRestricted() {
    return fundRestricted;
  }

  public BigDecimal getBudget() {
    return budget;
  }

  public LocalDate getEventDate() {
    return eventDate;
  }

  public LocalDate getVisitDate() {
    return visitDate;
  }

  @Override
  public String toString() {
    return "TaskContext[" + processKey + "/" + taskKey + "]";
  }
}
