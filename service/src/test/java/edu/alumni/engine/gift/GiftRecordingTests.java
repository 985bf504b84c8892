package edu.alumni.engine.gift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.csv.ImportError;
import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.DonationStewardship;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST /api/gifts over HTTP (API.md, PROCESSES.md §3): a recorded gift starts exactly one donationStewardship
 * instance with business key gift-{gift_ref}, in the same transaction as the gift row; the same gift again changes
 * nothing; other values for a stored gift reference are refused; an invalid gift stores nothing and starts nothing.
 */
@Tag("database")
class GiftRecordingTests extends HttpTestSupport {

  static final String GIFTS = "/api/gifts";
  static final String PASSWORD = "gift-rec-Pw1";
  static final String FINANCE = "gift-rec-finance";
  static final String MANAGER = "gift-rec-manager";
  static final String COORDINATOR = "gift-rec-coordinator";

  @Autowired
  Clock clock;

  RuntimeService runtime;
  HistoryService history;
  RepositoryService repository;
  LocalDate today;

  @BeforeEach
  void registryWithTwoAlumniAndUsers() {
    runtime = processEngine.getRuntimeService();
    history = processEngine.getHistoryService();
    repository = processEngine.getRepositoryService();
    today = LocalDate.now(clock);
    deleteProcessInstances(DonationStewardship.PROCESS_KEY, "gift-GR-%");
    cleanRegistry();
    Response r = postCsv("/api/alumni/import", """
        student_no,name,college,degree,graduation_year,city,email,consent_contact,consent_fundraising
        GR0001,王芳,cs,BACHELOR,2010,北京,wang.fang@example.cn,yes,yes
        GR0002,刘洋,econ,MASTER,2015,上海,liu.yang@example.cn,yes,no
        """);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    createUser(FINANCE, PASSWORD, StaffGroups.FOUNDATION_FINANCE);
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(COORDINATOR, PASSWORD, StaffGroups.COORDINATORS, StaffGroups.college("cs"));
  }

  @AfterEach
  void cleanUp() {
    if (repository != null) {
      repository.activateProcessDefinitionByKey(DonationStewardship.PROCESS_KEY);
    }
    deleteProcessInstances(DonationStewardship.PROCESS_KEY, "gift-GR-%");
    cleanRegistry();
    for (String user : List.of(FINANCE, MANAGER, COORDINATOR)) {
      deleteUser(user);
    }
  }

  // ---- helpers ----

  /** A gift as JSON; amount as a JSON number unless it is given quoted. */
  static String gift(String giftRef, String studentNo, String amount, String giftDate, String fundCode,
      String channel) {
    StringBuilder b = new StringBuilder("{");
    field(b, "giftRef", giftRef, true);
    field(b, "studentNo", studentNo, true);
    field(b, "amountCny", amount, amount != null && amount.startsWith("\""));
    field(b, "giftDate", giftDate, true);
    field(b, "fundCode", fundCode, true);
    field(b, "channel", channel, true);
    if (b.charAt(b.length() - 1) == ',') {
      b.setLength(b.length() - 1);
    }
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String value, boolean quote) {
    if (value == null) {
      return;
    }
    String v = value.startsWith("\"") ? value : quote ? "\"" + value + "\"" : value;
    b.append('"').append(name).append("\":").append(v).append(',');
  }

  String annualGift(String giftRef) {
    return gift(giftRef, "GR0001", "500", today.minusDays(3).toString(), "general", "ONLINE");
  }

  Response record(String json) {
    return postJson(GIFTS, json, FINANCE, PASSWORD);
  }

  long instancesOf(String businessKey) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(DonationStewardship.PROCESS_KEY)
        .processInstanceBusinessKey(businessKey).count();
  }

  /**
   * The open tasks of an instance, task key → candidate groups, read through /engine-rest as a manager (finance sees
   * only its own group's tasks).
   */
  Map<String, String> openTasks(String businessKey) {
    Response r = get("/engine-rest/task?processInstanceBusinessKey=" + businessKey, MANAGER, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    Map<String, String> tasks = new TreeMap<>();
    for (JsonNode task : r.json()) {
      Response links = get("/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate",
          MANAGER, PASSWORD);
      assertThat(links.status()).as(links.toString()).isEqualTo(200);
      List<String> groups = links.json().findValuesAsText("groupId");
      tasks.put(task.get("taskDefinitionKey").asText(), String.join(",", groups));
    }
    return tasks;
  }

  // ---- a new gift ----

  @Test
  void anAnnualGiftIsStoredAndItsStewardshipWaitsForReceiptAndThanks() {
    Response r = record(annualGift("GR-A1"));

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = r.json();
    assertThat(body.get("created").asBoolean()).isTrue();
    assertThat(body.get("businessKey").asText()).isEqualTo("gift-GR-A1");
    String instanceId = body.get("processInstanceId").asText();
    assertThat(instanceId).isNotBlank();
    assertThat(body.get("gift").get("giftRef").asText()).isEqualTo("GR-A1");
    assertThat(body.get("gift").get("amountCny").decimalValue()).isEqualByComparingTo("500");

    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processDefinitionKey(DonationStewardship.PROCESS_KEY).processInstanceBusinessKey("gift-GR-A1")
        .singleResult();
    assertThat(instance).isNotNull();
    assertThat(instance.getId()).isEqualTo(instanceId);
    assertThat(runtime.getVariable(instanceId, DonationStewardship.VAR_GIFT_REF)).isEqualTo("GR-A1");
    assertThat(runtime.getVariable(instanceId, DonationStewardship.VAR_TIER)).isEqualTo("ANNUAL");
    assertThat(runtime.getVariable(instanceId, DonationStewardship.VAR_AGREEMENT_REQUIRED)).isEqualTo(false);
    assertThat(openTasks("gift-GR-A1")).containsExactly(
        Map.entry(DonationStewardship.ACKNOWLEDGE_GIFT, StaffGroups.FOUNDATION),
        Map.entry(DonationStewardship.ISSUE_RECEIPT, StaffGroups.FOUNDATION_FINANCE));

    assertThat(count("gift")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT student_no FROM gift WHERE gift_ref = 'GR-A1'", String.class))
        .isEqualTo("GR0001");
    assertThat(jdbc.queryForObject("SELECT amount_cny FROM gift WHERE gift_ref = 'GR-A1'",
        java.math.BigDecimal.class)).isEqualByComparingTo("500.00");
    assertThat(jdbc.queryForObject("SELECT gift_date FROM gift WHERE gift_ref = 'GR-A1'", LocalDate.class))
        .isEqualTo(today.minusDays(3));
    assertThat(jdbc.queryForObject("SELECT tier FROM gift_classification WHERE gift_ref = 'GR-A1'",
        String.class)).isEqualTo("ANNUAL");
  }

  @Test
  void aMajorGiftWaitsForItsAgreementFirst() {
    Response r = record(gift("GR-M1", "GR0001", "150000.00", today.toString(), "scholarship", "BANK_TRANSFER"));

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().get("businessKey").asText()).isEqualTo("gift-GR-M1");
    String instanceId = r.json().get("processInstanceId").asText();
    assertThat(runtime.getVariable(instanceId, DonationStewardship.VAR_TIER)).isEqualTo("MAJOR");
    assertThat(runtime.getVariable(instanceId, DonationStewardship.VAR_AGREEMENT_REQUIRED)).isEqualTo(true);
    assertThat(openTasks("gift-GR-M1")).containsExactly(
        Map.entry(DonationStewardship.SIGN_AGREEMENT, StaffGroups.MAJOR_GIFTS));
    assertThat(instancesOf("gift-GR-M1")).isEqualTo(1);
    assertThat(count("gift")).isEqualTo(1);
  }

  @Test
  void aManagerMayRecordAGiftAndTheReferenceIsStoredInUpperCase() {
    Response r = postJson(GIFTS, gift("gr-lower.1", "gr0002", "\"88.80\"", today.toString(), "Library", "cash"),
        MANAGER, PASSWORD);

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().get("businessKey").asText()).isEqualTo("gift-GR-LOWER.1");
    assertThat(r.json().get("gift").get("studentNo").asText()).isEqualTo("GR0002");
    assertThat(r.json().get("gift").get("fundCode").asText()).isEqualTo("library");
    assertThat(r.json().get("gift").get("channel").asText()).isEqualTo("CASH");
    assertThat(instancesOf("gift-GR-LOWER.1")).isEqualTo(1);
  }

  // ---- the same gift again, other values ----

  @Test
  void theSameGiftAgainAnswers200AndStartsNothing() {
    Response first = record(annualGift("GR-A2"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    List<Map<String, Object>> stored = giftRows();

    Response again = record(annualGift("GR-A2"));
    // the same amount written otherwise is the same gift
    Response sameAmount = record(gift("GR-A2", "GR0001", "\"500.00\"", today.minusDays(3).toString(), "general",
        "ONLINE"));

    for (Response r : List.of(again, sameAmount)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.json().get("created").asBoolean()).isFalse();
      assertThat(r.json().get("businessKey").asText()).isEqualTo("gift-GR-A2");
      assertThat(r.json().get("processInstanceId").asText())
          .isEqualTo(first.json().get("processInstanceId").asText());
    }
    assertThat(instancesOf("gift-GR-A2")).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DonationStewardship.PROCESS_KEY)
        .processInstanceBusinessKey("gift-GR-A2").count()).isEqualTo(1);
    assertThat(giftRows()).isEqualTo(stored);
    assertThat(count("gift_classification")).isEqualTo(1);
  }

  @Test
  void theSameGiftPostedEightTimesAtOnceIsRecordedOnce() throws Exception {
    // the eight requests pass the "stored already?" check together; the gift's key lets one insert through, and
    // the others (GiftController's retry after the duplicate key) answer as for the same gift again
    int clients = 8;
    CyclicBarrier start = new CyclicBarrier(clients);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return record(annualGift("GR-A9"));
        }));
      }
      List<Integer> statuses = new ArrayList<>();
      Set<String> instances = new HashSet<>();
      for (Future<Response> answer : answers) {
        Response r = answer.get(60, TimeUnit.SECONDS);
        statuses.add(r.status());
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        instances.add(r.json().get("processInstanceId").asText());
      }
      assertThat(statuses).containsOnlyOnce(201);
      assertThat(instances).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(instancesOf("gift-GR-A9")).isEqualTo(1);
    assertThat(count("gift_classification")).isEqualTo(1);
  }

  @Test
  void theSameReferenceWithOtherValuesIsAConflictAndChangesNothing() {
    Response first = record(annualGift("GR-A3"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    List<Map<String, Object>> stored = giftRows();

    Response otherAmount = record(gift("GR-A3", "GR0001", "501", today.minusDays(3).toString(), "general",
        "ONLINE"));
    Response otherAlumnus = record(gift("GR-A3", "GR0002", "500", today.minusDays(3).toString(), "general",
        "ONLINE"));

    assertProblem(otherAmount, 409);
    assertThat(otherAmount.json().get("giftRef").asText()).isEqualTo("GR-A3");
    assertThat(otherAmount.json().get("detail").asText()).contains("GR-A3").contains("500.00");
    assertProblem(otherAlumnus, 409);
    assertThat(giftRows()).isEqualTo(stored);
    assertThat(instancesOf("gift-GR-A3")).isEqualTo(1);
  }

  // ---- invalid gifts ----

  static Stream<Arguments> invalidGifts() {
    String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    String tomorrow = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    return Stream.of(
        Arguments.of("amount 0", gift("GR-X1", "GR0001", "0", today, "general", null), "amountCny",
            "greater than 0"),
        Arguments.of("negative amount", gift("GR-X1", "GR0001", "-5", today, "general", null), "amountCny",
            "greater than 0"),
        Arguments.of("three decimals", gift("GR-X1", "GR0001", "10.125", today, "general", null), "amountCny",
            "more than 2 decimals"),
        Arguments.of("amount not a number", gift("GR-X1", "GR0001", "\"1,000\"", today, "general", null),
            "amountCny", "must be a number"),
        Arguments.of("future date", gift("GR-X1", "GR0001", "100", tomorrow, "general", null), "giftDate",
            "in the future"),
        Arguments.of("date not ISO", gift("GR-X1", "GR0001", "100", "2024/01/02", "general", null), "giftDate",
            "yyyy-MM-dd"),
        Arguments.of("unknown fund", gift("GR-X1", "GR0001", "100", today, "no-such-fund", null), "fundCode",
            "unknown fund"),
        Arguments.of("unknown channel", gift("GR-X1", "GR0001", "100", today, "general", "PAYPAL"), "channel",
            "channel must be one of"),
        Arguments.of("missing studentNo", gift("GR-X1", null, "100", today, "general", null), "studentNo",
            "studentNo is required"),
        Arguments.of("unknown alumnus", gift("GR-X1", "GR9999", "100", today, "general", null), "studentNo",
            "GR9999"),
        Arguments.of("missing giftRef", gift(null, "GR0001", "100", today, "general", null), "giftRef",
            "giftRef is required"),
        Arguments.of("giftRef with a space", gift("GR X1", "GR0001", "100", today, "general", null), "giftRef",
            "giftRef must be"),
        Arguments.of("missing amount", gift("GR-X1", "GR0001", null, today, "general", null), "amountCny",
            "amountCny is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidGifts")
  void anInvalidGiftIs422NamingTheFieldAndStoresNothing(String name, String json, String field, String message) {
    Response r = record(json);

    assertProblem(r, 422);
    assertThat(r.json().get("detail").asText()).contains("nothing was recorded");
    List<ImportError> errors = r.errors();
    assertThat(errors).as(r.toString()).hasSize(1);
    assertThat(errors.get(0).column()).isEqualTo(field);
    assertThat(errors.get(0).line()).isNull();
    assertThat(errors.get(0).message()).contains(message);
    assertThat(count("gift")).isZero();
    assertThat(instancesOf("gift-GR-X1")).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(DonationStewardship.PROCESS_KEY)
        .processInstanceBusinessKeyLike("gift-GR-%").count()).isZero();
  }

  @Test
  void everyFieldErrorIsListed() {
    Response r = record(gift("GR-X2", null, "0", "2999-01-01", "nope", null));

    assertProblem(r, 422);
    assertThat(r.errors()).extracting(ImportError::column)
        .containsExactlyInAnyOrder("studentNo", "amountCny", "giftDate", "fundCode");
    assertThat(count("gift")).isZero();
  }

  @Test
  void anEmptyOrMissingBodyIs422() {
    assertProblem(record("{}"), 422);
    assertProblem(postJson(GIFTS, "", FINANCE, PASSWORD), 422);
    assertThat(count("gift")).isZero();
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    Response csv = post(GIFTS, "text/csv", ("gift_ref,student_no,amount_cny,gift_date,fund_code\n"
        + "GR-X3,GR0001,100," + today + ",general\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), FINANCE,
        PASSWORD);

    assertProblem(csv, 415);
    assertThat(csv.json().get("detail").asText()).contains("application/json");
    assertThat(count("gift")).isZero();
    assertThat(instancesOf("gift-GR-X3")).isZero();
  }

  // ---- who may record ----

  @Test
  void aCoordinatorIsForbiddenAndAnonymousIsUnauthorized() {
    assertProblem(postJson(GIFTS, annualGift("GR-X4"), COORDINATOR, PASSWORD), 403);
    Response anonymous = postJson(GIFTS, annualGift("GR-X4"), null, null);
    assertProblem(anonymous, 401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
        assertThat(v).startsWith("Basic"));

    assertThat(count("gift")).isZero();
    assertThat(instancesOf("gift-GR-X4")).isZero();
  }

  // ---- atomicity ----

  @Test
  void whenTheProcessCannotStartNoGiftIsStored() {
    repository.suspendProcessDefinitionByKey(DonationStewardship.PROCESS_KEY);
    Response failed;
    try {
      failed = record(annualGift("GR-A4"));
    } finally {
      repository.activateProcessDefinitionByKey(DonationStewardship.PROCESS_KEY);
    }

    assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
    assertThat(failed.isProblem()).as(failed.toString()).isTrue();
    assertThat(count("gift")).isZero();
    assertThat(count("gift_classification")).isZero();
    assertThat(instancesOf("gift-GR-A4")).isZero();

    // nothing was left behind: the same gift now records normally
    Response retried = record(annualGift("GR-A4"));
    assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
    assertThat(instancesOf("gift-GR-A4")).isEqualTo(1);
    assertThat(count("gift")).isEqualTo(1);
  }

  @Test
  void aFundGoneFromTheDatabaseUnderTheRunningServiceIsAnErrorThatStoresNothing() {
    // the service checks funds against the catalogue it loaded at start; a fund deleted in the database since then
    // fails the gift's insert on its reference, and the donor exists: not the client's mistake, so no 422
    jdbc.update("DELETE FROM fund WHERE code = 'green-campus'");
    Response failed;
    try {
      failed = record(gift("GR-F1", "GR0001", "300", today.toString(), "green-campus", "ONLINE"));
    } finally {
      jdbc.update("INSERT INTO fund (code, name, restricted) VALUES ('green-campus', '校园绿色发展基金', TRUE)");
    }

    assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
    assertThat(failed.isProblem()).as(failed.toString()).isTrue();
    assertThat(failed.json().get("detail").asText()).contains("Nothing was changed");
    assertThat(count("gift")).isZero();
    assertThat(instancesOf("gift-GR-F1")).isZero();

    // with the fund back, the same gift records normally
    Response retried = record(gift("GR-F1", "GR0001", "300", today.toString(), "green-campus", "ONLINE"));
    assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
  }
}
