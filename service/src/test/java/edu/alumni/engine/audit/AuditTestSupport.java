package edu.alumni.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the audit tests share: a small campaign (registry, users, a segmentation run whose triggers start a reunion
 * and a visit), the engine clock held still and moved step by step (so every event has a known time, whole seconds,
 * on H2 and on MariaDB alike), tasks found and completed through /engine-rest as their users, timers fired, and
 * timelines read back as compact lines.
 */
abstract class AuditTestSupport extends HttpTestSupport {

  static final String PASSWORD = "audit-Pw-1";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static final String MANAGER = "au-manager";
  static final String LIT = "au-lit";
  static final String BEIJING = "au-bj";
  static final String OFFICE = "au-office";
  static final String FINANCE = "au-finance";
  static final String FOUNDATION = "au-foundation";
  static final String COMMS = "au-comms";
  static final List<String> USERS = List.of(MANAGER, LIT, BEIJING, OFFICE, FINANCE, FOUNDATION, COMMS);

  static final String VIP = "AU-VIP";
  static final String DONOR = "AU-DONOR";

  @Autowired
  Clock clock;

  LocalDate today;
  Instant t0;
  String reunionKey;
  long runId;

  /**
   * The campaign the audit tests look at: users of the owning groups, a registry (a milestone class of ten of
   * 文学院, a distinguished alumnus in Beijing, a donor in Shanghai), and a segmentation run as of today at
   * {@link #t0}, whose triggers start the class' reunion and the alumnus' visit.
   */
  void campaign() {
    today = LocalDate.now(clock);
    t0 = today.atTime(8, 0).atZone(ZONE).toInstant();
    reunionKey = String.format(ReunionPlanning.BUSINESS_KEY_FORMAT, "lit", today.getYear() - 10, today.getYear());
    removeWhatTheseTestsStart();
    cleanRegistry();
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(LIT, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.college("lit"));
    createUser(BEIJING, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.chapter("bj"));
    createUser(OFFICE, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.ALUMNI_OFFICE);
    createUser(FINANCE, PASSWORD, StaffGroups.FOUNDATION_FINANCE);
    createUser(FOUNDATION, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.FOUNDATION);
    createUser(COMMS, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.COMMUNICATIONS);

    StringBuilder alumni = new StringBuilder(
        "student_no,name,college,degree,graduation_year,city,email,phone,honors,consent_contact,consent_fundraising\n");
    IntStream.rangeClosed(1, 10).forEach(i -> alumni.append("AU-LIT-%02d,文学校友%d,lit,BACHELOR,%d,,au-lit-%d@example.cn,,,yes,no\n"
        .formatted(i, i, today.getYear() - 10, i)));
    alumni.append("AU-VIP,李杰出,phys,DOCTOR,%d,北京,vip@example.cn,,杰出校友,yes,no\n".formatted(today.getYear() - 23));
    alumni.append("AU-DONOR,王捐赠,econ,MASTER,%d,上海,,+86 138 0000 5678,,yes,yes\n".formatted(today.getYear() - 15));
    Response imported = postCsv("/api/alumni/import", alumni.toString(), MANAGER, PASSWORD);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

    at(t0);
    JsonNode run = runSegmentation(null, MANAGER, PASSWORD);
    runId = run.get("id").asLong();
    assertThat(run.get("started").get(ReunionPlanning.PROCESS_KEY).asInt()).isEqualTo(1);
    assertThat(run.get("started").get(VisitCycle.PROCESS_KEY).asInt()).isEqualTo(1);
  }

  void removeCampaign() {
    awaitNoSegmentationRun();
    removeWhatTheseTestsStart();
    removeSegmentationRuns();
    cleanRegistry();
    USERS.forEach(this::deleteUser);
  }

  void removeWhatTheseTestsStart() {
    deleteProcessInstances(ReunionPlanning.PROCESS_KEY, "reunion-lit-%");
    deleteProcessInstances(VisitCycle.PROCESS_KEY, "visit-AU-%");
    deleteProcessInstances(DonationStewardship.PROCESS_KEY, "gift-AU-%");
    jdbc.update("DELETE FROM visit_trigger_start WHERE student_no LIKE 'AU-%'");
    jdbc.update("DELETE FROM reunion_invitation WHERE business_key LIKE 'reunion-lit-%'");
    jdbc.update("DELETE FROM contact_report WHERE student_no LIKE 'AU-%'");
  }

  /** The instance with that business key (the audit list answers it). */
  String instanceOf(String businessKey) {
    Response r = get("/api/audit/process-instances?businessKey=" + encode(businessKey));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("content")).hasSize(1);
    return r.json().get("content").get(0).get("id").asText();
  }

  @AfterEach
  void realClockAgain() {
    ClockUtil.reset();
  }

  /** Holds the engine clock at {@code time} (the engine's clock is JVM-wide: the service in this JVM uses it). */
  static void at(Instant time) {
    ClockUtil.setCurrentTime(Date.from(time));
  }

  static String iso(Instant time) {
    return AuditTimes.format(time, ZONE);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The one open task of the instance with that key, found in the group's list as {@code user}. */
  JsonNode task(String instanceId, String taskKey, String group, String user) {
    Response r = get("/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey
        + "&candidateGroup=" + encode(group), user, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json()).as("open %s of %s for %s: %s", taskKey, instanceId, group, r).hasSize(1);
    return r.json().get(0);
  }

  void claim(JsonNode task, String user) {
    Response r = postJson("/engine-rest/task/" + task.get("id").asText() + "/claim",
        "{\"userId\": \"" + user + "\"}", user, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(204);
  }

  void complete(JsonNode task, String user, String... variables) {
    Response r = postJson("/engine-rest/task/" + task.get("id").asText() + "/complete",
        "{\"variables\": {" + String.join(", ", variables) + "}}", user, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(204);
  }

  /** Finds the open task and completes it as {@code user}. */
  void complete(String instanceId, String taskKey, String group, String user, String... variables) {
    complete(task(instanceId, taskKey, group, user), user, variables);
  }

  static String string(String name, String value) {
    return "\"" + name + "\": {\"value\": " + JSON.valueToTree(value) + ", \"type\": \"String\"}";
  }

  static String bool(String name, boolean value) {
    return "\"" + name + "\": {\"value\": " + value + ", \"type\": \"Boolean\"}";
  }

  static String number(String name, long value) {
    return "\"" + name + "\": {\"value\": " + value + ", \"type\": \"Long\"}";
  }

  /** The timer job of an activity of the instance. */
  Job timer(String instanceId, String activityId) {
    Job job = processEngine.getManagementService().createJobQuery().processInstanceId(instanceId)
        .activityId(activityId).timers().singleResult();
    assertThat(job).as("timer at %s", activityId).isNotNull();
    return job;
  }

  /** Moves the clock to the timer's due date and fires it, as the job executor would (no user). */
  Instant fire(String instanceId, String activityId) {
    Job job = timer(instanceId, activityId);
    Instant due = job.getDuedate().toInstant();
    at(due);
    processEngine.getManagementService().executeJob(job.getId());
    return due;
  }

  JsonNode timeline(String instanceId) {
    Response r = get("/api/audit/process-instances/" + instanceId + "/timeline");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode timeline = r.json();
    assertThat(timeline.get("eventCount").asInt()).isEqualTo(timeline.get("events").size());
    int seq = 1;
    for (JsonNode e : timeline.get("events")) {
      assertThat(e.get("seq").asInt()).isEqualTo(seq++);
    }
    return timeline;
  }

  /**
   * Each event as one line: type, activity, and what tells it apart (actor, variable change, owner groups,
   * operation).
   */
  static List<String> lines(JsonNode timeline) {
    List<String> lines = new ArrayList<>();
    int runStart = 0;
    String runKey = null;
    for (JsonNode e : timeline.get("events")) {
      // the variables one step sets carry one time; the engine writes them in its map's order, so each such run
      // of lines is compared sorted
      String key = e.get("type").asText().equals("VARIABLE_CHANGED") ? e.get("time").asText() + e.get("actor")
          : null;
      if (key == null || !key.equals(runKey)) {
        lines.subList(runStart, lines.size()).sort(null);
        runStart = lines.size();
      }
      runKey = key;
      StringBuilder line = new StringBuilder(e.get("type").asText());
      JsonNode data = e.get("data");
      switch (e.get("type").asText()) {
        case "VARIABLE_CHANGED" -> {
          line.append(' ').append(data.get("name").asText());
          if (data.has("oldValue")) {
            line.append(' ').append(data.get("oldValue")).append(" ->");
          } else {
            line.append(" =");
          }
          line.append(' ').append(data.get("newValue"));
        }
        case "OWNER_DECIDED" -> line.append(' ').append(data.get("taskKey").asText()).append(' ')
            .append(data.get("candidateGroups").get(0).asText());
        case "USER_OPERATION" -> line.append(' ').append(data.get("operationType").asText()).append(' ')
            .append(data.get("entityType").asText());
        case "TASK_COMPLETED" -> {
          line.append(' ').append(data.get("taskKey").asText());
          if (data.has("overdue")) {
            line.append(data.get("overdue").asBoolean() ? " overdue" : " on-time");
          }
        }
        case "GIFT_TIER_DECIDED" -> line.append(' ').append(data.get("tier").asText());
        case "INCIDENT_CREATED", "INCIDENT_RESOLVED" -> line.append(' ').append(data.get("incidentType").asText());
        default -> {
          if (e.hasNonNull("activityId")) {
            line.append(' ').append(e.get("activityId").asText());
          }
        }
      }
      if (e.hasNonNull("actor")) {
        line.append(" @").append(e.get("actor").asText());
      }
      lines.add(line.toString());
      if (key == null) {
        runStart = lines.size();
      }
    }
    lines.subList(runStart, lines.size()).sort(null);
    return lines;
  }

  /** The events of one type. */
  static List<JsonNode> events(JsonNode timeline, EventType type) {
    List<JsonNode> found = new ArrayList<>();
    timeline.get("events").forEach(e -> {
      if (e.get("type").asText().equals(type.name())) {
        found.add(e);
      }
    });
    return found;
  }
}
