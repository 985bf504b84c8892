package edu.alumni.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What is kept how long: Camunda's history cleanup is configured (removal time = end + historyTimeToLive, a
 * nightly window), and once it has removed an instance's history the service's own decision records of that
 * instance go too, while the registry's records stay.
 *
 * <p>The cleanup test runs Camunda's cleanup job with the engine clock five years ahead: it removes every ended
 * instance's history whose time has come, also what other tests may have left behind (they remove their own).
 */
@Tag("database")
class AuditRetentionTests extends AuditTestSupport {

  static final int TTL_DAYS = 1825;

  @Autowired
  AuditRetention retention;

  @BeforeEach
  void clean() {
    removeWhatTheseStart();
    cleanRegistry();
  }

  @AfterEach
  void cleanUp() {
    removeWhatTheseStart();
    cleanRegistry();
  }

  private void removeWhatTheseStart() {
    deleteProcessInstances(VisitCycle.PROCESS_KEY, "visit-RT-%");
    deleteProcessInstances(DonationStewardship.PROCESS_KEY, "gift-RT-%");
    jdbc.update("DELETE FROM visit_trigger_start WHERE student_no LIKE 'RT-%'");
  }

  @Test
  void historyIsRemovedByRemovalTimeInANightlyWindowAndEveryProcessHasItsTimeToLive() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy())
        .isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    assertThat(configuration.getHistoryRemovalTimeStrategy())
        .isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
    assertThat(processEngine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
    for (String key : List.of(ReunionPlanning.PROCESS_KEY, VisitCycle.PROCESS_KEY, DonationStewardship.PROCESS_KEY)) {
      assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult().getHistoryTimeToLive()).as(key).isEqualTo(TTL_DAYS);
    }
    Response window = get("/engine-rest/history/cleanup/configuration");
    assertThat(window.status()).as(window.toString()).isEqualTo(200);
    // the REST API gives the window in the server's zone: 01:00 to 05:00 in the university's
    assertThat(local(window.json().get("batchWindowStartTime").asText())).isEqualTo(LocalTime.of(1, 0));
    assertThat(local(window.json().get("batchWindowEndTime").asText())).isEqualTo(LocalTime.of(5, 0));
  }

  private static LocalTime local(String restTime) {
    return OffsetDateTime.parse(restTime, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .atZoneSameInstant(ZONE).toLocalTime();
  }

  @Test
  void decisionRecordsGoTheNightTheirInstancesHistoryGoesAndTheRegistryStays() {
    RuntimeService runtime = processEngine.getRuntimeService();
    HistoryService history = processEngine.getHistoryService();
    Response imported = postCsv("/api/alumni/import", "student_no,name,college,degree,graduation_year,city,email,"
        + "consent_contact,consent_fundraising\nRT-1,钱保留,math,BACHELOR,2001,南京,rt-1@example.cn,yes,yes\n");
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    Instant start = LocalDate.now(ZONE).atTime(9, 0).atZone(ZONE).toInstant();
    at(start);
    String ended = runtime.startProcessInstanceByKey(VisitCycle.PROCESS_KEY, "visit-RT-1",
        Map.of(VisitCycle.VAR_STUDENT_NO, "RT-1")).getId();
    String running = runtime.startProcessInstanceByKey(VisitCycle.PROCESS_KEY, "visit-RT-2",
        Map.of(VisitCycle.VAR_STUDENT_NO, "RT-2")).getId();
    jdbc.update("INSERT INTO visit_trigger_start (as_of, owner_group, student_no, process_instance_id, run_id) "
        + "VALUES (?, ?, 'RT-1', ?, 0)", LocalDate.now(ZONE), StaffGroups.chapter("nj"), ended);
    Response gift = postJson("/api/gifts", "{\"giftRef\": \"RT-G1\", \"studentNo\": \"RT-1\", \"amountCny\": 300, "
        + "\"giftDate\": \"" + LocalDate.now(ZONE) + "\", \"fundCode\": \"general\"}", adminUser, adminPassword);
    assertThat(gift.status()).as(gift.toString()).isEqualTo(201);
    String giftInstance = gift.json().get("processInstanceId").asText();
    assertThat(count("owner_decision WHERE process_instance_id = '" + ended + "'")).isEqualTo(1);

    Instant end = start.plus(Duration.ofHours(1));
    at(end);
    runtime.deleteProcessInstance(ended, "visit no longer wanted");
    runtime.deleteProcessInstance(giftInstance, "gift returned");
    // the audit shows when the history goes: end + historyTimeToLive
    JsonNode listed = get("/api/audit/process-instances?businessKey=visit-RT-1").json().get("content").get(0);
    assertThat(listed.get("removalTime").asText()).isEqualTo(iso(end.plus(Duration.ofDays(TTL_DAYS))));
    assertThat(listed.get("state").asText()).endsWith("_TERMINATED");

    // while the history is there, everything stays
    retention.sweep();
    assertThat(count("owner_decision WHERE process_instance_id = '" + ended + "'")).isEqualTo(1);
    assertThat(count("gift_classification WHERE gift_ref = 'RT-G1'")).isEqualTo(1);

    // five years and a day later, Camunda's nightly cleanup removes the ended instances' history
    at(end.plus(Duration.ofDays(TTL_DAYS + 1)));
    history.cleanUpHistoryAsync(true);
    for (Job job : history.findHistoryCleanupJobs()) {
      processEngine.getManagementService().executeJob(job.getId());
    }
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(java.util.Set.of(ended, giftInstance))
        .count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running).count()).isEqualTo(1);

    AuditRetention.Removed removed = retention.sweep();

    assertThat(removed.ownerDecisions()).isGreaterThanOrEqualTo(1);
    assertThat(removed.giftDecisions()).isGreaterThanOrEqualTo(1);
    assertThat(removed.visitStarts()).isGreaterThanOrEqualTo(1);
    assertThat(count("owner_decision WHERE process_instance_id = '" + ended + "'")).isZero();
    assertThat(count("owner_decision WHERE process_instance_id = '" + giftInstance + "'")).isZero();
    assertThat(count("owner_decision WHERE process_instance_id = '" + running + "'")).isEqualTo(1);
    assertThat(count("gift_classification WHERE gift_ref = 'RT-G1'")).isZero();
    assertThat(count("visit_trigger_start WHERE student_no = 'RT-1'")).isZero();
    // the registry keeps the gift and the alumnus
    assertThat(count("gift WHERE gift_ref = 'RT-G1'")).isEqualTo(1);
    assertThat(count("alumnus WHERE student_no = 'RT-1'")).isEqualTo(1);
    Response gone = get("/api/audit/process-instances/" + ended + "/timeline");
    assertThat(gone.status()).as(gone.toString()).isEqualTo(404);
    assertThat(gone.json().get("detail").asText()).contains("historyTimeToLive");
  }
}
