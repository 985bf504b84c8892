package edu.alumni.engine;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign as its users run it, over HTTP only: a coordinator imports the registry, finance imports past gifts, a
 * manager runs segmentation (as of today); the run starts a reunion for the milestone class and a visit cycle for
 * the distinguished alumnus; the owning groups find their tasks through /engine-rest and complete them with Camunda
 * JSON variables; finance records a gift (twice); every task's owner decision is recorded with its rule.
 */
@Tag("database")
class CampaignEndToEndTests extends HttpTestSupport {

  static final String PASSWORD = "campaign-Pw-1";
  static final String COORDINATOR = "ce-coordinator";
  static final String MANAGER = "ce-manager";
  static final String MED = "ce-med";
  static final String BEIJING = "ce-bj";
  static final String OFFICE = "ce-office";
  static final String FINANCE = "ce-finance";
  static final String FOUNDATION = "ce-foundation";
  static final List<String> USERS = List.of(COORDINATOR, MANAGER, MED, BEIJING, OFFICE, FINANCE, FOUNDATION);

  static final String VIP = "CE-VIP";
  static final String VISIT = "visit-" + VIP;
  static final String DONOR = "CE-DONOR";

  /** Owner and rule of every task these tests complete (assignment.drl). */
  static final Map<String, String[]> OWNERS = Map.of(
      ReunionPlanning.FORM_COMMITTEE, new String[] {"college-med", "Reunion committee and plan: the college's group"},
      ReunionPlanning.DRAFT_PLAN, new String[] {"college-med", "Reunion committee and plan: the college's group"},
      ReunionPlanning.APPROVE_PLAN, new String[] {"managers", "Reunion plan approval, budget up to 200,000: managers"},
      VisitCycle.PLAN_VISIT, new String[] {"chapter-bj", "Visit planning: the alumnus' region owner"},
      VisitCycle.FILE_CONTACT_REPORT, new String[] {"chapter-bj",
          "Contact report: the region owner, 5 days after the visit"},
      VisitCycle.INVITE_SPEAKER, new String[] {"alumni-office", "Speaker follow-up: the alumni office"},
      DonationStewardship.ISSUE_RECEIPT, new String[] {"foundation-finance",
          "Donation receipt: foundation finance, within 3 business days"},
      DonationStewardship.ACKNOWLEDGE_GIFT, new String[] {"foundation", "Acknowledgement of other gifts: foundation"});

  @Autowired
  Clock clock;

  LocalDate today;
  int year;
  String reunion;

  @BeforeEach
  void importedAndSegmented() {
    ClockUtil.reset(); // the engine's clock is JVM-wide: start from the real time whatever ran before
    today = LocalDate.now(clock);
    year = today.getYear();
    reunion = "reunion-med-" + (year - 10) + "-" + year;
    removeWhatTheseTestsStart();
    cleanRegistry();
    createUser(COORDINATOR, PASSWORD, StaffGroups.COORDINATORS);
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(MED, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.college("med"));
    createUser(BEIJING, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.chapter("bj"));
    createUser(OFFICE, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.ALUMNI_OFFICE);
    createUser(FINANCE, PASSWORD, StaffGroups.FOUNDATION_FINANCE);
    createUser(FOUNDATION, PASSWORD, StaffGroups.FOUNDATION);

    StringBuilder alumni = new StringBuilder(
        "student_no,name,college,degree,graduation_year,city,email,phone,honors,consent_contact,consent_fundraising\n");
    // the medicine class of ten years ago: ten who may be contacted, one who may not
    IntStream.rangeClosed(1, 10).forEach(i -> alumni.append("CE-MED-%02d,医学校友%d,med,BACHELOR,%d,,ce-med-%d@example.cn,,,yes,no\n"
        .formatted(i, i, year - 10, i)));
    alumni.append("CE-MED-NC,不联系,med,BACHELOR,%d,,ce-med-nc@example.cn,,,no,no\n".formatted(year - 10));
    // a distinguished alumnus in Beijing, never visited
    alumni.append("CE-VIP,张杰出,ee,DOCTOR,%d,北京,vip@example.cn,,杰出校友;长江学者,yes,no\n".formatted(year - 23));
    // a donor
    alumni.append("CE-DONOR,陈捐赠,econ,MASTER,%d,上海,,+86 138 0000 1234,,yes,yes\n".formatted(year - 15));
    Response imported = postCsv("/api/alumni/import", alumni.toString(), COORDINATOR, PASSWORD);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().get("imported").asInt()).isEqualTo(13);

    Response gifts = postCsv("/api/gifts/import", "gift_ref,student_no,amount_cny,gift_date,fund_code,channel\n"
        + "CE-H1,CE-DONOR,1000.00," + today.minusYears(1) + ",general,ONLINE\n", FINANCE, PASSWORD);
    assertThat(gifts.status()).as(gifts.toString()).isEqualTo(200);
    assertThat(gifts.json().get("imported").asInt()).isEqualTo(1);

    JsonNode run = segment();
    assertThat(run.get("asOf").asText()).isEqualTo(today.toString());
    assertThat(run.get("alumniEvaluated").asInt()).isEqualTo(13);
    assertThat(run.get("segments").get("REUNION_MILESTONE").asInt()).isEqualTo(10);
    assertThat(run.get("segments").get("VISIT_DUE").asInt()).isEqualTo(1);
    assertThat(run.get("started").get(ReunionPlanning.PROCESS_KEY).asInt()).isEqualTo(1);
    assertThat(run.get("started").get(VisitCycle.PROCESS_KEY).asInt()).isEqualTo(1);
  }

  @AfterEach
  void cleanUp() {
    awaitNoSegmentationRun();
    removeWhatTheseTestsStart();
    removeSegmentationRuns();
    cleanRegistry();
    USERS.forEach(this::deleteUser);
  }

  private void removeWhatTheseTestsStart() {
    deleteProcessInstances(ReunionPlanning.PROCESS_KEY, "reunion-med-%");
    deleteProcessInstances(VisitCycle.PROCESS_KEY, "visit-CE-%");
    deleteProcessInstances(DonationStewardship.PROCESS_KEY, "gift-CE-%");
    jdbc.update("DELETE FROM visit_trigger_start WHERE student_no LIKE 'CE-%'");
    jdbc.update("DELETE FROM reunion_invitation WHERE business_key LIKE 'reunion-med-%'");
    jdbc.update("DELETE FROM contact_report WHERE student_no LIKE 'CE-%'");
  }

  // ---- segmentation over HTTP ----

  /** POST /api/segmentation/runs as a manager (D = today); the run's report once it has ended. */
  JsonNode segment() {
    return runSegmentation(null, MANAGER, PASSWORD);
  }


  // ---- tasks over /engine-rest ----

  /** The open tasks of an instance that a user finds in its group's list. */
  JsonNode tasks(String businessKey, String group, String user) {
    Response r = get("/engine-rest/task?processInstanceBusinessKey=" + encode(businessKey) + "&candidateGroup="
        + encode(group), user, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  /** The one open task of the instance in the group's list, which must be {@code taskKey}. */
  JsonNode task(String businessKey, String group, String user, String taskKey) {
    JsonNode tasks = tasks(businessKey, group, user);
    assertThat(tasks).as("tasks of %s for %s: %s", businessKey, group, tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(taskKey);
    return tasks.get(0);
  }

  Response complete(JsonNode task, String user, String variablesJson) {
    return postJson("/engine-rest/task/" + task.get("id").asText() + "/complete",
        "{\"variables\": " + variablesJson + "}", user, PASSWORD);
  }

  void completeTask(String businessKey, String group, String user, String taskKey, String variablesJson) {
    Response done = complete(task(businessKey, group, user, taskKey), user, variablesJson);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  /** GET /engine-rest/process-instance?businessKey=…: the running instances with that business key. */
  JsonNode running(String businessKey) {
    Response r = get("/engine-rest/process-instance?businessKey=" + encode(businessKey), MANAGER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  JsonNode historic(String businessKey) {
    Response r = get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + encode(businessKey),
        MANAGER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  /**
   * Every task the instance had (history over /engine-rest) has its owner decision recorded: the group the rules
   * chose and the rule that chose it. Returns the task keys (in no particular order: MySQL keeps whole seconds).
   */
  List<String> assertOwnerDecisions(String businessKey) {
    Response r = get("/engine-rest/history/task?processInstanceBusinessKey=" + encode(businessKey), MANAGER,
        PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    for (JsonNode task : r.json()) {
      String taskKey = task.get("taskDefinitionKey").asText();
      keys.add(taskKey);
      Map<String, Object> decision = lowerCaseKeys(jdbc.queryForMap(
          "SELECT * FROM owner_decision WHERE task_id = ?", task.get("id").asText()));
      assertThat(decision.get("task_key")).isEqualTo(taskKey);
      assertThat(decision.get("business_key")).isEqualTo(businessKey);
      assertThat(decision.get("process_instance_id")).isEqualTo(task.get("processInstanceId").asText());
      String[] expected = OWNERS.get(taskKey);
      assertThat(expected).as("expected owner of " + taskKey).isNotNull();
      assertThat(decision.get("candidate_groups")).as(taskKey).isEqualTo(expected[0]);
      assertThat(decision.get("rule_name")).as(taskKey).isEqualTo(expected[1]);
      assertThat((String) decision.get("ruleset_version")).startsWith("sha256:");
      assertThat((String) decision.get("facts")).isNotBlank();
      assertThat(decision.get("fallback")).isEqualTo(false);
    }
    return keys;
  }

  private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
    Map<String, Object> lower = new TreeMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
    return lower;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String string(String name, String value) {
    return "\"" + name + "\": {\"value\": " + JSON.valueToTree(value) + ", \"type\": \"String\"}";
  }

  private static String bool(String name, boolean value) {
    return "\"" + name + "\": {\"value\": " + value + ", \"type\": \"Boolean\"}";
  }

  private static String number(String name, long value) {
    return "\"" + name + "\": {\"value\": " + value + ", \"type\": \"Long\"}";
  }

  private static String variables(String... variables) {
    return "{" + String.join(", ", variables) + "}";
  }

  // ---- the visit cycle ----

  @Test
  void theVisitCycleOfTheDistinguishedAlumnusRunsToItsFollowUpAndUpdatesTheRegistry() {
    JsonNode visit = running(VISIT);
    assertThat(visit).hasSize(1);
    // a task of the Beijing chapter: not in another chapter's list
    assertThat(tasks(VISIT, StaffGroups.chapter("sh"), BEIJING)).isEmpty();
    LocalDate visitDate = today.minusDays(2);

    completeTask(VISIT, StaffGroups.chapter("bj"), BEIJING, VisitCycle.PLAN_VISIT, variables(
        string(VisitCycle.VAR_VISIT_DATE, visitDate.toString()),
        string(VisitCycle.VAR_VISITORS, "北京校友会 王秘书长"),
        string(VisitCycle.VAR_OBJECTIVES, "了解近况, 邀请回校讲座")));

    JsonNode report = task(VISIT, StaffGroups.chapter("bj"), BEIJING, VisitCycle.FILE_CONTACT_REPORT);
    // due five days after the visit, at the end of the working day
    OffsetDateTime due = OffsetDateTime.parse(report.get("due").asText(),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    assertThat(due.toInstant()).isEqualTo(visitDate.plusDays(5).atTime(18, 0).atZone(clock.getZone()).toInstant());

    // a report that says nothing learned is refused, and nothing is stored
    Response refused = complete(report, BEIJING, variables(
        string(VisitCycle.VAR_VISIT_DATE, visitDate.toString()), string(VisitCycle.VAR_VISITORS, "王秘书长"),
        string(VisitCycle.VAR_METHOD, VisitCycle.METHOD_IN_PERSON), string(VisitCycle.VAR_LEARNED, "ok"),
        number(VisitCycle.VAR_MONTHS_UNTIL_NEXT, 0)));
    assertThat(refused.status()).as(refused.toString()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("at least 10 characters");
    assertThat(count("contact_report")).isZero();
    task(VISIT, StaffGroups.chapter("bj"), BEIJING, VisitCycle.FILE_CONTACT_REPORT);

    Response filed = complete(report, BEIJING, variables(
        string(VisitCycle.VAR_VISIT_DATE, visitDate.toString()),
        string(VisitCycle.VAR_VISITORS, "北京校友会 王秘书长"),
        string(VisitCycle.VAR_METHOD, VisitCycle.METHOD_IN_PERSON),
        string(VisitCycle.VAR_LEARNED, "Now chief scientist at a Beijing research institute; glad to give a talk."),
        string(VisitCycle.VAR_CONVEYED, "名校友讲坛 invitation, news of the college"),
        bool(VisitCycle.VAR_INTEREST_DONATION, false), bool(VisitCycle.VAR_INTEREST_RECRUITMENT, false),
        bool(VisitCycle.VAR_INTEREST_MENTORING, false), bool(VisitCycle.VAR_INTEREST_SPEAKER, true),
        number(VisitCycle.VAR_MONTHS_UNTIL_NEXT, 0)));
    assertThat(filed.status()).as(filed.toString()).isEqualTo(204);

    // the follow-up rules asked for a speaker invitation, in the alumni office's list only
    assertThat(tasks(VISIT, StaffGroups.chapter("bj"), BEIJING)).isEmpty();
    completeTask(VISIT, StaffGroups.ALUMNI_OFFICE, OFFICE, VisitCycle.INVITE_SPEAKER, variables(
        string("speakerOutcome", "名校友讲坛 booked for next term"), bool("speakerDone", true)));

    // months until the next visit 0: the cycle is closed
    assertThat(running(VISIT)).isEmpty();
    JsonNode ended = historic(VISIT);
    assertThat(ended).hasSize(1);
    assertThat(ended.get(0).get("state").asText()).isEqualTo("COMPLETED");
    Response closed = get("/engine-rest/history/activity-instance?processInstanceId=" + ended.get(0).get("id")
        .asText() + "&activityId=cycleClosed", MANAGER, PASSWORD);
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(closed.json()).as("ended at cycleClosed: %s", closed).hasSize(1);

    Response alumnus = get("/api/alumni/" + VIP, COORDINATOR, PASSWORD);
    assertThat(alumnus.status()).as(alumnus.toString()).isEqualTo(200);
    assertThat(alumnus.json().get("visits").get("lastVisitDate").asText()).isEqualTo(visitDate.toString());
    Map<String, Object> stored = lowerCaseKeys(jdbc.queryForMap(
        "SELECT * FROM contact_report WHERE student_no = ?", VIP));
    assertThat(stored.get("contact_method")).isEqualTo(VisitCycle.METHOD_IN_PERSON);
    assertThat(stored.get("interests")).isEqualTo("speaker");
    assertThat(stored.get("filed_by")).isEqualTo(BEIJING);
    assertThat(((Number) stored.get("months_until_next")).intValue()).isZero();
    assertThat(stored.get("process_instance_id")).isEqualTo(visit.get(0).get("id").asText());

    assertThat(assertOwnerDecisions(VISIT)).containsExactlyInAnyOrder(VisitCycle.PLAN_VISIT,
        VisitCycle.FILE_CONTACT_REPORT, VisitCycle.INVITE_SPEAKER);
  }

  // ---- the reunion ----

  @Test
  void theMilestoneClassReunionIsPlannedApprovedAndItsInvitationsAnswered() {
    JsonNode started = running(reunion);
    assertThat(started).hasSize(1);
    String instanceId = started.get(0).get("id").asText();
    // the college's coordinator reads the reunion's variables through its task, as Tasklist does (coordinators may
    // not read process instances themselves)
    JsonNode formCommittee = task(reunion, StaffGroups.college("med"), MED, ReunionPlanning.FORM_COMMITTEE);
    Response variables = get("/engine-rest/task/" + formCommittee.get("id").asText() + "/variables", MED, PASSWORD);
    assertThat(variables.status()).as(variables.toString()).isEqualTo(200);
    assertThat(variables.json().get(ReunionPlanning.VAR_COLLEGE).get("value").asText()).isEqualTo("med");
    assertThat(variables.json().get(ReunionPlanning.VAR_GRADUATION_YEAR).get("value").asInt()).isEqualTo(year - 10);
    assertThat(variables.json().get(ReunionPlanning.VAR_MILESTONE).get("value").asInt()).isEqualTo(10);
    assertThat(variables.json().get(ReunionPlanning.VAR_COHORT_SIZE).get("value").asInt()).isEqualTo(10);
    // the college's task, not the Beijing chapter's
    assertThat(tasks(reunion, StaffGroups.chapter("bj"), BEIJING)).isEmpty();

    completeTask(reunion, StaffGroups.college("med"), MED, ReunionPlanning.FORM_COMMITTEE, variables(
        string("committeeContacts", "CE-MED-01 (班长), CE-MED-02"), number("volunteersCount", 3)));
    LocalDate eventDate = today.plusWeeks(10);
    completeTask(reunion, StaffGroups.college("med"), MED, ReunionPlanning.DRAFT_PLAN, variables(
        string(ReunionPlanning.VAR_EVENT_DATE, eventDate.toString()),
        string(ReunionPlanning.VAR_VENUE, "医学院礼堂"),
        string(ReunionPlanning.VAR_PROGRAMME, "座谈, 参观附属医院, 晚宴"),
        number(ReunionPlanning.VAR_BUDGET, 80_000)));
    completeTask(reunion, StaffGroups.MANAGERS, MANAGER, ReunionPlanning.APPROVE_PLAN, variables(
        bool(ReunionPlanning.VAR_APPROVED, true), string(ReunionPlanning.VAR_APPROVAL_COMMENT, "同意")));

    // invitations went to the ten who may be contacted; the reunion waits for the RSVP deadline
    assertThat(jdbc.queryForList("SELECT student_no FROM reunion_invitation WHERE business_key = ? "
        + "ORDER BY student_no", String.class, reunion)).hasSize(10).doesNotContain("CE-MED-NC");
    assertThat(tasks(reunion, StaffGroups.college("med"), MED)).isEmpty();
    Response rsvp = postJson("/api/reunions/" + reunion + "/rsvps",
        "{\"studentNo\": \"CE-MED-07\", \"attending\": true, \"guests\": 1}", MED, PASSWORD);
    assertThat(rsvp.status()).as(rsvp.toString()).isEqualTo(200);
    assertThat(rsvp.json().get("headCount").asInt()).isEqualTo(2);
    Response headCount = get("/engine-rest/process-instance/" + instanceId + "/variables/"
        + ReunionPlanning.VAR_HEAD_COUNT, MANAGER, PASSWORD);
    assertThat(headCount.json().get("value").asInt()).isEqualTo(2);
    Response declined = postJson("/api/reunions/" + reunion + "/rsvps",
        "{\"studentNo\": \"CE-MED-NC\", \"attending\": true, \"guests\": 0}", MED, PASSWORD);
    assertThat(declined.status()).as(declined.toString()).isEqualTo(404);

    assertThat(assertOwnerDecisions(reunion)).containsExactlyInAnyOrder(ReunionPlanning.FORM_COMMITTEE,
        ReunionPlanning.DRAFT_PLAN, ReunionPlanning.APPROVE_PLAN);
  }

  // ---- a gift ----

  @Test
  void aGiftRecordedTwiceStartsOneStewardshipThatReceiptsThanksAndAllocates() {
    // the imported past gift started nothing
    assertThat(historic("gift-CE-H1")).isEmpty();
    String gift = "{\"giftRef\": \"CE-G1\", \"studentNo\": \"" + DONOR + "\", \"amountCny\": 2000.00, "
        + "\"giftDate\": \"" + today + "\", \"fundCode\": \"general\", \"channel\": \"BANK_TRANSFER\"}";

    Response first = postJson("/api/gifts", gift, FINANCE, PASSWORD);
    Response again = postJson("/api/gifts", gift, FINANCE, PASSWORD);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().get("created").asBoolean()).isTrue();
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("created").asBoolean()).isFalse();
    String instanceId = first.json().get("processInstanceId").asText();
    assertThat(again.json().get("processInstanceId").asText()).isEqualTo(instanceId);
    assertThat(historic("gift-CE-G1")).hasSize(1);
    assertThat(count("gift")).isEqualTo(2);

    completeTask("gift-CE-G1", StaffGroups.FOUNDATION_FINANCE, FINANCE, DonationStewardship.ISSUE_RECEIPT,
        variables(string(DonationStewardship.VAR_RECEIPT_NO, "JZ-2026-000123")));
    completeTask("gift-CE-G1", StaffGroups.FOUNDATION, FOUNDATION, DonationStewardship.ACKNOWLEDGE_GIFT,
        variables(string("acknowledgementMethod", "LETTER"), string("acknowledgedOn", today.toString())));

    // allocated to its fund; an annual gift to an unrestricted fund then waits only for the renewal ask
    Map<String, Object> allocation = lowerCaseKeys(jdbc.queryForMap(
        "SELECT * FROM gift_allocation WHERE gift_ref = 'CE-G1'"));
    assertThat(allocation.get("fund_code")).isEqualTo("general");
    assertThat((java.math.BigDecimal) allocation.get("amount_cny")).isEqualByComparingTo("2000");
    assertThat(allocation.get("process_instance_id")).isEqualTo(instanceId);
    Response activities = get("/engine-rest/process-instance/" + instanceId + "/activity-instances", MANAGER,
        PASSWORD);
    assertThat(activities.status()).as(activities.toString()).isEqualTo(200);
    assertThat(activities.json().get("childActivityInstances").findValuesAsText("activityId"))
        .containsExactly("renewalDue");
    assertThat(tasks("gift-CE-G1", StaffGroups.FOUNDATION, FOUNDATION)).isEmpty();

    assertThat(assertOwnerDecisions("gift-CE-G1")).containsExactlyInAnyOrder(DonationStewardship.ISSUE_RECEIPT,
        DonationStewardship.ACKNOWLEDGE_GIFT);
  }
}
