package edu.alumni.rules.trigger;

/** A class (college, graduation year) with its count of REUNION_MILESTONE members in a run as of a year Y. */
public final class CohortFacts {

  private final String college;
  private final int graduationYear;
  private final int asOfYear;
  private final long milestoneMembers;

  public CohortFacts(String college, int graduationYear, int asOfYear, long milestoneMembers) {
    this.college = college;
    this.graduationYear = graduationYear;
    this.asOfYear = asOfYear;
    this.milestoneMembers = milestoneMembers;
  }

  public String getCollege() {
    return college;
  }

  public int getGraduationYear() {
    return graduationYear;
  }

  public int getAsOfYear() {
    return asOfYear;
  }

  public long getMilestoneMembers() {
    return milestoneMembers;
  }
}
