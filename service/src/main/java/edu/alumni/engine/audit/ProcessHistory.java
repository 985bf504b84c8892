package edu.alumni.engine.audit;

import edu.alumni.engine.segment.SegmentationMapper;
import edu.alumni.engine.segment.SegmentationRun;
import edu.alumni.engine.system.BadRequestException;
import edu.alumni.engine.system.NotFoundException;
import edu.alumni.engine.system.PageOf;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.VisitCycle;
import edu.alumni.rules.trigger.TriggerStart;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/** Historic process instances as the audit lists them: filters, paging, who or what started each. */
@Service
public class ProcessHistory {

  static final int MAX_PAGE_SIZE = 200;
  static final String TIMELINE_PATH = "/api/audit/process-instances/%s/timeline";

  private final HistoryService history;
  private final AuditMapper audit;
  private final SegmentationMapper segmentation;
  private final ZoneId zone;

  public ProcessHistory(HistoryService history, AuditMapper audit, SegmentationMapper segmentation, Clock clock) {
    this.history = history;
    this.audit = audit;
    this.segmentation = segmentation;
    this.zone = clock.getZone();
  }

  public ZoneId zone() {
    return zone;
  }

  /** Newest first (start time, then id, so pages never overlap). */
  public PageOf<AuditedInstance> list(InstanceFilter filter, int page, int size) {
    if (page < 0) {
      throw new BadRequestException("page must be 0 or more, not " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
    }
    if (filter.startedAfter() != null && filter.startedBefore() != null
        && filter.startedAfter().isAfter(filter.startedBefore())) {
      throw new BadRequestException("startedAfter must not be later than startedBefore");
    }
    InstanceQuery query = new InstanceQuery(filter.processKey(), filter.businessKey(),
        filter.startedAfter() == null ? null : Date.from(filter.startedAfter()),
        filter.startedBefore() == null ? null : Date.from(filter.startedBefore()),
        filter.studentNo() == null ? null : businessKeysOf(filter.studentNo()));
    long total = audit.countInstances(query);
    List<String> ids = total == 0 ? List.of() : audit.selectInstanceIds(query, (long) page * size, size);
    Map<String, HistoricProcessInstance> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(ids)).list()
          .forEach(i -> byId.put(i.getId(), i));
    }
    // in the page's order; an instance whose history was removed in between is left out
    List<HistoricProcessInstance> instances = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    return PageOf.of(describe(instances), page, size, total);
  }

  /**
   * The business keys of the instances concerning an alumnus: the visit cycle {@code visit-{studentNo}}, the
   * stewardship of each of their gifts {@code gift-{giftRef}}, the reunions they were invited to. The visit key is
   * searched even when the registry no longer knows the alumnus: history outlives an erased record.
   */
  public Set<String> businessKeysOf(String studentNo) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(String.format(VisitCycle.BUSINESS_KEY_FORMAT, studentNo));
    audit.selectGiftRefsOfStudent(studentNo)
        .forEach(ref -> keys.add(String.format(DonationStewardship.BUSINESS_KEY_FORMAT, ref)));
    keys.addAll(audit.selectReunionKeysOfStudent(studentNo));
    return keys;
  }

  /** One instance, or 404. */
  public HistoricProcessInstance find(String id) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
        .singleResult();
    if (instance == null) {
      throw new NotFoundException("No process instance with id " + id + " is in the history (never started, or "
          + "its history was removed after its historyTimeToLive).");
    }
    return instance;
  }

  /** Several instances, their trigger variables read in one query. */
  public List<AuditedInstance> describe(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(TriggerStart.VAR_SEGMENTATION_RUN_ID, TriggerStart.VAR_TRIGGER_RULE,
            DonationStewardship.VAR_RECORDED_BY)
        .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
      variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
    }
    Map<Long, SegmentationRun> runs = new HashMap<>();
    List<AuditedInstance> described = new ArrayList<>(instances.size());
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> vars = variables.getOrDefault(instance.getId(), Map.of());
      described.add(describe(instance, vars.get(TriggerStart.VAR_SEGMENTATION_RUN_ID),
          vars.get(TriggerStart.VAR_TRIGGER_RULE), vars.get(DonationStewardship.VAR_RECORDED_BY), runs));
    }
    return described;
  }

  /**
   * One instance, given the values its start gave {@code segmentationRunId}, {@code triggerRule} and
   * {@code recordedBy} (null when it has none); {@code runs} caches the runs already read.
   */
  AuditedInstance describe(HistoricProcessInstance instance, Object runId, Object rule, Object recordedBy,
      Map<Long, SegmentationRun> runs) {
    AuditedInstance.Trigger trigger = null;
    String cause;
    if (instance.getStartUserId() != null) {
      cause = AuditedInstance.CAUSE_USER;
    } else if (runId instanceof Number number) {
      cause = AuditedInstance.CAUSE_SEGMENTATION_TRIGGER;
      SegmentationRun run = runs.computeIfAbsent(number.longValue(), segmentation::selectRun);
      trigger = new AuditedInstance.Trigger(number.longValue(), run == null ? null : run.asOf().toString(),
          run == null ? null : run.rulesetVersion(), rule == null ? null : rule.toString());
    } else if (DonationStewardship.PROCESS_KEY.equals(instance.getProcessDefinitionKey())) {
      cause = AuditedInstance.CAUSE_GIFT_RECORDED;
    } else {
      cause = AuditedInstance.CAUSE_UNKNOWN;
    }
    return new AuditedInstance(instance.getId(), instance.getProcessDefinitionKey(),
        instance.getProcessDefinitionName(), instance.getProcessDefinitionVersion(), instance.getBusinessKey(),
        AuditTimes.format(instance.getStartTime(), zone), AuditTimes.format(instance.getEndTime(), zone),
        instance.getDurationInMillis(), instance.getState(),
        instance.getStartUserId() != null ? instance.getStartUserId() : Objects.toString(recordedBy, null), cause,
        trigger,
        AuditTimes.format(instance.getRemovalTime(), zone), String.format(TIMELINE_PATH, instance.getId()));
  }
}
