package edu.alumni.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.csv.CsvReader;
import edu.alumni.engine.csv.CsvRecord;
import edu.alumni.engine.system.EngineIndexes;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The audit API over HTTP: the instance list's filters and paging, wrong parameters, unknown instances, who may read,
 * and the CSV export of a real timeline. The instances are started by hand through /engine-rest on days of 2021
 * (the engine clock set back), so the date filters see only them.
 */
@Tag("database")
class AuditControllerTests extends AuditTestSupport {

  static final String COORDINATOR = "ac-coordinator";
  static final Instant T1 = LocalDateTime.of(2021, 3, 1, 10, 0).atZone(ZONE).toInstant();
  static final Instant T2 = T1.plus(Duration.ofDays(1));
  static final Instant T3 = T1.plus(Duration.ofDays(2));
  static final Instant T4 = T1.plus(Duration.ofDays(3));
  static final String REUNION = "reunion-phys-2011-2021";
  /** A comma, quotes, a line break and Chinese: what a contact person types into a form. */
  static final String TRICKY = "王老师说: \"下周见, 带上校刊\"\n第二行";

  String visit1;
  String visit2;
  String reunion;
  String gift;

  @BeforeEach
  void instancesOf2021() {
    removeWhatTheseStart();
    cleanRegistry();
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(COORDINATOR, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.college("phys"));
    Response imported = postCsv("/api/alumni/import", "student_no,name,college,degree,graduation_year,city,email,"
        + "consent_contact,consent_fundraising\nAC-1,赵审计,phys,BACHELOR,2011,北京,ac-1@example.cn,yes,yes\n",
        MANAGER, PASSWORD);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

    at(T1);
    visit1 = start(VisitCycle.PROCESS_KEY, "visit-AC-1", string(VisitCycle.VAR_STUDENT_NO, "AC-1"));
    at(T2);
    visit2 = start(VisitCycle.PROCESS_KEY, "visit-AC-2", string(VisitCycle.VAR_STUDENT_NO, "AC-2"));
    at(T3);
    reunion = start(ReunionPlanning.PROCESS_KEY, REUNION, string(ReunionPlanning.VAR_COLLEGE, "phys"),
        number(ReunionPlanning.VAR_GRADUATION_YEAR, 2011), number(ReunionPlanning.VAR_MILESTONE, 10));
    jdbc.update("INSERT INTO reunion_invitation (business_key, student_no, invited_at) VALUES (?, 'AC-1', ?)",
        REUNION, LocalDateTime.of(2021, 3, 3, 11, 0));
    at(T4);
    Response recorded = postJson("/api/gifts", "{\"giftRef\": \"AC-G1\", \"studentNo\": \"AC-1\", \"amountCny\": 500, "
        + "\"giftDate\": \"2021-03-04\", \"fundCode\": \"general\"}", MANAGER, PASSWORD);
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    gift = recorded.json().get("processInstanceId").asText();
  }

  @AfterEach
  void cleanUp() {
    removeWhatTheseStart();
    cleanRegistry();
    deleteUser(MANAGER);
    deleteUser(COORDINATOR);
  }

  private void removeWhatTheseStart() {
    deleteProcessInstances(VisitCycle.PROCESS_KEY, "visit-AC-%");
    deleteProcessInstances(ReunionPlanning.PROCESS_KEY, REUNION);
    deleteProcessInstances(DonationStewardship.PROCESS_KEY, "gift-AC-%");
    jdbc.update("DELETE FROM reunion_invitation WHERE business_key = ?", REUNION);
  }

  /** Starts an instance through /engine-rest as the administrator (Camunda records the start user). */
  String start(String processKey, String businessKey, String... variables) {
    Response r = postJson("/engine-rest/process-definition/key/" + processKey + "/start", "{\"businessKey\": \""
        + businessKey + "\", \"variables\": {" + String.join(", ", variables) + "}}", adminUser, adminPassword);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  JsonNode list(String query) {
    Response r = get("/api/audit/process-instances?" + query, MANAGER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("content").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @Test
  void anInstanceByBusinessKeyWithWhoStartedItAndWhen() {
    JsonNode page = list("businessKey=visit-AC-1");

    assertThat(page.get("totalElements").asLong()).isEqualTo(1);
    JsonNode instance = page.get("content").get(0);
    assertThat(instance.get("id").asText()).isEqualTo(visit1);
    assertThat(instance.get("processKey").asText()).isEqualTo(VisitCycle.PROCESS_KEY);
    assertThat(instance.get("processName").asText()).isEqualTo("Visit and follow-up cycle (走访)");
    assertThat(instance.get("version").asInt()).isPositive();
    assertThat(instance.get("businessKey").asText()).isEqualTo("visit-AC-1");
    assertThat(instance.get("startTime").asText()).isEqualTo("2021-03-01T10:00:00.000+08:00");
    assertThat(instance.has("endTime")).isFalse();
    assertThat(instance.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(instance.get("startedBy").asText()).isEqualTo(adminUser);
    assertThat(instance.get("cause").asText()).isEqualTo(AuditedInstance.CAUSE_USER);
    assertThat(instance.has("trigger")).isFalse();
    assertThat(instance.get("timeline").asText()).isEqualTo("/api/audit/process-instances/" + visit1 + "/timeline");

    // its timeline opens with the start by that user, the REST operation, then the start variables
    List<String> lines = lines(timeline(visit1));
    assertThat(lines.subList(0, 4)).containsExactly("INSTANCE_STARTED @" + adminUser,
        "USER_OPERATION Create ProcessInstance @" + adminUser, "VARIABLE_CHANGED studentNo = \"AC-1\" @" + adminUser,
        "ACTIVITY_ENTERED visitRequested");
  }

  @Test
  void byProcessAndStartTimeNewestFirstBoundsIncluded() {
    assertThat(ids(list("processKey=visitCycle&startedAfter=2021-03-01&startedBefore=2021-03-05")))
        .containsExactly(visit2, visit1);
    assertThat(ids(list("startedAfter=2021-03-02T10:00:00%2B08:00&startedBefore=2021-03-03T10:00")))
        .containsExactly(reunion, visit2);
    assertThat(ids(list("startedAfter=2021-03-01T02:00:00Z&startedBefore=2021-03-01T02:00:00Z")))
        .containsExactly(visit1);
    assertThat(ids(list("processKey=reunionPlanning&startedAfter=2021-03-01&startedBefore=2021-03-05")))
        .containsExactly(reunion);
    assertThat(ids(list("processKey=noSuchProcess"))).isEmpty();
  }

  @Test
  void pagedLikeTheOtherLists() {
    JsonNode first = list("startedAfter=2021-03-01&startedBefore=2021-03-05&size=3");
    JsonNode second = list("startedAfter=2021-03-01&startedBefore=2021-03-05&size=3&page=1");

    assertThat(ids(first)).containsExactly(gift, reunion, visit2);
    assertThat(ids(second)).containsExactly(visit1);
    assertThat(second.get("page").asInt()).isEqualTo(1);
    assertThat(second.get("size").asInt()).isEqualTo(3);
    assertThat(second.get("totalElements").asLong()).isEqualTo(4);
    assertThat(second.get("totalPages").asLong()).isEqualTo(2);
  }

  @Test
  void theListsIndexIsThere() throws Exception {
    try (java.sql.Connection c = jdbc.getDataSource().getConnection()) {
      assertThat(EngineIndexes.exists(c, EngineIndexes.INSTANCES_BY_KEY_AND_START)).isTrue();
    }
  }

  @Test
  void byAlumnusTheirVisitGiftsAndReunions() {
    assertThat(ids(list("studentNo=ac-1"))).containsExactly(gift, reunion, visit1);
    JsonNode giftInstance = list("studentNo=AC-1").get("content").get(0);
    assertThat(giftInstance.get("cause").asText()).isEqualTo(AuditedInstance.CAUSE_GIFT_RECORDED);
    assertThat(giftInstance.get("startedBy").asText()).isEqualTo(MANAGER); // who recorded the gift
    // not in the registry (never imported, or erased): its visit history is still found
    assertThat(ids(list("studentNo=AC-2"))).containsExactly(visit2);
    assertThat(ids(list("studentNo=AC-1&processKey=visitCycle"))).containsExactly(visit1);
  }

  @Test
  void wrongParametersAreRefusedWithTheReason() {
    assertProblem(get("/api/audit/process-instances?startedAfter=yesterday", MANAGER, PASSWORD), 400,
        "startedAfter");
    assertProblem(get("/api/audit/process-instances?startedAfter=2021-03-05&startedBefore=2021-03-01", MANAGER,
        PASSWORD), 400, "startedAfter must not be later than startedBefore");
    assertProblem(get("/api/audit/process-instances?size=0", MANAGER, PASSWORD), 400, "size");
    assertProblem(get("/api/audit/process-instances?size=201", MANAGER, PASSWORD), 400, "size");
    assertProblem(get("/api/audit/process-instances?page=-1", MANAGER, PASSWORD), 400, "page");
  }

  @Test
  void anUnknownInstanceIsNotFoundAsJsonAndAsCsv() {
    assertProblem(get("/api/audit/process-instances/no-such-instance/timeline", MANAGER, PASSWORD), 404,
        "no-such-instance");
    assertProblem(get("/api/audit/process-instances/no-such-instance/timeline.csv", MANAGER, PASSWORD), 404,
        "no-such-instance");
  }

  @Test
  void onlySignedInAuditorsManagersAndAdministratorsRead() {
    assertThat(get("/api/audit/process-instances", null, null).status()).isEqualTo(401);
    assertThat(get("/api/audit/process-instances/" + visit1 + "/timeline.csv", null, null).status())
        .isEqualTo(401);
    assertThat(get("/api/audit/process-instances", COORDINATOR, PASSWORD).status()).isEqualTo(403);
    assertThat(get("/api/audit/alumni/AC-1", COORDINATOR, PASSWORD).status()).isEqualTo(403);
    assertThat(get("/api/audit/process-instances", MANAGER, PASSWORD).status()).isEqualTo(200);
    assertThat(get("/api/audit/process-instances").status()).as("administrator").isEqualTo(200);
  }

  @Test
  void theCsvExportIsTheTimelineForASpreadsheet() throws Exception {
    at(T1.plus(Duration.ofMinutes(5)));
    Response tasks = get("/engine-rest/task?processInstanceId=" + visit1 + "&taskDefinitionKey="
        + VisitCycle.PLAN_VISIT);
    assertThat(tasks.json()).as(tasks.toString()).hasSize(1);
    Response done = postJson("/engine-rest/task/" + tasks.json().get(0).get("id").asText() + "/complete",
        "{\"variables\": {" + string(VisitCycle.VAR_OBJECTIVES, TRICKY) + ", "
            + string(VisitCycle.VAR_VISITORS, "=1+1") + "}}", adminUser, adminPassword);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    JsonNode timeline = timeline(visit1);

    Response csv = get("/api/audit/process-instances/" + visit1 + "/timeline.csv");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"timeline-visitCycle-" + visit1 + ".csv\"");
    // read as UTF-8 by the test client, which keeps the byte order mark as U+FEFF: the bytes come back exactly
    byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
    assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
    assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).contains(TRICKY.replace("\"", "\"\""));

    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes))) {
      assertThat(reader.next().fields()).isEqualTo(TimelineCsv.HEADER);
      for (JsonNode e : timeline.get("events")) {
        CsvRecord record = reader.next();
        assertThat(record.fields()).as("record of event %s", e.get("seq")).containsExactly(e.get("seq").asText(),
            e.get("time").asText(), e.get("type").asText(), text(e, "actor"), text(e, "activityId"),
            text(e, "activityName"), text(e, "taskId"), e.get("summary").asText(), e.get("data").toString());
      }
      assertThat(reader.next()).isNull();
    }
    JsonNode objectives = events(timeline, EventType.VARIABLE_CHANGED).stream()
        .filter(e -> e.get("data").get("name").asText().equals(VisitCycle.VAR_OBJECTIVES)).findFirst().orElseThrow();
    assertThat(objectives.get("data").get("newValue").asText()).isEqualTo(TRICKY);
    assertThat(objectives.get("actor").asText()).isEqualTo(adminUser);
  }

  private static String text(JsonNode event, String field) {
    return event.hasNonNull(field) ? event.get(field).asText() : "";
  }

  private static void assertProblem(Response r, int status, String detail) {
    assertProblem(r, status);
    assertThat(r.json().get("detail").asText()).contains(detail);
  }
}
