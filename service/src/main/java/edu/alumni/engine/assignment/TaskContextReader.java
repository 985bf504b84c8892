package edu.alumni.engine.assignment;

import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.catalogue.Fund;
import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.gift.GiftSummary;
import edu.alumni.engine.system.ProcessVariables;
import edu.alumni.rules.assignment.TaskContext;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Builds what the assignment rules see from a process instance: its identifiers (studentNo, giftRef, college)
 * looked up in the registry, and the plan values the forms set (budget, event date, visit date).
 */
public class TaskContextReader {

  private final AlumnusMapper alumni;
  private final GiftMapper gifts;
  private final Catalogue catalogue;
  private final ZoneId zone;

  public TaskContextReader(AlumnusMapper alumni, GiftMapper gifts, Catalogue catalogue, ZoneId zone) {
    this.alumni = alumni;
    this.gifts = gifts;
    this.catalogue = catalogue;
    this.zone = zone;
  }

  public TaskContext read(String processKey, String taskKey, LocalDateTime now, VariableScope variables) {
    String college = ProcessVariables.text(variables, ReunionPlanning.VAR_COLLEGE);
    String chapter = null;
    BigDecimal lifetimeGiving = null;
    String studentNo = ProcessVariables.text(variables, VisitCycle.VAR_STUDENT_NO);
    String giftRef = ProcessVariables.text(variables, DonationStewardship.VAR_GIFT_REF);
    String fundCode = null;
    boolean restricted = false;
    if (giftRef != null) {
      Gift gift = gifts.selectByGiftRef(giftRef);
      if (gift != null) {
        studentNo = studentNo == null ? gift.studentNo() : studentNo;
        fundCode = gift.fundCode();
        Fund fund = catalogue.funds().get(fundCode);
        restricted = fund != null && fund.restricted();
      }
    }
    if (studentNo != null) {
      Alumnus alumnus = alumni.selectByStudentNo(studentNo);
      if (alumnus != null) {
        college = college == null ? alumnus.collegeCode() : college;
        chapter = alumnus.chapterCode();
        GiftSummary giving = gifts.selectSummaryByStudentNo(studentNo);
        lifetimeGiving = giving == null ? BigDecimal.ZERO : giving.lifetimeGivingCny();
      }
    }
    return new TaskContext(processKey, taskKey, now, college, chapter, lifetimeGiving,
        ProcessVariables.text(variables, DonationStewardship.VAR_TIER), fundCode, restricted,
        ProcessVariables.decimal(variables, ReunionPlanning.VAR_BUDGET),
        ProcessVariables.date(variables, ReunionPlanning.VAR_EVENT_DATE, zone),
        ProcessVariables.date(variables, VisitCycle.VAR_VISIT_DATE, zone));
  }
}
