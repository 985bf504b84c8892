package edu.alumni.engine.reunion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.csv.ImportError;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.ReunionPlanning;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST /api/reunions/{businessKey}/rsvps over HTTP (API.md, PROCESSES.md §1): a reunion planned through its tasks
 * (/engine-rest, as users of the owning groups) invites the contactable members of its cohort; only they can answer,
 * until the RSVP deadline; the last answer wins and the head count is kept on the instance.
 */
@Tag("database")
class RsvpTests extends HttpTestSupport {

  static final String KEY = "reunion-cs-2016-2026";
  static final String RSVPS = "/api/reunions/" + KEY + "/rsvps";
  static final String PASSWORD = "rsvp-Pw-1";
  static final String COORDINATOR = "rsvp-cs-coordinator";
  static final String MANAGER = "rsvp-manager";
  static final String AUDITOR = "rsvp-auditor";

  /** The cs class of 2016: five contactable members, and three who may not be contacted; one of the class of 2017. */
  static final String ALUMNI = """
      student_no,name,college,degree,graduation_year,email,phone,consent_contact,deceased
      RS-01,李雷,cs,BACHELOR,2016,li.lei@example.cn,,yes,no
      RS-02,韩梅梅,cs,BACHELOR,2016,,13800000002,yes,no
      RS-03,王磊,cs,MASTER,2016,wang.lei@example.cn,13800000003,true,false
      RS-04,赵敏,cs,BACHELOR,2016,zhao.min@example.cn,,1,0
      RS-05,孙丽,cs,DOCTOR,2016,sun.li@example.cn,,yes,
      RS-NOCONSENT,周杰,cs,BACHELOR,2016,zhou.jie@example.cn,,no,no
      RS-LOST,吴刚,cs,BACHELOR,2016,,,yes,no
      RS-DECEASED,郑和,cs,BACHELOR,2016,zheng.he@example.cn,,yes,yes
      RS-2017,钱多,cs,BACHELOR,2017,qian.duo@example.cn,,yes,no
      """;
  static final List<String> INVITED = List.of("RS-01", "RS-02", "RS-03", "RS-04", "RS-05");

  @Autowired
  Clock clock;

  RuntimeService runtime;
  String instanceId;
  LocalDate eventDate;

  @BeforeEach
  void aReunionWhoseInvitationsAreSent() {
    ClockUtil.reset(); // the engine's clock is JVM-wide: start from the real time whatever ran before
    runtime = processEngine.getRuntimeService();
    deleteProcessInstances(ReunionPlanning.PROCESS_KEY, KEY);
    cleanRegistry();
    Response imported = postCsv("/api/alumni/import", ALUMNI);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    createUser(COORDINATOR, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.college("cs"));
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(AUDITOR, PASSWORD, StaffGroups.AUDITORS);

    ProcessInstance reunion = runtime.createProcessInstanceByKey(ReunionPlanning.PROCESS_KEY).businessKey(KEY)
        .setVariables(Map.of(ReunionPlanning.VAR_COLLEGE, "cs", ReunionPlanning.VAR_GRADUATION_YEAR, 2016,
            ReunionPlanning.VAR_MILESTONE, 10, ReunionPlanning.VAR_COHORT_SIZE, INVITED.size()))
        .execute();
    instanceId = reunion.getId();
    eventDate = LocalDate.now(clock).plusWeeks(8);

    complete(ReunionPlanning.FORM_COMMITTEE, StaffGroups.college("cs"), COORDINATOR, """
        {"committeeContacts": {"value": "李雷 (班长), 韩梅梅", "type": "String"},
         "volunteersCount": {"value": 4, "type": "Long"}}""");
    complete(ReunionPlanning.DRAFT_PLAN, StaffGroups.college("cs"), COORDINATOR, """
        {"eventDate": {"value": "%s", "type": "String"},
         "venue": {"value": "计算机学院报告厅", "type": "String"},
         "programme": {"value": "返校座谈, 校园参观, 晚宴", "type": "String"},
         "budgetCny": {"value": 50000, "type": "Long"}}""".formatted(eventDate));
    complete(ReunionPlanning.APPROVE_PLAN, StaffGroups.MANAGERS, MANAGER, """
        {"approved": {"value": true, "type": "Boolean"},
         "approvalComment": {"value": "预算合理, 同意", "type": "String"}}""");

    assertThat(invitedStudentNos()).containsExactlyElementsOf(INVITED);
    assertThat(runtime.getVariable(instanceId, ReunionPlanning.VAR_INVITED)).isEqualTo(INVITED.size());
    assertThat(runtime.getVariable(instanceId, ReunionPlanning.VAR_HEAD_COUNT)).isEqualTo(0);
    assertThat(runtime.getActiveActivityIds(instanceId)).containsExactly("rsvpDeadlineReached");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    deleteProcessInstances(ReunionPlanning.PROCESS_KEY, KEY);
    jdbc.update("DELETE FROM reunion_invitation WHERE business_key = ?", KEY);
    cleanRegistry();
    for (String user : List.of(COORDINATOR, MANAGER, AUDITOR)) {
      deleteUser(user);
    }
  }

  // ---- helpers ----

  /** Completes the one open task of the reunion with that key, found as a member of its owner group. */
  void complete(String taskKey, String ownerGroup, String user, String variablesJson) {
    Response tasks = get("/engine-rest/task?processInstanceBusinessKey=" + KEY + "&candidateGroup=" + ownerGroup
        + "&taskDefinitionKey=" + taskKey, user, PASSWORD);
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    assertThat(tasks.json()).as("open %s for %s: %s", taskKey, ownerGroup, tasks).hasSize(1);
    String id = tasks.json().get(0).get("id").asText();
    Response done = postJson("/engine-rest/task/" + id + "/complete", "{\"variables\": " + variablesJson + "}",
        user, PASSWORD);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  List<String> invitedStudentNos() {
    return jdbc.queryForList("SELECT student_no FROM reunion_invitation WHERE business_key = ? ORDER BY student_no",
        String.class, KEY);
  }

  Response rsvp(String json) {
    return rsvp(KEY, json);
  }

  Response rsvp(String businessKey, String json) {
    return postJson("/api/reunions/" + businessKey + "/rsvps", json, COORDINATOR, PASSWORD);
  }

  static String answer(String studentNo, boolean attending, int guests) {
    return "{\"studentNo\": \"" + studentNo + "\", \"attending\": " + attending + ", \"guests\": " + guests + "}";
  }

  Object headCountVariable() {
    return runtime.getVariable(instanceId, ReunionPlanning.VAR_HEAD_COUNT);
  }

  Map<String, Object> invitation(String studentNo) {
    return jdbc.queryForMap("SELECT attending, guests, answered_at, answered_by FROM reunion_invitation "
        + "WHERE business_key = ? AND student_no = ?", KEY, studentNo);
  }

  private static Object column(Map<String, Object> row, String name) {
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    throw new AssertionError("no column " + name + " in " + row);
  }

  // ---- answers ----

  @Test
  void anInvitedAlumnusAttendsWithTwoGuests() {
    Response r = rsvp(answer("RS-01", true, 2));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("headCount").asInt()).isEqualTo(3);
    assertThat(body.get("businessKey").asText()).isEqualTo(KEY);
    assertThat(body.get("studentNo").asText()).isEqualTo("RS-01");
    assertThat(body.get("attending").asBoolean()).isTrue();
    assertThat(headCountVariable()).isEqualTo(3);
    Map<String, Object> row = invitation("RS-01");
    assertThat(column(row, "attending")).isEqualTo(true);
    assertThat(((Number) column(row, "guests")).intValue()).isEqualTo(2);
    assertThat(column(row, "answered_at")).isNotNull();
    assertThat(column(row, "answered_by")).isEqualTo(COORDINATOR);
  }

  @Test
  void theLastAnswerWins() {
    assertThat(rsvp(answer("RS-01", true, 2)).json().get("headCount").asInt()).isEqualTo(3);

    Response changed = rsvp(answer("RS-01", false, 0));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("headCount").asInt()).isZero();
    assertThat(changed.json().get("attending").asBoolean()).isFalse();
    assertThat(headCountVariable()).isEqualTo(0);
    assertThat(column(invitation("RS-01"), "attending")).isEqualTo(false);
    assertThat(invitedStudentNos()).containsExactlyElementsOf(INVITED);
  }

  @Test
  void theHeadCountAddsUpEveryAttendingAlumnusAndGuests() {
    assertThat(rsvp(answer("RS-01", true, 2)).json().get("headCount").asInt()).isEqualTo(3);
    assertThat(rsvp(answer("RS-02", true, 0)).json().get("headCount").asInt()).isEqualTo(4);
    // a declining alumnus brings no guests, whatever the answer says
    assertThat(rsvp(answer("RS-03", false, 5)).json().get("headCount").asInt()).isEqualTo(4);
    // guests left out means none; a student number in lower case is the same alumnus
    Response r = rsvp("{\"studentNo\": \"rs-04\", \"attending\": true}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("studentNo").asText()).isEqualTo("RS-04");
    assertThat(r.json().get("headCount").asInt()).isEqualTo(5);
    // ten guests is the most
    assertThat(rsvp(answer("RS-05", true, 10)).json().get("headCount").asInt()).isEqualTo(16);
    assertThat(rsvp(answer("RS-01", true, 1)).json().get("headCount").asInt()).isEqualTo(15);

    assertThat(headCountVariable()).isEqualTo(15);
  }

  // ---- refused answers ----

  @Test
  void aCohortMemberWhoWasNotInvitedIs404() {
    for (String notInvited : List.of("RS-NOCONSENT", "RS-LOST", "RS-DECEASED", "RS-2017", "RS-NOBODY")) {
      Response r = rsvp(answer(notInvited, true, 1));

      assertProblem(r, 404);
      assertThat(r.json().get("detail").asText()).contains(notInvited).contains("not invited");
    }
    assertThat(invitedStudentNos()).containsExactlyElementsOf(INVITED);
    assertThat(headCountVariable()).isEqualTo(0);
  }

  @Test
  void anUnknownReunionIs404() {
    Response r = rsvp("reunion-cs-2099-2026", answer("RS-01", true, 0));

    assertProblem(r, 404);
    assertThat(r.json().get("detail").asText()).contains("reunion-cs-2099-2026");
    assertThat(column(invitation("RS-01"), "answered_at")).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 11})
  void guestsOutsideZeroToTenAre422(int guests) {
    Response r = rsvp(answer("RS-01", true, guests));

    assertProblem(r, 422);
    assertThat(r.errors()).extracting(ImportError::column).containsExactly("guests");
    assertThat(r.errors().get(0).message()).contains("between 0 and 10");
    assertThat(column(invitation("RS-01"), "answered_at")).isNull();
    assertThat(headCountVariable()).isEqualTo(0);
  }

  @Test
  void aMissingAttendingIs422() {
    Response r = rsvp("{\"studentNo\": \"RS-01\", \"guests\": 1}");

    assertProblem(r, 422);
    assertThat(r.errors()).extracting(ImportError::column).containsExactly("attending");
    assertThat(column(invitation("RS-01"), "answered_at")).isNull();

    Response nothing = rsvp("{}");
    assertProblem(nothing, 422);
    assertThat(nothing.errors()).extracting(ImportError::column).containsExactly("studentNo", "attending");
  }

  @Test
  void afterTheRsvpDeadlineAnswersAreRefusedWith409() {
    Date deadline = (Date) runtime.getVariable(instanceId, ReunionPlanning.VAR_RSVP_DEADLINE);
    assertThat(deadline.toInstant().atZone(clock.getZone()).toLocalDate()).isEqualTo(eventDate.minusDays(14));

    // up to the deadline itself an answer counts
    ClockUtil.setCurrentTime(deadline);
    Response atDeadline = rsvp(answer("RS-01", true, 1));
    assertThat(atDeadline.status()).as(atDeadline.toString()).isEqualTo(200);
    assertThat(atDeadline.json().get("headCount").asInt()).isEqualTo(2);
    // recorded at the engine's time the deadline was checked on, not at the wall clock's
    Object answeredAt = column(invitation("RS-01"), "answered_at");
    assertThat(answeredAt instanceof java.sql.Timestamp t ? t.toLocalDateTime() : answeredAt)
        .isEqualTo(deadline.toInstant().atZone(clock.getZone()).toLocalDateTime());

    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 60_000));
    Response late = rsvp(answer("RS-02", true, 3));

    assertProblem(late, 409);
    assertThat(late.json().get("detail").asText()).contains(KEY).contains("closed");
    assertThat(column(invitation("RS-02"), "answered_at")).isNull();
    assertThat(headCountVariable()).isEqualTo(2);
  }

  // ---- who may answer ----

  @Test
  void onlyCoordinatorsAndManagersRecordAnswers() {
    assertProblem(postJson(RSVPS, answer("RS-01", true, 0), null, null), 401);
    assertProblem(postJson(RSVPS, answer("RS-01", true, 0), AUDITOR, PASSWORD), 403);
    assertThat(column(invitation("RS-01"), "answered_at")).isNull();

    Response manager = postJson(RSVPS, answer("RS-01", true, 0), MANAGER, PASSWORD);
    assertThat(manager.status()).as(manager.toString()).isEqualTo(200);
    assertThat(manager.json().get("headCount").asInt()).isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    Response r = post(RSVPS, "text/plain", "RS-01 attending".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        COORDINATOR, PASSWORD);

    assertProblem(r, 415);
    assertThat(column(invitation("RS-01"), "answered_at")).isNull();
  }
}
