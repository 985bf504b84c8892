package edu.alumni.rules.process;

/** Visit and follow-up cycle (PROCESSES.md §2): process key, task keys, variable names. */
public final class VisitCycle {

  public static final String PROCESS_KEY = "visitCycle";
  /** {@code visit-{student_no}} */
  public static final String BUSINESS_KEY_FORMAT = "visit-%s";

  public static final String PLAN_VISIT = "planVisit";
  public static final String FILE_CONTACT_REPORT = "fileContactReport";
  public static final String CHASE_CONTACT_REPORT = "chaseContactReport";
  public static final String DECIDE_FOLLOW_UPS = "decideFollowUps";
  public static final String PREPARE_PROPOSAL = "prepareProposal";
  public static final String ARRANGE_RECRUITMENT = "arrangeRecruitment";
  public static final String MATCH_MENTEES = "matchMentees";
  public static final String INVITE_SPEAKER = "inviteSpeaker";
  public static final String RECORD_CONTACT_REPORT = "recordContactReport";

  public static final String VAR_STUDENT_NO = "studentNo";
  public static final String VAR_REASON = "reason";
  public static final String VAR_VISIT_DATE = "visitDate";
  public static final String VAR_VISITORS = "visitors";
  public static final String VAR_OBJECTIVES = "objectives";
  public static final String VAR_METHOD = "contactMethod";
  public static final String VAR_LEARNED = "learned";
  public static final String VAR_CONVEYED = "conveyed";
  /** Interest flags of the contact report. */
  public static final String VAR_INTEREST_DONATION = "interestDonation";
  public static final String VAR_INTEREST_RECRUITMENT = "interestRecruitment";
  public static final String VAR_INTEREST_MENTORING = "interestMentoring";
  public static final String VAR_INTEREST_SPEAKER = "interestSpeaker";
  public static final String VAR_NEW_EMAIL = "newEmail";
  public static final String VAR_NEW_PHONE = "newPhone";
  public static final String VAR_NEW_CITY = "newCity";
  public static final String VAR_NEW_EMPLOYER = "newEmployer";
  public static final String VAR_NEW_JOB_TITLE = "newJobTitle";
  public static final String VAR_MONTHS_UNTIL_NEXT = "monthsUntilNextVisit";
  /** Set by the follow-up rules: one boolean per follow-up task key, e.g. {@code followUp_prepareProposal}. */
  public static final String VAR_FOLLOW_UP_PREFIX = "followUp_";
  public static final String VAR_NEXT_VISIT_WAIT = "nextVisitWait";

  /** Contact methods of the contact report. */
  public static final String METHOD_IN_PERSON = "IN_PERSON";
  public static final String METHOD_PHONE = "PHONE";
  public static final String METHOD_ONLINE = "ONLINE";
  public static final String METHOD_FAILED = "FAILED";

  private VisitCycle() {
  }
}
