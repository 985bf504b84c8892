package edu.alumni.rules.process;

/** Reunion planning (PROCESSES.md §1): process key, task keys, variable names. */
public final class ReunionPlanning {

  public static final String PROCESS_KEY = "reunionPlanning";
  /** {@code reunion-{college}-{graduation_year}-{Y}} */
  public static final String BUSINESS_KEY_FORMAT = "reunion-%s-%d-%d";

  public static final String FORM_COMMITTEE = "formCommittee";
  public static final String DRAFT_PLAN = "draftPlan";
  public static final String APPROVE_PLAN = "approvePlan";
  /** The second approval of a budget over 200,000 CNY. */
  public static final String SECOND_APPROVE_PLAN = "secondApprovePlan";
  public static final String SEND_INVITATIONS = "sendInvitations";
  public static final String CONFIRM_LOGISTICS = "confirmLogistics";
  public static final String RECORD_ATTENDANCE = "recordAttendance";
  public static final String SEND_THANKS_AND_APPEAL = "sendThanksAndAppeal";
  public static final String PUBLISH_STORY = "publishStory";
  /** Non-interrupting reminder to managers when approvePlan is overdue. */
  public static final String REMIND_APPROVAL = "remindApproval";

  public static final String VAR_COLLEGE = "college";
  public static final String VAR_GRADUATION_YEAR = "graduationYear";
  public static final String VAR_MILESTONE = "milestone";
  public static final String VAR_COHORT_SIZE = "cohortSize";
  public static final String VAR_EVENT_DATE = "eventDate";
  public static final String VAR_VENUE = "venue";
  public static final String VAR_PROGRAMME = "programme";
  public static final String VAR_BUDGET = "budgetCny";
  public static final String VAR_APPROVED = "approved";
  public static final String VAR_APPROVAL_COMMENT = "approvalComment";
  public static final String VAR_SECOND_APPROVER = "secondApprover";
  public static final String VAR_SECOND_APPROVED = "secondApproved";
  public static final String VAR_RSVP_DEADLINE = "rsvpDeadline";
  public static final String VAR_INVITED = "invitedCount";
  public static final String VAR_HEAD_COUNT = "headCount";
  public static final String VAR_ATTENDED = "attendedCount";

  /** Budgets above this need a second approval. */
  public static final String SECOND_APPROVAL_ABOVE_CNY = "200000";

  private ReunionPlanning() {
  }
}
