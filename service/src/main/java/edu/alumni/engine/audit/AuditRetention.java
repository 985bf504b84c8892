package edu.alumni.engine.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the service's own audit records in step with Camunda's history: the owner decisions, gift tier decisions
 * and visit trigger records of an instance whose history is gone (removed by the history cleanup after its
 * historyTimeToLive, or deleted by an operator) are deleted, nightly after the cleanup window. They explain that
 * history and hold facts about alumni; kept alone they would outlive it.
 *
 * <p>How: the records' instance ids are read page by page in key order, and Camunda is asked which of those
 * instances it still has (its own query, so the engine's tables are read the engine's way); the others' records go.
 * A record is written in the same transaction as its instance's first history, so a record whose instance is
 * missing is never one of an instance being started. Gifts, fund allocations, invitations and contact reports are
 * registry data and stay.
 */
@Component
public class AuditRetention {

  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

  private final RetentionMapper records;
  private final HistoryService history;
  private final ProcessEngineConfiguration engine;
  private final int batchSize;

  public AuditRetention(RetentionMapper records, HistoryService history, ProcessEngineConfiguration engine,
      @Value("${alumni.audit.retention-batch-size:1000}") int batchSize) {
    this.records = records;
    this.history = history;
    this.engine = engine;
    this.batchSize = batchSize;
  }

  /** What one sweep removed. */
  public record Removed(int ownerDecisions, int giftDecisions, int visitStarts) {
  }

  @Scheduled(cron = "${alumni.audit.retention-cron:-}", zone = "${alumni.time-zone:Asia/Shanghai}")
  void nightly() {
    Removed removed = sweep();
    log.info("Audit records of instances without history removed: {}", removed);
  }

  public Removed sweep() {
    // without history every record would look orphaned: nothing to keep in step with
    if (engine instanceof ProcessEngineConfigurationImpl impl
        && impl.getHistoryLevel() == HistoryLevel.HISTORY_LEVEL_NONE) {
      log.warn("History level none: the audit records are kept as they are");
      return new Removed(0, 0, 0);
    }
    int ownerDecisions = 0;
    String after = "";
    List<String> page;
    while (!(page = records.selectOwnerDecisionInstances(after, batchSize)).isEmpty()) {
      List<String> gone = withoutHistory(page, Function.identity());
      if (!gone.isEmpty()) {
        ownerDecisions += records.deleteOwnerDecisionsOfInstances(gone);
      }
      after = page.get(page.size() - 1);
    }
    int giftDecisions = 0;
    after = "";
    List<RetentionMapper.GiftDecisionRef> gifts;
    while (!(gifts = records.selectGiftDecisions(after, batchSize)).isEmpty()) {
      List<RetentionMapper.GiftDecisionRef> gone = withoutHistory(gifts,
          RetentionMapper.GiftDecisionRef::processInstanceId);
      if (!gone.isEmpty()) {
        giftDecisions += records.deleteGiftDecisions(gone.stream().map(RetentionMapper.GiftDecisionRef::giftRef)
            .toList());
      }
      after = gifts.get(gifts.size() - 1).giftRef();
    }
    int visitStarts = 0;
    after = "";
    while (!(page = records.selectVisitStartInstances(after, batchSize)).isEmpty()) {
      List<String> gone = withoutHistory(page, Function.identity());
      if (!gone.isEmpty()) {
        visitStarts += records.deleteVisitStartsOfInstances(gone);
      }
      after = page.get(page.size() - 1);
    }
    return new Removed(ownerDecisions, giftDecisions, visitStarts);
  }

  /** The records among {@code page} whose process instance Camunda's history no longer has. */
  private <T> List<T> withoutHistory(List<T> page, Function<T, String> instanceOf) {
    Set<String> ids = new HashSet<>();
    page.forEach(r -> ids.add(instanceOf.apply(r)));
    Set<String> known = new HashSet<>();
    for (HistoricProcessInstance i : history.createHistoricProcessInstanceQuery().processInstanceIds(ids).list()) {
      known.add(i.getId());
    }
    return page.stream().filter(r -> !known.contains(instanceOf.apply(r))).toList();
  }
}
