package edu.alumni.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** HTTP Basic against the Camunda identity service; roles by Camunda group (API.md "who"). */
@Tag("database")
class ApiSecurityTests extends HttpTestSupport {

  static final String PASSWORD = "s3cret-Pw";
  static final String AUDITOR = "sec-auditor";
  static final String COORDINATOR = "sec-coordinator";
  static final String FINANCE = "sec-finance";
  static final String MANAGER = "sec-manager";
  static final String NOBODY = "sec-nobody";
  static final String WRONG_PW = "sec-wrong-pw";

  static final String ALUMNI_CSV = """
      student_no,name,college,degree,graduation_year
      S0001,陈静,econ,BACHELOR,2005
      """;
  static final String GIFTS_CSV = """
      gift_ref,student_no,amount_cny,gift_date,fund_code
      G1,S0001,100,2023-01-01,general
      """;

  @BeforeEach
  void usersAndEmptyRegistry() {
    cleanRegistry();
    createUser(AUDITOR, PASSWORD, StaffGroups.AUDITORS);
    createUser(COORDINATOR, PASSWORD, StaffGroups.COORDINATORS, "college-cs");
    createUser(FINANCE, PASSWORD, StaffGroups.FOUNDATION_FINANCE);
    createUser(MANAGER, PASSWORD, StaffGroups.MANAGERS);
    createUser(NOBODY, PASSWORD);
  }

  @AfterEach
  void removeUsers() {
    for (String user : new String[] {AUDITOR, COORDINATOR, FINANCE, MANAGER, NOBODY, WRONG_PW}) {
      deleteUser(user);
    }
  }

  @Test
  void withoutCredentials401Problem() {
    Response r = get("/api/alumni", null, null);

    assertProblem(r, 401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertProblem(postCsv("/api/alumni/import", ALUMNI_CSV, null, null), 401);
    assertProblem(postCsv("/api/gifts/import", GIFTS_CSV, null, null), 401);
    assertProblem(get("/api/alumni/S0001", null, null), 401);
    assertThat(count("alumnus")).isZero();
  }

  @Test
  void wrongPassword401Problem() {
    // a separate account: a failed login delays the next ones of that account (Camunda's login throttling)
    createUser(WRONG_PW, PASSWORD, StaffGroups.MANAGERS);

    assertProblem(get("/api/alumni", WRONG_PW, "not-" + PASSWORD), 401);
    assertProblem(postCsv("/api/alumni/import", ALUMNI_CSV, WRONG_PW, "not-" + PASSWORD), 401);
    assertThat(count("alumnus")).isZero();
  }

  @Test
  void unknownUser401Problem() {
    assertProblem(get("/api/alumni", "sec-no-such-user", PASSWORD), 401);
  }

  @Test
  void adminMayReadAndImport() {
    Response r = get("/api/alumni");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(postCsv("/api/alumni/import", ALUMNI_CSV).status()).isEqualTo(200);
    assertThat(postCsv("/api/gifts/import", GIFTS_CSV).status()).isEqualTo(200);
    assertThat(count("gift")).isEqualTo(1);
  }

  @Test
  void auditorReadsButCannotImport() {
    assertThat(get("/api/alumni", AUDITOR, PASSWORD).status()).isEqualTo(200);

    Response alumni = postCsv("/api/alumni/import", ALUMNI_CSV, AUDITOR, PASSWORD);
    assertProblem(alumni, 403);
    assertThat(alumni.json().get("detail").asText()).contains("/api/alumni/import");
    assertProblem(postCsv("/api/gifts/import", GIFTS_CSV, AUDITOR, PASSWORD), 403);
    assertThat(count("alumnus")).isZero();
    assertThat(count("gift")).isZero();
  }

  @Test
  void coordinatorImportsAlumniButNotGifts() {
    Response alumni = postCsv("/api/alumni/import", ALUMNI_CSV, COORDINATOR, PASSWORD);
    assertThat(alumni.status()).as(alumni.toString()).isEqualTo(200);
    assertThat(alumni.json().get("imported").asInt()).isEqualTo(1);
    assertThat(get("/api/alumni/S0001", COORDINATOR, PASSWORD).status()).isEqualTo(200);

    assertProblem(postCsv("/api/gifts/import", GIFTS_CSV, COORDINATOR, PASSWORD), 403);
    assertThat(count("alumnus")).isEqualTo(1);
    assertThat(count("gift")).isZero();
  }

  @Test
  void foundationFinanceImportsGifts() {
    assertThat(postCsv("/api/alumni/import", ALUMNI_CSV).status()).isEqualTo(200);

    Response gifts = postCsv("/api/gifts/import", GIFTS_CSV, FINANCE, PASSWORD);
    assertThat(gifts.status()).as(gifts.toString()).isEqualTo(200);
    assertThat(gifts.json().get("imported").asInt()).isEqualTo(1);
    assertThat(count("gift")).isEqualTo(1);

    // a unit's staff work as coordinators (DOMAIN.md): they read the registry their task forms link to
    Response alumni = get("/api/alumni/S0001", FINANCE, PASSWORD);
    assertThat(alumni.status()).as(alumni.toString()).isEqualTo(200);
    Response context = get("/context/alumni/S0001", FINANCE, PASSWORD);
    assertThat(context.status()).as(context.toString()).isEqualTo(200);
    // but not the managers' and auditors' endpoints
    assertProblem(get("/api/segmentation/runs/1", FINANCE, PASSWORD), 403);
  }

  @Test
  void aSignedInUserInNoGroupIsNoCoordinator() {
    assertProblem(get("/api/alumni", NOBODY, PASSWORD), 403);
    assertThat(get("/context/alumni/S0001", NOBODY, PASSWORD).status()).isEqualTo(403);
  }

  @Test
  void managerImportsBoth() {
    assertThat(postCsv("/api/alumni/import", ALUMNI_CSV, MANAGER, PASSWORD).status()).isEqualTo(200);
    assertThat(postCsv("/api/gifts/import", GIFTS_CSV, MANAGER, PASSWORD).status()).isEqualTo(200);
    assertThat(get("/api/alumni/S0001", MANAGER, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void userWithoutRoleIsForbidden() {
    assertProblem(get("/api/alumni", NOBODY, PASSWORD), 403);
    assertProblem(postCsv("/api/alumni/import", ALUMNI_CSV, NOBODY, PASSWORD), 403);
    assertThat(count("alumnus")).isZero();
  }

  @Test
  void oneAccountWorksForTheEngineRestApiToo() {
    assertThat(get("/engine-rest/task", COORDINATOR, PASSWORD).status()).isEqualTo(200);
    assertThat(get("/engine-rest/task", null, null).status()).isEqualTo(401);
  }
}
