package edu.alumni.rules.segment;

/**
 * An alumnus belongs to a segment: the code, the rule that decided it and the facts that rule matched
 * ({@code yearsOut=20, consent_contact=true, email=given}), so an auditor or the alumnus can be told why.
 */
public final class Membership {

  private final String studentNo;
  private final String segment;
  private final String rule;
  private final String facts;

  public Membership(String studentNo, String segment, String rule, String facts) {
    this.studentNo = studentNo;
    this.segment = segment;
    this.rule = rule;
    this.facts = facts;
  }

  public String getStudentNo() {
    return studentNo;
  }

  public String getSegment() {
    return segment;
  }

  public String getRule() {
    return rule;
  }

  public String getFacts() {
    return facts;
  }

  @Override
  public String toString() {
    return studentNo + " " + segment + " (" + rule + ": " + facts + ")";
  }
}
