package edu.alumni.engine.visit;

import static edu.alumni.rules.process.VisitCycle.VAR_CONVEYED;
import static edu.alumni.rules.process.VisitCycle.VAR_INTEREST_DONATION;
import static edu.alumni.rules.process.VisitCycle.VAR_INTEREST_MENTORING;
import static edu.alumni.rules.process.VisitCycle.VAR_INTEREST_RECRUITMENT;
import static edu.alumni.rules.process.VisitCycle.VAR_INTEREST_SPEAKER;
import static edu.alumni.rules.process.VisitCycle.VAR_LEARNED;
import static edu.alumni.rules.process.VisitCycle.VAR_METHOD;
import static edu.alumni.rules.process.VisitCycle.VAR_MONTHS_UNTIL_NEXT;
import static edu.alumni.rules.process.VisitCycle.VAR_NEW_CITY;
import static edu.alumni.rules.process.VisitCycle.VAR_NEW_EMAIL;
import static edu.alumni.rules.process.VisitCycle.VAR_NEW_EMPLOYER;
import static edu.alumni.rules.process.VisitCycle.VAR_NEW_JOB_TITLE;
import static edu.alumni.rules.process.VisitCycle.VAR_NEW_PHONE;
import static edu.alumni.rules.process.VisitCycle.VAR_NEXT_VISIT_WAIT;
import static edu.alumni.rules.process.VisitCycle.VAR_STUDENT_NO;
import static edu.alumni.rules.process.VisitCycle.VAR_VISITORS;
import static edu.alumni.rules.process.VisitCycle.VAR_VISIT_DATE;

import edu.alumni.engine.alumni.AlumniCsvFormat;
import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.system.EngineTime;
import edu.alumni.engine.system.ProcessVariables;
import edu.alumni.rules.process.VisitCycle;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * recordContactReport: stores the contact report filed in fileContactReport, moves the alumnus' lastVisitDate
 * forward (a FAILED contact is not a visit) and applies the corrected contact data to the registry. A report
 * that breaks the rules (no date, no method, nothing learned, a malformed e-mail) fails the step, so the task's
 * completion is refused with the reason and nothing is stored.
 */
public class RecordContactReportDelegate implements JavaDelegate {

  static final Set<String> METHODS = Set.of(VisitCycle.METHOD_IN_PERSON, VisitCycle.METHOD_PHONE,
      VisitCycle.METHOD_ONLINE, VisitCycle.METHOD_FAILED);
  static final int MIN_LEARNED = 10;

  private final ContactReportMapper reports;
  private final AlumnusMapper alumni;
  private final Catalogue catalogue;
  private final ZoneId zone;

  public RecordContactReportDelegate(ContactReportMapper reports, AlumnusMapper alumni, Catalogue catalogue,
      ZoneId zone) {
    this.reports = reports;
    this.alumni = alumni;
    this.catalogue = catalogue;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String studentNo = ProcessVariables.text(execution, VAR_STUDENT_NO);
    LocalDate visitDate = ProcessVariables.date(execution, VAR_VISIT_DATE, zone);
    String method = ProcessVariables.text(execution, VAR_METHOD);
    String learned = ProcessVariables.text(execution, VAR_LEARNED);
    Integer months = ProcessVariables.integer(execution, VAR_MONTHS_UNTIL_NEXT);
    String email = ProcessVariables.text(execution, VAR_NEW_EMAIL);
    String phone = ProcessVariables.text(execution, VAR_NEW_PHONE);
    List<String> problems = new ArrayList<>();
    if (visitDate == null) {
      problems.add("the visit date is required");
    }
    if (method == null || !METHODS.contains(method)) {
      problems.add("the contact method must be one of " + METHODS);
    }
    if (learned == null || learned.length() < MIN_LEARNED) {
      problems.add("say what was learned (at least " + MIN_LEARNED + " characters)");
    }
    if (months == null || months < 0 || months > 36) {
      problems.add("months until the next visit must be 0 (close the cycle) to 36");
    }
    if (email != null && !AlumniCsvFormat.EMAIL.matcher(email).matches()) {
      problems.add("the corrected e-mail '" + email + "' is not an e-mail address");
    }
    if (phone != null) {
      phone = phone.replace(" ", "").replace("-", "");
      if (!AlumniCsvFormat.PHONE.matcher(phone).matches()) {
        problems.add("the corrected phone must be 7 to 15 digits, optionally with a leading +");
      }
    }
    if (!problems.isEmpty()) {
      // a form validation error: the REST API answers 400 with the message, Tasklist shows it on the form
      throw new FormFieldValidationException("contactReport",
          "The contact report cannot be filed: " + String.join("; ", problems));
    }
    String reportId = execution.getActivityInstanceId();
    if (reports.countByTaskId(reportId) == 0) {
      reports.insertContactReport(new ContactReportRow(execution.getProcessInstanceId(), reportId, studentNo,
          visitDate, ProcessVariables.text(execution, VAR_VISITORS), method, learned,
          ProcessVariables.text(execution, VAR_CONVEYED), interests(execution), months,
          filedBy(execution),
          EngineTime.now(zone)));
    }
    if (!VisitCycle.METHOD_FAILED.equals(method)) {
      alumni.updateLastVisitDate(studentNo, visitDate);
    }
    String city = ProcessVariables.text(execution, VAR_NEW_CITY);
    alumni.updateContactData(studentNo, email, phone, city, catalogue.chapterOf(city).orElse(null),
        ProcessVariables.text(execution, VAR_NEW_EMPLOYER), ProcessVariables.text(execution, VAR_NEW_JOB_TITLE));
    execution.setVariable(VAR_NEXT_VISIT_WAIT, "P" + months + "M");
  }

  private static String filedBy(DelegateExecution execution) {
    var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  private static String interests(DelegateExecution execution) {
    List<String> interests = new ArrayList<>();
    if (ProcessVariables.flag(execution, VAR_INTEREST_DONATION)) {
      interests.add("donation");
    }
    if (ProcessVariables.flag(execution, VAR_INTEREST_RECRUITMENT)) {
      interests.add("recruitment");
    }
    if (ProcessVariables.flag(execution, VAR_INTEREST_MENTORING)) {
      interests.add("mentoring");
    }
    if (ProcessVariables.flag(execution, VAR_INTEREST_SPEAKER)) {
      interests.add("speaker");
    }
    return String.join(",", interests);
  }
}
