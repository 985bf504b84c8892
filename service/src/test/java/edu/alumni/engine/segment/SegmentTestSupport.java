package edu.alumni.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.rulebook.RuleBook;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * What the segmentation and rule book tests share: the known data set imported over HTTP, runs started and awaited
 * over HTTP, every current membership read back over HTTP, and the cleaning of the segmentation and rule tables
 * (the database is shared with other test classes and, on MariaDB, kept between builds).
 */
@Tag("database")
public abstract class SegmentTestSupport extends HttpTestSupport {

  public static final String SEGMENTS_PATH = BuiltInRules.path(BuiltInRules.SEGMENTS);

  @Autowired
  protected RuleBook ruleBook;

  @Autowired
  protected SegmentationService segmentation;

  @Autowired
  protected RuntimeService runtimeService;

  @Autowired
  protected HistoryService historyService;

  /** The version of the shipped segment rules, as a run reports it (each rule file is a rule set of its own). */
  protected static String builtInVersion() {
    return versionWithSegments(BuiltInRules.text(BuiltInRules.SEGMENTS));
  }

  /** The version a run reports with {@code segments} as the active segment rules. */
  protected static String versionWithSegments(String segments) {
    return RuleSet.versionOf(Map.of(SEGMENTS_PATH, segments));
  }

  /**
   * Waits for the service's background work to end: a run going on, and what follows a completed one (its
   * triggers), which fires after the run is reported COMPLETED.
   */
  protected void awaitIdle() {
    Object service = AopTestUtils.getTargetObject(segmentation);
    ExecutorService runner = (ExecutorService) ReflectionTestUtils.getField(service, "runner");
    try {
      runner.submit(() -> { }).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the segmentation runner did not become idle", e);
    }
  }

  /** Waits for the background work to end, then removes every run, count and membership. */
  protected void cleanSegmentation() {
    awaitIdle();
    cleanVisitsOfTheDataSet();
    jdbc.update("DELETE FROM segment_membership");
    jdbc.update("DELETE FROM segmentation_run_count");
    jdbc.update("DELETE FROM segmentation_run_started");
    jdbc.update("DELETE FROM segmentation_current");
    jdbc.update("DELETE FROM segmentation_run");
  }

  /**
   * The visit cycles the runs' visit trigger started for the data set's alumni (all student numbers start with
   * "T-"), running and ended, with their owner decisions and the trigger's record of them, so that a run as of the
   * same D starts them again and nothing of these tests is left running.
   */
  protected void cleanVisitsOfTheDataSet() {
    String keys = "visit-T-%";
    List<String> running = runtimeService.createProcessInstanceQuery().processDefinitionKey("visitCycle")
        .processInstanceBusinessKeyLike(keys).list().stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "segmentation test clean-up", true, true);
    }
    List<String> ended = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("visitCycle")
        .processInstanceBusinessKeyLike(keys).finished().list().stream().map(HistoricProcessInstance::getId).toList();
    if (!ended.isEmpty()) {
      historyService.deleteHistoricProcessInstances(ended);
    }
    jdbc.update("DELETE FROM owner_decision WHERE process_key = 'visitCycle' AND business_key LIKE ?", keys);
    jdbc.update("DELETE FROM visit_trigger_start WHERE student_no LIKE 'T-%'");
  }

  /** The run's report once every trigger has reported what it started (triggers fire after COMPLETED). */
  protected JsonNode awaitTriggers(long id, int triggers) {
    long until = System.currentTimeMillis() + 30_000;
    while (true) {
      JsonNode run = get("/api/segmentation/runs/" + id).json();
      if (run.path("started").size() >= triggers || run.has("error")) {
        return run;
      }
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("run " + id + " has not reported its triggers after 30 s: " + run);
      }
      sleep(50);
    }
  }

  /** Leaves nothing of these tests going on: no run, no trigger at work, no visit cycle of the data set. */
  @AfterEach
  void leaveNothingRunning() {
    awaitIdle();
    cleanVisitsOfTheDataSet();
  }

  /** The rule book as a fresh service has it: the shipped segment rules as version 1, active. */
  protected void resetRules() {
    String shipped = builtInVersion();
    if (jdbc.queryForObject("SELECT COUNT(*) FROM rule_version WHERE name = ?", Long.class,
        BuiltInRules.SEGMENTS) == 1
        && jdbc.queryForObject("SELECT COUNT(*) FROM rule_version WHERE name = ? AND version_no = 1 "
            + "AND active = TRUE AND content_hash = ?", Long.class, BuiltInRules.SEGMENTS, shipped) == 1
        && ruleBook.active(BuiltInRules.SEGMENTS).version().equals(shipped)) {
      return; // already so: spare a compilation
    }
    jdbc.update("DELETE FROM rule_version WHERE name = ?", BuiltInRules.SEGMENTS);
    ruleBook.installBuiltIns();
  }

  /** Empties the registry and imports {@link SegmentDataSet} through the import API. */
  protected void importDataSet() {
    cleanRegistry();
    Response alumni = postCsv("/api/alumni/import", SegmentDataSet.alumniCsv());
    assertThat(alumni.status()).as(alumni.toString()).isEqualTo(200);
    assertThat(alumni.json().get("imported").asInt()).isEqualTo(SegmentDataSet.people().size());
    Response gifts = postCsv("/api/gifts/import", SegmentDataSet.giftsCsv());
    assertThat(gifts.status()).as(gifts.toString()).isEqualTo(200);
    assertThat(gifts.json().get("imported").asInt()).isEqualTo(SegmentDataSet.gifts().size());
    // the last visit comes from the visit cycle, not from a CSV column
    SegmentDataSet.people().stream().filter(p -> p.lastVisitDate() != null).forEach(p -> jdbc.update(
        "UPDATE alumnus SET last_visit_date = ? WHERE student_no = ?", p.lastVisitDate(), p.studentNo()));
  }

  /** POST /api/segmentation/runs; the answer. */
  protected Response postRun(LocalDate asOf, String user, String password) {
    String body = asOf == null ? "{}" : "{\"asOf\":\"" + asOf + "\"}";
    return post("/api/segmentation/runs", "application/json", body.getBytes(StandardCharsets.UTF_8), user,
        password);
  }

  /** Starts a run as the admin and returns its id, read from the Location header. */
  protected long startRun(LocalDate asOf) {
    Response r = postRun(asOf, adminUser, adminPassword);
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: "
        + r));
    assertThat(location).matches(".*/api/segmentation/runs/[0-9]+");
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(r.json().get("id").asLong()).isEqualTo(id);
    return id;
  }

  /** Polls GET /api/segmentation/runs/{id} until the run has ended; its last report. */
  protected JsonNode awaitRun(long id) {
    long until = System.currentTimeMillis() + 60_000;
    while (true) {
      Response r = get("/api/segmentation/runs/" + id);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      JsonNode run = r.json();
      if (!"RUNNING".equals(run.get("status").asText())) {
        return run;
      }
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("run " + id + " still RUNNING after 60 s: " + run);
      }
      sleep(50);
    }
  }

  /** Starts a run and waits for it to complete. */
  protected JsonNode completedRun(LocalDate asOf) {
    JsonNode run = awaitRun(startRun(asOf));
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    return run;
  }

  /** Every current membership as "CODE STUDENT_NO", read page by page from GET /api/segments/{code}/members. */
  protected Set<String> currentMemberships() {
    Set<String> all = new TreeSet<>();
    for (String code : SegmentDataSet.CODES) {
      members(code).keySet().forEach(studentNo -> all.add(code + " " + studentNo));
    }
    return all;
  }

  /** The current members of a segment, student number → the member as answered, all pages. */
  protected Map<String, JsonNode> members(String code) {
    Map<String, JsonNode> members = new java.util.TreeMap<>();
    int size = 7;
    for (int page = 0; ; page++) {
      Response r = get("/api/segments/" + code + "/members?page=" + page + "&size=" + size);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      JsonNode content = r.json().get("content");
      content.forEach(m -> {
        JsonNode previous = members.put(m.get("studentNo").asText(), m);
        assertThat(previous).as("%s listed twice in %s", m, code).isNull();
      });
      long total = r.json().get("totalElements").asLong();
      if (content.size() < size) {
        assertThat(members).as("total of %s", code).hasSize((int) total);
        return members;
      }
    }
  }

  protected Long currentRunId() {
    return jdbc.query("SELECT run_id FROM segmentation_current WHERE id = 1",
        rs -> rs.next() ? rs.getLong(1) : null);
  }

  protected Response post(String path, String user, String password) {
    return post(path, null, new byte[0], user, password);
  }
}
