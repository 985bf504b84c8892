package edu.alumni.engine.assignment;

import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.catalogue.Fund;
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

  private final RegistryFactsMapper registry;
  private final Catalogue catalogue;
  private final ZoneId zone;

  public TaskContextReader(RegistryFactsMapper registry, Catalogue catalogue, ZoneId zone) {
    this.registry = registry;
    this.catalogue = catalogue;
    this.zone = zone;
  }

  /**
   * The context of a task from the variables of its process instance. The forms and delegates set every variable
   * the rules read on the instance itself, so reading there (not through the task or its execution) sees the same
   * values without loading the variables of the task and of each concurrent execution from the database first.
   */
  public TaskContext read(String processKey, String taskKey, LocalDateTime now, VariableScope instance) {
    String college = ProcessVariables.text(instance, ReunionPlanning.VAR_COLLEGE);
    String studentNo = ProcessVariables.text(instance, VisitCycle.VAR_STUDENT_NO);
    String giftRef = ProcessVariables.text(instance, DonationStewardship.VAR_GIFT_REF);
    RegistryFacts facts = null;
    if (giftRef != null || studentNo != null) {
      facts = registry.selectRegistryFacts(giftRef, studentNo);
      if (facts == null && giftRef != null && studentNo != null) {
        facts = registry.selectRegistryFacts(null, studentNo); // the gift is gone, the alumnus may not be
      }
    }
    String chapter = null;
    BigDecimal lifetimeGiving = null;
    String fundCode = facts == null ? null : facts.fundCode();
    Fund fund = fundCode == null ? null : catalogue.funds().get(fundCode);
    if (facts != null && facts.studentNo() != null) {
      college = college == null ? facts.collegeCode() : college;
      chapter = facts.chapterCode();
      lifetimeGiving = facts.lifetimeGivingCny() == null ? BigDecimal.ZERO : facts.lifetimeGivingCny();
    }
    return new TaskContext(processKey, taskKey, now, college, chapter, lifetimeGiving,
        ProcessVariables.text(instance, DonationStewardship.VAR_TIER), fundCode, fund != null && fund.restricted(),
        ProcessVariables.decimal(instance, ReunionPlanning.VAR_BUDGET),
        ProcessVariables.date(instance, ReunionPlanning.VAR_EVENT_DATE, zone),
        ProcessVariables.date(instance, VisitCycle.VAR_VISIT_DATE, zone));
  }
}
