package edu.alumni.engine.visit;

import edu.alumni.engine.rulebook.RuleBook;
import edu.alumni.engine.segment.SegmentationRun;
import edu.alumni.engine.segment.SegmentationTrigger;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.assignment.Assignment;
import edu.alumni.rules.assignment.AssignmentRules;
import edu.alumni.rules.assignment.TaskContext;
import edu.alumni.rules.process.VisitCycle;
import edu.alumni.rules.trigger.TriggerRules;
import edu.alumni.rules.trigger.TriggerStart;
import edu.alumni.rules.trigger.VisitCandidate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Visits (SEGMENTS.md trigger 2): each VISIT_DUE alumnus without a running visitCycle gets one, at most
 * {@code alumni.triggers.visits-per-group} (25) per owner group — the region owner, as the assignment rules decide
 * it for planVisit — per as-of date D, all runs for D together. Priority within a group: major gift prospects
 * first, then higher lifetime giving, then student number.
 */
@Component
@Order(2)
class VisitTrigger implements SegmentationTrigger {

  private static final Logger log = LoggerFactory.getLogger(VisitTrigger.class);

  static final Comparator<VisitCandidate> PRIORITY = Comparator
      .comparing(VisitCandidate::isMajorGiftProspect).reversed()
      .thenComparing(VisitCandidate::getLifetimeGiving, Comparator.reverseOrder())
      .thenComparing(VisitCandidate::getStudentNo);

  private final VisitMapper visits;
  private final RuleBook rules;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final int capPerGroup;

  VisitTrigger(VisitMapper visits, RuleBook rules, RuntimeService runtime, TransactionTemplate transaction,
      @Value("${alumni.triggers.visits-per-group:25}") int capPerGroup) {
    this.visits = visits;
    this.rules = rules;
    this.runtime = runtime;
    this.transaction = transaction;
    this.capPerGroup = capPerGroup;
  }

  @Override
  public String key() {
    return VisitCycle.PROCESS_KEY;
  }

  @Override
  public int fire(SegmentationRun run) {
    AssignmentRules owners = new AssignmentRules(rules.active(BuiltInRules.ASSIGNMENT));
    LocalDateTime now = run.asOf().atStartOfDay();
    Map<String, VisitCandidate> candidates = new LinkedHashMap<>();
    for (VisitCandidateRow row : visits.selectVisitCandidates(run.id(), run.asOf())) {
      TaskContext planVisit = new TaskContext(VisitCycle.PROCESS_KEY, VisitCycle.PLAN_VISIT, now, row.collegeCode(),
          row.chapterCode(), row.lifetimeGiving(), null, null, false, null, null, null);
      String owner = owners.decide(planVisit).map(Assignment::getCandidateGroups).map(g -> g.get(0))
          .orElse(StaffGroups.ALUMNI_OFFICE);
      candidates.put(row.studentNo(), new VisitCandidate(row.studentNo(), owner, row.majorGiftProspect(),
          row.lifetimeGiving(), row.reason()));
    }
    Map<String, List<TriggerStart>> byGroup = new HashMap<>();
    for (TriggerStart start : new TriggerRules(rules.active(BuiltInRules.TRIGGERS)).decide(candidates.values())) {
      if (VisitCycle.PROCESS_KEY.equals(start.getProcessKey())) {
        byGroup.computeIfAbsent(start.getOwnerGroup(), g -> new ArrayList<>()).add(start);
      }
    }
    int started = 0;
    for (var group : byGroup.entrySet()) {
      List<TriggerStart> starts = group.getValue();
      starts.sort(Comparator.comparing(
          (TriggerStart s) -> candidates.get((String) s.getVariables().get(VisitCycle.VAR_STUDENT_NO)), PRIORITY));
      int room = capPerGroup - visits.countStarted(run.asOf(), group.getKey());
      for (TriggerStart start : starts) {
        if (room <= 0) {
          break;
        }
        String studentNo = (String) start.getVariables().get(VisitCycle.VAR_STUDENT_NO);
        boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(VisitCycle.PROCESS_KEY)
            .processInstanceBusinessKey(start.getBusinessKey()).count() > 0;
        if (running || visits.countStartedForStudent(run.asOf(), studentNo) > 0) {
          continue;
        }
        transaction.executeWithoutResult(status -> {
          ProcessInstance instance = runtime.createProcessInstanceByKey(VisitCycle.PROCESS_KEY)
              .businessKey(start.getBusinessKey()).setVariables(start.variablesOfRun(run.id())).execute();
          visits.insertStarted(run.asOf(), group.getKey(), studentNo, instance.getId(), run.id());
        });
        log.debug("Run {} started {} ({}: {})", run.id(), start.getBusinessKey(), start.getRule(), start.getFacts());
        room--;
        started++;
      }
    }
    return started;
  }
}
