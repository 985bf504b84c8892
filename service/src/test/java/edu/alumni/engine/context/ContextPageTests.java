package edu.alumni.engine.context;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.system.HttpTestSupport;
import edu.alumni.engine.system.StaffGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pages the task forms link to: the registry's context of an alumnus, a gift, a cohort, for staff only. */
@Tag("database")
class ContextPageTests extends HttpTestSupport {

  static final String PASSWORD = "ctx-Pw-1";
  static final String COORDINATOR = "ctx-coordinator";
  static final String NOBODY = "ctx-nobody";

  @BeforeEach
  void registry() {
    cleanRegistry();
    createUser(COORDINATOR, PASSWORD, StaffGroups.COORDINATORS, "college-cs");
    createUser(NOBODY, PASSWORD);
    assertThat(postCsv("/api/alumni/import", """
        student_no,name,college,degree,graduation_year,city,email,consent_contact,honors
        CTX-1,王<b>小明</b>,cs,BACHELOR,2016,Beijing,wxm@example.com,yes,杰出校友
        CTX-2,李华,cs,MASTER,2016,,,no,
        """).status()).isEqualTo(200);
    assertThat(postCsv("/api/gifts/import", """
        gift_ref,student_no,amount_cny,gift_date,fund_code
        CTX-G1,CTX-1,1500.50,2024-03-01,scholarship
        """).status()).isEqualTo(200);
  }

  @AfterEach
  void users() {
    deleteUser(COORDINATOR);
    deleteUser(NOBODY);
  }

  @Test
  void anAlumnusPageShowsTheRecordEscaped() {
    Response r = get("/context/alumni/ctx-1", COORDINATOR, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/html");
    assertThat(r.body()).contains("王&lt;b&gt;小明&lt;/b&gt; · CTX-1", "计算机科学与技术学院", "北京校友会", "wxm@example.com",
        "杰出校友", "1500.50", "/context/gifts/CTX-G1").doesNotContain("<b>小明");
  }

  @Test
  void aGiftPageNamesFundAndDonor() {
    Response r = get("/context/gifts/ctx-g1", COORDINATOR, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body()).contains("Gift CTX-G1", "奖助学金", "restricted", "/context/alumni/CTX-1",
        "not classified (imported history)");
  }

  @Test
  void aCohortPageCountsTheClass() {
    Response r = get("/context/reunions/cs/2016", COORDINATOR, PASSWORD);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body()).contains("class of 2016", "<th>Alumni in the class</th><td>2</td>",
        "<th>Contactable</th><td>1</td>");
  }

  @Test
  void strangersAndUnknownRecordsAreRefused() {
    assertThat(get("/context/alumni/CTX-1", null, null).status()).isEqualTo(401);
    assertThat(get("/context/alumni/CTX-1", NOBODY, PASSWORD).status()).isEqualTo(403);
    assertThat(get("/context/alumni/NOPE-1", COORDINATOR, PASSWORD).status()).isEqualTo(404);
    assertThat(get("/context/gifts/NOPE", COORDINATOR, PASSWORD).status()).isEqualTo(404);
    assertThat(get("/context/reunions/xx/2016", COORDINATOR, PASSWORD).status()).isEqualTo(404);
  }
}
