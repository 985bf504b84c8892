package edu.alumni.engine.reunion;

import static edu.alumni.rules.process.ReunionPlanning.VAR_COLLEGE;
import static edu.alumni.rules.process.ReunionPlanning.VAR_EVENT_DATE;
import static edu.alumni.rules.process.ReunionPlanning.VAR_GRADUATION_YEAR;
import static edu.alumni.rules.process.ReunionPlanning.VAR_HEAD_COUNT;
import static edu.alumni.rules.process.ReunionPlanning.VAR_INVITED;
import static edu.alumni.rules.process.ReunionPlanning.VAR_RSVP_DEADLINE;

import edu.alumni.engine.system.EngineTime;
import edu.alumni.engine.system.ProcessVariables;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * sendInvitations: one invitation per contactable cohort member, recorded in the registry (idempotent when the
 * step is retried or the plan comes back after a rejection), then the RSVP deadline (event date − 14 days) and the
 * event's start for the waits that follow.
 */
public class SendInvitationsDelegate implements JavaDelegate {

  /** The variable the event-day timer waits for. */
  public static final String VAR_EVENT_START = "eventStart";
  static final int RSVP_DAYS_BEFORE = 14;
  static final LocalTime DAY_START = LocalTime.of(9, 0);

  private final ReunionMapper reunions;
  private final ZoneId zone;

  public SendInvitationsDelegate(ReunionMapper reunions, ZoneId zone) {
    this.reunions = reunions;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    String college = (String) execution.getVariable(VAR_COLLEGE);
    int graduationYear = ProcessVariables.integer(execution, VAR_GRADUATION_YEAR);
    LocalDate eventDate = ProcessVariables.date(execution, VAR_EVENT_DATE, zone);
    if (eventDate == null) {
      throw new IllegalStateException("the reunion plan has no event date");
    }
    Set<String> invited = new HashSet<>(reunions.selectInvitedStudentNos(businessKey));
    LocalDateTime now = EngineTime.now(zone);
    for (String studentNo : reunions.selectContactableCohort(college, graduationYear)) {
      if (invited.add(studentNo)) {
        reunions.insertInvitation(businessKey, studentNo, now);
      }
    }
    execution.setVariable(VAR_INVITED, invited.size());
    execution.setVariable(VAR_HEAD_COUNT, reunions.selectHeadCount(businessKey));
    execution.setVariable(VAR_RSVP_DEADLINE, at(eventDate.minusDays(RSVP_DAYS_BEFORE)));
    execution.setVariable(VAR_EVENT_START, at(eventDate));
  }

  private Date at(LocalDate day) {
    return Date.from(day.atTime(DAY_START).atZone(zone).toInstant());
  }
}
