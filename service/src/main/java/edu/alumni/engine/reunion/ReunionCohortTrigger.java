package edu.alumni.engine.reunion;

import edu.alumni.engine.rulebook.RuleBook;
import edu.alumni.engine.segment.SegmentationRun;
import edu.alumni.engine.segment.SegmentationTrigger;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.trigger.CohortFacts;
import edu.alumni.rules.trigger.TriggerRules;
import edu.alumni.rules.trigger.TriggerStart;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reunion cohorts (SEGMENTS.md trigger 1): each class the trigger rules pick gets one reunionPlanning instance,
 * unless an instance with its business key exists, running or ended — so re-running segmentation for the same D
 * starts nothing new.
 */
@Component
@Order(1)
class ReunionCohortTrigger implements SegmentationTrigger {

  private static final Logger log = LoggerFactory.getLogger(ReunionCohortTrigger.class);

  private final ReunionMapper reunions;
  private final RuleBook rules;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TransactionTemplate transaction;

  ReunionCohortTrigger(ReunionMapper reunions, RuleBook rules, RuntimeService runtime, HistoryService history,
      TransactionTemplate transaction) {
    this.reunions = reunions;
    this.rules = rules;
    this.runtime = runtime;
    this.history = history;
    this.transaction = transaction;
  }

  @Override
  public String key() {
    return ReunionPlanning.PROCESS_KEY;
  }

  @Override
  public int fire(SegmentationRun run) {
    int year = run.asOf().getYear();
    List<CohortFacts> cohorts = reunions.selectMilestoneCohorts(run.id()).stream()
        .map(c -> new CohortFacts(c.college(), c.graduationYear(), year, c.members())).toList();
    int started = 0;
    for (TriggerStart start : new TriggerRules(rules.active(BuiltInRules.TRIGGERS)).decide(cohorts)) {
      boolean exists = history.createHistoricProcessInstanceQuery().processDefinitionKey(start.getProcessKey())
          .processInstanceBusinessKey(start.getBusinessKey()).count() > 0;
      if (exists) {
        continue;
      }
      transaction.executeWithoutResult(status -> runtime.createProcessInstanceByKey(start.getProcessKey())
          .businessKey(start.getBusinessKey()).setVariables(start.variablesOfRun(run.id())).execute());
      log.info("Run {} started {} ({}: {})", run.id(), start.getBusinessKey(), start.getRule(), start.getFacts());
      started++;
    }
    return started;
  }
}
