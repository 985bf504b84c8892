package edu.alumni.engine.alumni;

import static edu.alumni.engine.alumni.AlumniCsv.csv;
import static edu.alumni.engine.alumni.AlumniCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.system.HttpTestSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/alumni/{studentNo} and GET /api/alumni over HTTP, on a registry imported through the API. */
@Tag("database")
class AlumniQueryTests extends HttpTestSupport {

  @BeforeEach
  void registry() {
    cleanRegistry();
    Response alumni = postCsv("/api/alumni/import", csv(
        row("C1001", "name", "张伟", "college", "cs", "graduation_year", "2010", "city", "Xi'an"),
        row("C1002", "name", "张敏", "college", "cs", "graduation_year", "2011", "city", "Tokyo"),
        row("C1003", "name", "李伟", "college", "cs", "graduation_year", "2010", "city", ""),
        row("E2001", "name", "王伟", "college", "ee", "graduation_year", "2010"),
        row("E2002", "name", "100%纯", "college", "ee", "graduation_year", "2012"),
        row("E2003", "name", "1000纯", "college", "ee", "graduation_year", "2012"),
        row("M3001", "name", "a_b", "college", "me", "graduation_year", "2013"),
        row("M3002", "name", "axb", "college", "me", "graduation_year", "2013")));
    assertThat(alumni.status()).as(alumni.toString()).isEqualTo(200);
    Response gifts = postCsv("/api/gifts/import", """
        gift_ref,student_no,amount_cny,gift_date,fund_code,channel
        G1,C1001,9999999999.99,2010-03-01,general,BANK_TRANSFER
        G2,C1001,0.01,2024-12-31,scholarship,ONLINE
        G3,C1001,1234.56,2015-07-15,library,
        G4,E2001,5,2016-01-01,general,CASH
        """);
    assertThat(gifts.status()).as(gifts.toString()).isEqualTo(200);
  }

  // ---- one alumnus ----

  @Test
  void recordWithGivingSummary() {
    Response r = get("/api/alumni/C1001");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode json = r.json();
    JsonNode a = json.get("alumnus");
    assertThat(a.get("studentNo").asText()).isEqualTo("C1001");
    assertThat(a.get("name").asText()).isEqualTo("张伟");
    assertThat(a.get("gender").asText()).isEqualTo("M");
    assertThat(a.get("collegeCode").asText()).isEqualTo("cs");
    assertThat(a.get("major").asText()).isEqualTo("软件工程");
    assertThat(a.get("degree").asText()).isEqualTo("BACHELOR");
    assertThat(a.get("enrollmentYear").asInt()).isEqualTo(2010);
    assertThat(a.get("graduationYear").asInt()).isEqualTo(2010);
    assertThat(a.get("city").asText()).isEqualTo("Xi'an");
    assertThat(a.get("chapterCode").asText()).isEqualTo("xa");
    assertThat(a.get("email").asText()).isEqualTo("zhang.san@example.cn");
    assertThat(a.get("phone").asText()).isEqualTo("13800138000");
    assertThat(a.get("honors").asText()).isEqualTo("优秀毕业生;国家奖学金");
    assertThat(a.get("consentContact").asBoolean()).isTrue();
    assertThat(a.get("consentFundraising").asBoolean()).isFalse();
    assertThat(a.get("deceased").asBoolean()).isFalse();
    assertThat(json.get("collegeName").asText()).isEqualTo("计算机科学与技术学院");
    assertThat(json.get("chapterName").asText()).isEqualTo("西安校友会");

    JsonNode giving = json.get("giving");
    assertThat(giving.get("giftCount").asLong()).isEqualTo(3);
    assertThat(giving.get("lifetimeGivingCny").decimalValue()).isEqualByComparingTo(new BigDecimal("10000001234.56"));
    assertThat(giving.get("firstGiftDate").asText()).isEqualTo("2010-03-01");
    assertThat(giving.get("lastGiftDate").asText()).isEqualTo("2024-12-31");

    List<String> recent = new ArrayList<>();
    json.get("recentGifts").forEach(g -> recent.add(g.get("giftRef").asText()));
    assertThat(recent).containsExactly("G2", "G3", "G1");
    JsonNode newest = json.get("recentGifts").get(0);
    assertThat(newest.get("amountCny").decimalValue()).isEqualByComparingTo("0.01");
    assertThat(newest.get("giftDate").asText()).isEqualTo("2024-12-31");
    assertThat(newest.get("fundCode").asText()).isEqualTo("scholarship");
    assertThat(newest.get("channel").asText()).isEqualTo("ONLINE");

    assertThat(json.get("createdAt").isTextual()).isTrue();
    assertThat(json.get("updatedAt").isTextual()).isTrue();
    assertThat(json.path("visits").path("lastVisitDate").isMissingNode()).isTrue();
  }

  @Test
  void recordWithoutGiftsOrChapter() {
    Response r = get("/api/alumni/C1002");

    assertThat(r.status()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("alumnus").get("city").asText()).isEqualTo("Tokyo");
    assertThat(json.get("alumnus").has("chapterCode")).isFalse();
    assertThat(json.has("chapterName")).isFalse();
    assertThat(json.get("giving").get("giftCount").asLong()).isZero();
    assertThat(json.get("giving").get("lifetimeGivingCny").decimalValue()).isEqualByComparingTo("0");
    assertThat(json.get("giving").has("firstGiftDate")).isFalse();
    assertThat(json.get("recentGifts")).isEmpty();
  }

  @Test
  void studentNoInTheUrlIsMatchedInAnyCase() {
    Response r = get("/api/alumni/c1001");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("alumnus").get("studentNo").asText()).isEqualTo("C1001");
  }

  @Test
  void unknownStudentNoIs404Problem() {
    Response r = get("/api/alumni/X9999");

    assertThat(r.status()).as(r.toString()).isEqualTo(404);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.json().get("status").asInt()).isEqualTo(404);
    assertThat(r.json().get("detail").asText()).contains("X9999");
  }

  // ---- the list ----

  private static List<String> studentNos(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> numbers = new ArrayList<>();
    r.json().get("content").forEach(item -> numbers.add(item.get("studentNo").asText()));
    return numbers;
  }

  @Test
  void defaultPageListsEveryoneInStudentNoOrder() {
    Response r = get("/api/alumni");

    assertThat(studentNos(r)).containsExactly("C1001", "C1002", "C1003", "E2001", "E2002", "E2003", "M3001",
        "M3002");
    JsonNode json = r.json();
    assertThat(json.get("page").asInt()).isZero();
    assertThat(json.get("size").asInt()).isEqualTo(20);
    assertThat(json.get("totalElements").asLong()).isEqualTo(8);
    assertThat(json.get("totalPages").asLong()).isEqualTo(1);
    JsonNode first = json.get("content").get(0);
    assertThat(first.get("name").asText()).isEqualTo("张伟");
    assertThat(first.get("collegeCode").asText()).isEqualTo("cs");
    assertThat(first.get("degree").asText()).isEqualTo("BACHELOR");
    assertThat(first.get("graduationYear").asInt()).isEqualTo(2010);
    assertThat(first.get("chapterCode").asText()).isEqualTo("xa");
    // no contact data in the list
    assertThat(first.has("email")).isFalse();
    assertThat(first.has("phone")).isFalse();
  }

  @Test
  void paging() {
    Response page1 = get("/api/alumni?page=1&size=3");

    assertThat(studentNos(page1)).containsExactly("E2001", "E2002", "E2003");
    assertThat(page1.json().get("page").asInt()).isEqualTo(1);
    assertThat(page1.json().get("size").asInt()).isEqualTo(3);
    assertThat(page1.json().get("totalElements").asLong()).isEqualTo(8);
    assertThat(page1.json().get("totalPages").asLong()).isEqualTo(3);
    assertThat(studentNos(get("/api/alumni?page=2&size=3"))).containsExactly("M3001", "M3002");
    assertThat(studentNos(get("/api/alumni?page=3&size=3"))).isEmpty();
    assertThat(studentNos(get("/api/alumni?page=0&size=200"))).hasSize(8);
  }

  @Test
  void filterByCollege() {
    Response r = get("/api/alumni?college=ee");

    assertThat(studentNos(r)).containsExactly("E2001", "E2002", "E2003");
    assertThat(r.json().get("totalElements").asLong()).isEqualTo(3);
  }

  @Test
  void filterByGraduationYear() {
    assertThat(studentNos(get("/api/alumni?graduationYear=2010"))).containsExactly("C1001", "C1003", "E2001");
  }

  @Test
  void filterByNamePartOrStudentNoPrefix() {
    assertThat(studentNos(get("/api/alumni?q=%E4%BC%9F"))).containsExactly("C1001", "C1003", "E2001"); // 伟
    assertThat(studentNos(get("/api/alumni?q=E20"))).containsExactly("E2001", "E2002", "E2003");
    assertThat(studentNos(get("/api/alumni?q=e20"))).containsExactly("E2001", "E2002", "E2003");
    assertThat(studentNos(get("/api/alumni?q=001"))).isEmpty();
  }

  @Test
  void likeWildcardsInQAreLiterals() {
    assertThat(studentNos(get("/api/alumni?q=0%25"))).containsExactly("E2002"); // "0%"
    assertThat(studentNos(get("/api/alumni?q=a_b"))).containsExactly("M3001");
  }

  @Test
  void filtersCombineWithPaging() {
    Response r = get("/api/alumni?college=cs&graduationYear=2010&q=%E4%BC%9F&page=0&size=1");

    assertThat(studentNos(r)).containsExactly("C1001");
    assertThat(r.json().get("totalElements").asLong()).isEqualTo(2);
    assertThat(r.json().get("totalPages").asLong()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=-1", "size=0", "size=201", "size=-5", "page=abc", "size=ten", "college=arts",
      "graduationYear=next"})
  void badParametersAre400Problems(String query) {
    Response r = get("/api/alumni?" + query);

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().get("status").asInt()).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).isNotBlank();
  }
}
