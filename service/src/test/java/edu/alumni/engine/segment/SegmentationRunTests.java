package edu.alumni.engine.segment;

import static edu.alumni.engine.segment.SegmentDataSet.D;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.BuiltInRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/**
 * A run replaces the previous run's memberships as a whole; a run that fails, is killed with the service or is asked
 * for while another goes on leaves the current memberships as they were.
 */
@Tag("database")
class SegmentationRunTests extends SegmentTestSupport {

  static final LocalDate D2 = LocalDate.of(2026, 1, 10);
  static final String MANAGER = "seg-run-manager";
  static final String PASSWORD = "seg-run-pw";

  @Autowired
  Clock clock;

  JsonNode first;

  @BeforeEach
  void segmentTheDataSetAsOfD() {
    cleanSegmentation();
    resetRules();
    importDataSet();
    first = completedRun(D);
    assertThat(currentMemberships()).containsExactlyElementsOf(SegmentDataSet.expectedAtD());
  }

  @AfterEach
  void restore() {
    deleteUser(MANAGER);
    jdbc.update("DELETE FROM segmentation_run WHERE status = 'RUNNING' AND started_by = 'test'");
    resetRules();
  }

  @Test
  void aRunForAnotherDateReplacesEveryMembership() {
    Set<String> atD2 = SegmentDataSet.expected(D2);
    assertThat(atD2).isNotEqualTo(SegmentDataSet.expectedAtD());
    assertThat(atD2).contains("SYBUNT T-DEC31", "LYBUNT T-AFTER-D", "YOUNG_ALUMNI T-YO0", "REUNION_MILESTONE T-YO9")
        .doesNotContain("LYBUNT T-DEC31", "YOUNG_ALUMNI T-YO5", "REUNION_MILESTONE T-EMAIL-ONLY");

    JsonNode second = completedRun(D2);

    long firstId = first.get("id").asLong();
    long secondId = second.get("id").asLong();
    assertThat(secondId).isNotEqualTo(firstId);
    assertThat(currentRunId()).isEqualTo(secondId);
    assertThat(currentMemberships()).containsExactlyElementsOf(atD2);
    assertThat(members("LYBUNT")).doesNotContainKey("T-DEC31").containsKey("T-AFTER-D");
    assertThat(get("/api/alumni/T-DEC31").json().get("segments").findValuesAsText("code"))
        .containsExactlyInAnyOrder("DONOR", "SYBUNT");
    assertThat(get("/api/segmentation/runs/" + firstId).json().get("current").asBoolean()).isFalse();
    assertThat(get("/api/segmentation/runs/" + secondId).json().get("current").asBoolean()).isTrue();
    assertThat(get("/api/segments").json().get(0).get("currentRunId").asLong()).isEqualTo(secondId);
    // the first run keeps its report
    assertThat(get("/api/segmentation/runs/" + firstId).json().get("segments").get("LYBUNT").asLong())
        .isEqualTo(SegmentDataSet.countsOf(SegmentDataSet.expectedAtD()).get("LYBUNT"));
  }

  @Test
  void aRunThatFailsLeavesThePreviousMembershipsCurrentAndComplete() {
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    String shipped = BuiltInRules.text(BuiltInRules.SEGMENTS);
    String consequence = "memberships.add( member( $a, \"DO_NOT_CONTACT\", drools.getRule().getName(), "
        + "\"consent_contact=false\" ) );";
    assertThat(shipped).contains(consequence);
    String failing = shipped.replace(consequence, "if (\"T-NOCONSENT\".equals($a.getStudentNo())) {\n"
        + "        throw new IllegalStateException(\"cannot classify T-NOCONSENT\");\n    }\n    " + consequence);
    Response upload = put("/api/rules/segments", "text/plain", failing, MANAGER, PASSWORD);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
    assertThat(upload.json().get("versionNo").asInt()).isEqualTo(2);

    long failedId = startRun(D2);
    JsonNode failed = awaitRun(failedId);

    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("error").asText()).contains("cannot classify T-NOCONSENT");
    assertThat(failed.get("rulesetVersion").asText())
        .isEqualTo(versionWithSegments(failing));
    assertThat(failed.get("current").asBoolean()).isFalse();
    assertThat(currentRunId()).isEqualTo(first.get("id").asLong());
    assertThat(currentMemberships()).containsExactlyElementsOf(SegmentDataSet.expectedAtD());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM segment_membership WHERE run_id = ?", Long.class,
        failedId)).isZero();

    Response reactivate = post("/api/rules/segments/versions/1/activate", MANAGER, PASSWORD);
    assertThat(reactivate.status()).as(reactivate.toString()).isEqualTo(200);
    assertThat(reactivate.json().get("active").asBoolean()).isTrue();
    JsonNode again = completedRun(D2);
    assertThat(again.get("rulesetVersion").asText()).isEqualTo(builtInVersion());
    assertThat(currentMemberships()).containsExactlyElementsOf(SegmentDataSet.expected(D2));
  }

  @Test
  void aRunKilledWithTheServiceIsFailedAtStartUpAndWhatItWroteRemoved() {
    long firstId = first.get("id").asLong();
    long killed = insertRunningRun();
    for (String studentNo : new String[] {"T-BASE", "T-YO9", "T-YO11"}) {
      jdbc.update("INSERT INTO segment_membership (run_id, segment_code, student_no, rule_name, facts) "
          + "VALUES (?, 'DONOR', ?, 'killed', 'half written')", killed, studentNo);
    }

    assertThat(segmentation.failInterruptedRuns()).isEqualTo(1);

    Map<String, Object> row = jdbc.queryForMap("SELECT status, error_text, finished_at FROM segmentation_run "
        + "WHERE id = ?", killed);
    assertThat(row.get("status")).isEqualTo("FAILED");
    assertThat((String) row.get("error_text")).contains("interrupted");
    assertThat(row.get("finished_at")).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM segment_membership WHERE run_id = ?", Long.class,
        killed)).isZero();
    assertThat(currentRunId()).isEqualTo(firstId);
    assertThat(currentMemberships()).containsExactlyElementsOf(SegmentDataSet.expectedAtD());
    JsonNode report = get("/api/segmentation/runs/" + killed).json();
    assertThat(report.get("status").asText()).isEqualTo("FAILED");
    assertThat(report.get("error").asText()).contains("interrupted");
    // nothing else is running now: a new run may start
    assertThat(segmentation.failInterruptedRuns()).isZero();
    completedRun(D);
  }

  @Test
  void aRunAskedForWhileAnotherIsGoingOnIsRefusedNamingIt() {
    long running = insertRunningRun();
    long runs = count("segmentation_run");

    Response r = postRun(D2, adminUser, adminPassword);

    assertThat(r.status()).as(r.toString()).isEqualTo(409);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().get("runningRunId").asLong()).isEqualTo(running);
    assertThat(r.json().get("detail").asText()).contains(String.valueOf(running));
    assertThat(count("segmentation_run")).isEqualTo(runs);
    assertThat(currentRunId()).isEqualTo(first.get("id").asLong());

    jdbc.update("DELETE FROM segmentation_run WHERE id = ?", running);
    completedRun(D2);
  }

  @Test
  void whatFollowsASwitchedRunFailingDoesNotUndoItsMemberships() throws Exception {
    long firstId = first.get("id").asLong();
    SegmentationTrigger broken = new SegmentationTrigger() {
      @Override
      public String key() {
        return "brokenTrigger";
      }

      @Override
      public int fire(SegmentationRun run) {
        throw new LinkageError("test: a trigger whose classes cannot be loaded");
      }
    };
    Object service = AopTestUtils.getTargetObject(segmentation);
    Field triggers = SegmentationService.class.getDeclaredField("triggers");
    triggers.setAccessible(true);
    Object shipped = triggers.get(service);
    JsonNode second;
    try {
      triggers.set(service, List.of(broken));
      long id = startRun(D2);
      awaitRun(id);
      // the triggers fire after the run is COMPLETED and current: wait for the trigger's failure to be recorded
      long until = System.currentTimeMillis() + 30_000;
      do {
        sleep(50);
        second = get("/api/segmentation/runs/" + id).json();
      } while (!second.has("error") && System.currentTimeMillis() < until);
    } finally {
      triggers.set(service, shipped);
    }

    long secondId = second.get("id").asLong();
    assertThat(second.get("error").asText()).as(second.toString()).contains("LinkageError");
    assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("COMPLETED");
    assertThat(second.get("current").asBoolean()).isTrue();
    assertThat(currentRunId()).isEqualTo(secondId).isNotEqualTo(firstId);
    assertThat(currentMemberships()).containsExactlyElementsOf(SegmentDataSet.expected(D2));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM segment_membership WHERE run_id = ?", Long.class,
        secondId)).isEqualTo(SegmentDataSet.expected(D2).size());
  }

  @Test
  void aRunWithoutADateIsAsOfTodayInTheUniversitysTimeZone() {
    LocalDate today = LocalDate.now(clock);
    Response r = post("/api/segmentation/runs", adminUser, adminPassword);
    assertThat(r.status()).as(r.toString()).isEqualTo(202);

    JsonNode run = awaitRun(r.json().get("id").asLong());

    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.get("asOf").asText()).isEqualTo(today.toString());
    assertThat(currentMemberships()).containsExactlyElementsOf(SegmentDataSet.expected(today));
  }

  @Test
  void badRequestsAreProblems() {
    Response badDate = post("/api/segmentation/runs", "application/json",
        "{\"asOf\":\"2025-13-01\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), adminUser, adminPassword);
    assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);
    assertThat(badDate.isProblem()).as(badDate.toString()).isTrue();
    Response noRun = get("/api/segmentation/runs/999999");
    assertThat(noRun.status()).as(noRun.toString()).isEqualTo(404);
    assertThat(noRun.isProblem()).as(noRun.toString()).isTrue();
    Response bigPage = get("/api/segments/DONOR/members?size=201");
    assertThat(bigPage.status()).as(bigPage.toString()).isEqualTo(400);
    assertThat(bigPage.isProblem()).as(bigPage.toString()).isTrue();
    assertThat(count("segmentation_run")).isEqualTo(1);
  }

  /** A RUNNING run as a service that stopped mid-run leaves it. */
  private long insertRunningRun() {
    long id = jdbc.queryForObject("SELECT MAX(id) FROM segmentation_run", Long.class) + 1;
    jdbc.update("INSERT INTO segmentation_run (id, as_of, status, ruleset_version, started_by, started_at, "
        + "alumni_evaluated) VALUES (?, ?, 'RUNNING', ?, 'test', ?, 3)", id, D2, builtInVersion(),
        LocalDateTime.now().withNano(0));
    return id;
  }
}
