package edu.alumni.engine.alumni;

import static edu.alumni.engine.alumni.AlumniCsv.COLUMNS;
import static edu.alumni.engine.alumni.AlumniCsv.csv;
import static edu.alumni.engine.alumni.AlumniCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.csv.ImportError;
import edu.alumni.engine.system.HttpTestSupport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /api/alumni/import over HTTP: every rule of DATA.md's alumni.csv and the import semantics. */
@Tag("database")
class AlumniImportTests extends HttpTestSupport {

  static final String IMPORT = "/api/alumni/import";
  static final String PARTIAL = "/api/alumni/import?partial=true";

  /** The service's "today" is in the university's time zone (ClockConfiguration). */
  static final int THIS_YEAR = Year.now(ZoneId.of("Asia/Shanghai")).getValue();

  @Autowired
  AlumnusMapper alumni;

  @Autowired
  Clock clock;

  @BeforeEach
  void emptyRegistry() {
    cleanRegistry();
    assertThat(Year.now(clock).getValue()).as("the service's current year").isEqualTo(THIS_YEAR);
  }

  /** What the default row of {@link AlumniCsv#row(String)} becomes in the registry. */
  static Alumnus stored(String studentNo) {
    return new Alumnus(studentNo, "张三", "M", "cs", "软件工程", "BACHELOR", 2010, 2014, "计科1001班", "北京", "bj", "中国",
        "华为技术有限公司", "通信", "工程师", "zhang.san@example.cn", "13800138000", "优秀毕业生;国家奖学金", true, false,
        false);
  }

  private static void assertReport(Response r, int imported, int updated, int unchanged, int rejected) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("imported").asInt()).as("imported").isEqualTo(imported);
    assertThat(json.get("updated").asInt()).as("updated").isEqualTo(updated);
    assertThat(json.get("unchanged").asInt()).as("unchanged").isEqualTo(unchanged);
    assertThat(json.get("rejected").asInt()).as("rejected").isEqualTo(rejected);
  }

  // ---- valid files ----

  @Test
  void importsValidRowsWithEveryColumn() {
    Response r = postCsv(IMPORT, csv(row("S0001"), row("S0002", "name", "李四", "gender", "F", "city", "上海")));

    assertReport(r, 2, 0, 0, 0);
    assertThat(r.errors()).isEmpty();
    assertThat(alumni.selectByStudentNo("S0001")).isEqualTo(stored("S0001"));
    Alumnus s2 = alumni.selectByStudentNo("S0002");
    assertThat(s2.name()).isEqualTo("李四");
    assertThat(s2.gender()).isEqualTo("F");
    assertThat(s2.chapterCode()).isEqualTo("sh");
    assertThat(count("alumnus")).isEqualTo(2);
  }

  @Test
  void boundaryValuesAreAccepted() {
    String twenty = "ABCDEFGHIJ-123456789";
    Response r = postCsv(IMPORT, csv(
        row("ABCD", "name", "名".repeat(64), "gender", "", "major", "m".repeat(64), "degree", "DOCTOR",
            "enrollment_year", String.valueOf(THIS_YEAR), "graduation_year", String.valueOf(THIS_YEAR),
            "class_name", "c".repeat(64), "city", "c".repeat(64), "country", "c".repeat(64),
            "employer", "e".repeat(128), "industry", "i".repeat(128), "job_title", "j".repeat(128),
            "email", "a.b+c@mail.example.cn", "phone", "+86 138-0013-8000", "honors", "h".repeat(512),
            "consent_contact", "TRUE", "consent_fundraising", "Yes", "deceased", "1"),
        row(twenty, "enrollment_year", "1900", "graduation_year", "1900", "gender", "F", "degree", "MASTER",
            "phone", "1234567", "consent_contact", "false", "consent_fundraising", "NO", "deceased", "0"),
        row("0000", "enrollment_year", "", "graduation_year", "1999", "phone", "123456789012345", "email", "",
            "consent_contact", "", "consent_fundraising", "", "deceased", "")));

    assertReport(r, 3, 0, 0, 0);
    Alumnus a = alumni.selectByStudentNo("ABCD");
    assertThat(a.name()).hasSize(64);
    assertThat(a.gender()).isNull();
    assertThat(a.graduationYear()).isEqualTo(THIS_YEAR);
    assertThat(a.phone()).isEqualTo("+8613800138000");
    assertThat(a.honors()).hasSize(512);
    assertThat(a.employer()).hasSize(128);
    assertThat(a.consentContact()).isTrue();
    assertThat(a.consentFundraising()).isTrue();
    assertThat(a.deceased()).isTrue();
    Alumnus b = alumni.selectByStudentNo(twenty);
    assertThat(b.enrollmentYear()).isEqualTo(1900);
    assertThat(b.graduationYear()).isEqualTo(1900);
    assertThat(b.degree()).isEqualTo("MASTER");
    assertThat(b.phone()).isEqualTo("1234567");
    assertThat(b.consentContact()).isFalse();
    assertThat(b.consentFundraising()).isFalse();
    assertThat(b.deceased()).isFalse();
    Alumnus c = alumni.selectByStudentNo("0000");
    assertThat(c.enrollmentYear()).isNull();
    assertThat(c.email()).isNull();
    assertThat(c.consentContact()).isFalse();
    assertThat(c.consentFundraising()).isFalse();
    assertThat(c.deceased()).isFalse();
  }

  @Test
  void columnsInAnyOrder() {
    List<String> reversed = new ArrayList<>(COLUMNS);
    java.util.Collections.reverse(reversed);

    Response r = postCsv(IMPORT, csv(reversed, List.of(row("S0001"))));

    assertReport(r, 1, 0, 0, 0);
    assertThat(alumni.selectByStudentNo("S0001")).isEqualTo(stored("S0001"));
  }

  @Test
  void onlyTheRequiredColumns() {
    Response r = postCsv(IMPORT, csv(AlumniCsv.REQUIRED_COLUMNS, List.of(row("S0001"))));

    assertReport(r, 1, 0, 0, 0);
    assertThat(alumni.selectByStudentNo("S0001")).isEqualTo(new Alumnus("S0001", "张三", null, "cs", null, "BACHELOR",
        null, 2014, null, null, null, null, null, null, null, null, null, null, false, false, false));
  }

  @Test
  void leadingBomIsAccepted() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    file.writeBytes(csv(row("S0001")).getBytes(StandardCharsets.UTF_8));

    Response r = postCsv(IMPORT, file.toByteArray());

    assertReport(r, 1, 0, 0, 0);
    assertThat(alumni.selectByStudentNo("S0001")).isEqualTo(stored("S0001"));
  }

  @Test
  void crlfLineEndsAndNoTrailingNewline() {
    String file = csv(row("S0001"), row("S0002")).replace("\n", "\r\n").stripTrailing();

    assertReport(postCsv(IMPORT, file), 2, 0, 0, 0);
    assertThat(alumni.selectByStudentNo("S0002")).isEqualTo(stored("S0002"));
  }

  @Test
  void valuesAreTrimmed() {
    Map<String, String> padded = row("S0001");
    padded.replaceAll((column, value) -> "  " + value + " ");
    // a quoted value is trimmed too
    String file = csv(padded).replace("  张三 ", "\"  张三 \"");

    Response r = postCsv(IMPORT, file);

    assertReport(r, 1, 0, 0, 0);
    assertThat(alumni.selectByStudentNo("S0001")).isEqualTo(stored("S0001"));
    assertThat(alumni.selectByStudentNo("  S0001 ")).isNull();
  }

  @Test
  void quotedValuesWithCommasQuotesAndLineBreaks() {
    Response r = postCsv(IMPORT, csv(row("S0001", "employer", "Acme, Inc.", "job_title", "\"Chief\" Engineer",
        "honors", "优秀毕业生;\n三好学生")));

    assertReport(r, 1, 0, 0, 0);
    Alumnus a = alumni.selectByStudentNo("S0001");
    assertThat(a.employer()).isEqualTo("Acme, Inc.");
    assertThat(a.jobTitle()).isEqualTo("\"Chief\" Engineer");
    assertThat(a.honors()).isEqualTo("优秀毕业生;\n三好学生");
  }

  @Test
  void cityIsMappedToItsChapter() {
    Response r = postCsv(IMPORT, csv(row("S0001", "city", "Xi'an"), row("S0002", "city", " xian "),
        row("S0003", "city", "新加坡"), row("S0004", "city", "SHANGHAI"), row("S0005", "city", "Palo Alto"),
        row("S0006", "city", "Tokyo"), row("S0007", "city", ""), row("S0008", "city", "西安")));

    assertReport(r, 8, 0, 0, 0);
    assertThat(jdbc.queryForList("SELECT student_no, city, chapter_code FROM alumnus ORDER BY student_no"))
        .extracting(m -> m.get(key(m, "student_no")) + "|" + m.get(key(m, "city")) + "|"
            + m.get(key(m, "chapter_code")))
        .containsExactly("S0001|Xi'an|xa", "S0002|xian|xa", "S0003|新加坡|sg", "S0004|SHANGHAI|sh",
            "S0005|Palo Alto|sv", "S0006|Tokyo|null", "S0007|null|null", "S0008|西安|xa");
  }

  /** Column labels come back upper-case from H2 and lower-case from MariaDB. */
  private static String key(Map<String, Object> row, String column) {
    return row.containsKey(column) ? column : column.toUpperCase(java.util.Locale.ROOT);
  }

  // ---- every rule, one by one ----

  static Stream<Arguments> invalidValues() {
    String next = String.valueOf(THIS_YEAR + 1);
    return Stream.of(
        Arguments.of("student_no", "", "student_no is required"),
        Arguments.of("student_no", "S01", "student_no must be 4 to 20 letters, digits or '-'"),
        Arguments.of("student_no", "S".repeat(21), "student_no must be 4 to 20"),
        Arguments.of("student_no", "S_0001", "student_no must be 4 to 20"),
        Arguments.of("student_no", "S 0001", "student_no must be 4 to 20"),
        Arguments.of("student_no", "学号0001", "student_no must be 4 to 20"),
        Arguments.of("name", "", "name is required"),
        Arguments.of("name", "名".repeat(65), "name is 65 characters long; at most 64"),
        Arguments.of("gender", "X", "gender must be M, F or empty"),
        Arguments.of("gender", "male", "gender must be M, F or empty"),
        Arguments.of("college", "", "college is required"),
        Arguments.of("college", "arts", "unknown college 'arts'"),
        Arguments.of("major", "m".repeat(65), "major is 65 characters long; at most 64"),
        Arguments.of("degree", "", "degree is required"),
        Arguments.of("degree", "PHD", "degree must be BACHELOR, MASTER or DOCTOR"),
        Arguments.of("enrollment_year", "1899", "enrollment_year must be between 1900 and " + THIS_YEAR),
        Arguments.of("enrollment_year", next, "enrollment_year must be between 1900 and " + THIS_YEAR),
        Arguments.of("enrollment_year", "2010.0", "enrollment_year must be a year"),
        Arguments.of("enrollment_year", "二〇一〇", "enrollment_year must be a year"),
        Arguments.of("graduation_year", "", "graduation_year is required"),
        Arguments.of("graduation_year", "1899", "graduation_year must be between 1900 and " + THIS_YEAR),
        Arguments.of("graduation_year", next, "graduation_year must be between 1900 and " + THIS_YEAR),
        Arguments.of("graduation_year", "14", "graduation_year must be between 1900"),
        Arguments.of("graduation_year", "abc", "graduation_year must be a year"),
        Arguments.of("class_name", "班".repeat(65), "class_name is 65 characters long; at most 64"),
        Arguments.of("city", "c".repeat(65), "city is 65 characters long; at most 64"),
        Arguments.of("country", "国".repeat(65), "country is 65 characters long; at most 64"),
        Arguments.of("employer", "e".repeat(129), "employer is 129 characters long; at most 128"),
        Arguments.of("industry", "i".repeat(129), "industry is 129 characters long; at most 128"),
        Arguments.of("job_title", "j".repeat(129), "job_title is 129 characters long; at most 128"),
        Arguments.of("email", "zhang.example.cn", "is not an e-mail address"),
        Arguments.of("email", "zhang@example", "is not an e-mail address"),
        Arguments.of("email", "zhang san@example.cn", "is not an e-mail address"),
        Arguments.of("email", "zhang@@example.cn", "is not an e-mail address"),
        Arguments.of("phone", "123456", "must be 7 to 15 digits"),
        Arguments.of("phone", "1234567890123456", "must be 7 to 15 digits"),
        Arguments.of("phone", "138-0013-800x", "must be 7 to 15 digits"),
        Arguments.of("phone", "++8613800138000", "must be 7 to 15 digits"),
        Arguments.of("phone", "(010) 12345678", "must be 7 to 15 digits"),
        Arguments.of("honors", "h".repeat(513), "honors is 513 characters long; at most 512"),
        Arguments.of("consent_contact", "maybe", "consent_contact must be true/false, yes/no or 1/0"),
        Arguments.of("consent_fundraising", "y", "consent_fundraising must be true/false, yes/no or 1/0"),
        Arguments.of("deceased", "2", "deceased must be true/false, yes/no or 1/0"));
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @MethodSource("invalidValues")
  void eachRuleRejectsTheRowNamingLineAndColumn(String column, String value, String message) {
    Response r = postCsv(IMPORT, csv(row("S0001"), row("S0002", column, value), row("S0003")));

    assertRejected(r, 1, error(3, column, message));
    assertThat(count("alumnus")).isZero();
  }

  @Test
  void graduationBeforeEnrollmentIsAnErrorOfGraduationYear() {
    Response r = postCsv(IMPORT, csv(row("S0001", "enrollment_year", "2014", "graduation_year", "2014"),
        row("S0002", "enrollment_year", "2015", "graduation_year", "2014")));

    assertRejected(r, 1, error(3, "graduation_year", "graduation_year 2014 is before enrollment_year 2015"));
    assertThat(count("alumnus")).isZero();
  }

  @Test
  void everyErrorOfEveryRowIsListedInFileOrder() {
    Response r = postCsv(IMPORT, csv(row("S0001", "gender", "X", "degree", "PHD"), row("S0002"),
        row("S0003", "email", "nope", "consent_contact", "maybe", "college", "arts")));

    assertRejected(r, 2,
        error(2, "gender", "gender must be M, F or empty"),
        error(2, "degree", "degree must be BACHELOR, MASTER or DOCTOR"),
        error(4, "college", "unknown college"),
        error(4, "email", "is not an e-mail address"),
        error(4, "consent_contact", "must be true/false"));
    assertThat(count("alumnus")).isZero();
  }

  @Test
  void lineNumbersArePhysicalLinesAfterAMultiLineValue() {
    Response r = postCsv(IMPORT, csv(row("S0001", "honors", "一\n二\n三"), row("S0002", "degree", "PHD")));

    assertRejected(r, 1, error(5, "degree", "degree must be"));
  }

  // ---- header ----

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void unknownColumnIsAnError(boolean partial) {
    List<String> columns = new ArrayList<>(COLUMNS);
    columns.add(3, "nickname");

    Response r = postCsv(partial ? PARTIAL : IMPORT, csv(columns, List.of(row("S0001", "nickname", "小张"))));

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo("nickname");
      assertThat(e.message()).contains("unknown column 'nickname'");
    });
    assertThat(count("alumnus")).isZero();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void missingRequiredColumnIsAnError(boolean partial) {
    List<String> columns = new ArrayList<>(COLUMNS);
    columns.remove("degree");

    Response r = postCsv(partial ? PARTIAL : IMPORT, csv(columns, List.of(row("S0001"))));

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo("degree");
      assertThat(e.message()).contains("required column 'degree' is missing");
    });
    assertThat(r.json().get("detail").asText()).contains("header");
    assertThat(count("alumnus")).isZero();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void duplicateColumnIsAnError(boolean partial) {
    List<String> columns = new ArrayList<>(COLUMNS);
    columns.add("name");

    Response r = postCsv(partial ? PARTIAL : IMPORT, csv(columns, List.of(row("S0001"))));

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo("name");
      assertThat(e.message()).contains("column 'name' appears twice");
    });
    assertThat(count("alumnus")).isZero();
  }

  @Test
  void everyHeaderProblemIsListed() {
    String file = "student_no,name,nickname,college,college,graduation_year\nS0001,张三,小张,cs,cs,2014\n";

    Response r = postCsv(IMPORT, file);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.errors()).extracting(ImportError::line).containsOnly(1L);
    assertThat(r.errors()).extracting(ImportError::column).containsExactlyInAnyOrder("nickname", "college", "degree");
    assertThat(count("alumnus")).isZero();
  }

  // ---- all or nothing, partial ----

  @Test
  void allOrNothingWritesNothingWhenARowIsInvalid() {
    assertReport(postCsv(IMPORT, csv(row("S0001"))), 1, 0, 0, 0);
    List<Map<String, Object>> before = alumnusRows();

    Response r = postCsv(IMPORT, csv(row("S0001", "name", "张三丰"), row("S0002"), row("S0003", "degree", "PHD"),
        row("S0004", "email", "nope", "gender", "X")));

    assertRejected(r, 2,
        error(4, "degree", "degree must be"),
        error(5, "gender", "gender must be"),
        error(5, "email", "is not an e-mail address"));
    assertThat(alumnusRows()).isEqualTo(before);
    assertThat(count("alumnus")).isEqualTo(1);
    assertThat(alumni.selectByStudentNo("S0001").name()).isEqualTo("张三");
  }

  @Test
  void partialWritesTheValidRowsAndListsTheInvalid() {
    assertReport(postCsv(IMPORT, csv(row("S0001"))), 1, 0, 0, 0);

    Response r = postCsv(PARTIAL, csv(row("S0001", "name", "张三丰"), row("S0002"), row("S0003", "degree", "PHD"),
        row("S0004", "email", "nope", "gender", "X"), row("S0005")));

    assertReport(r, 2, 1, 0, 2);
    assertThat(r.json().get("errorCount").asInt()).isEqualTo(3);
    assertThat(r.errors()).extracting(ImportError::line, ImportError::column).containsExactly(
        org.assertj.core.groups.Tuple.tuple(4L, "degree"), org.assertj.core.groups.Tuple.tuple(5L, "gender"),
        org.assertj.core.groups.Tuple.tuple(5L, "email"));
    assertThat(alumni.selectByStudentNo("S0001").name()).isEqualTo("张三丰");
    assertThat(alumni.selectByStudentNo("S0002")).isEqualTo(stored("S0002"));
    assertThat(alumni.selectByStudentNo("S0005")).isEqualTo(stored("S0005"));
    assertThat(alumni.selectByStudentNo("S0003")).isNull();
    assertThat(alumni.selectByStudentNo("S0004")).isNull();
    assertThat(count("alumnus")).isEqualTo(3);
  }

  @Test
  void partialWithEveryRowInvalidWritesNothing() {
    Response r = postCsv(PARTIAL, csv(row("S0001", "degree", "PHD"), row("S0002", "college", "")));

    assertReport(r, 0, 0, 0, 2);
    assertThat(r.errors()).hasSize(2);
    assertThat(count("alumnus")).isZero();
  }

  // ---- upsert ----

  @Test
  void upsertByStudentNo() {
    assertReport(postCsv(IMPORT, csv(row("S0001"), row("S0002"))), 2, 0, 0, 0);
    jdbc.update("UPDATE alumnus SET updated_at = ?", java.sql.Timestamp.valueOf("2020-01-01 00:00:00"));

    String second = csv(row("S0001", "employer", "阿里巴巴", "city", "杭州", "consent_fundraising", "yes"),
        row("S0002"), row("S0003"));
    Response r = postCsv(IMPORT, second);

    assertReport(r, 1, 1, 1, 0);
    Alumnus s1 = alumni.selectByStudentNo("S0001");
    assertThat(s1.employer()).isEqualTo("阿里巴巴");
    assertThat(s1.city()).isEqualTo("杭州");
    assertThat(s1.chapterCode()).isEqualTo("hz");
    assertThat(s1.consentFundraising()).isTrue();
    assertThat(alumni.selectByStudentNo("S0002")).isEqualTo(stored("S0002"));
    assertThat(alumni.selectFactsByStudentNo("S0001").updatedAt()).isAfter(java.time.LocalDateTime.of(2020, 1, 2, 0,
        0));
    assertThat(alumni.selectFactsByStudentNo("S0002").updatedAt()).isEqualTo(java.time.LocalDateTime.of(2020, 1, 1,
        0, 0));
    assertThat(count("alumnus")).isEqualTo(3);

    List<Map<String, Object>> before = alumnusRows();
    Response again = postCsv(IMPORT, second);

    assertReport(again, 0, 0, 3, 0);
    assertThat(alumnusRows()).isEqualTo(before);
  }

  @Test
  void sameFileTwiceChangesNothing() {
    String file = csv(row("S0001"), row("S0002", "gender", "", "enrollment_year", "", "email", "", "phone", ""),
        row("S0003", "city", "Xi'an", "consent_contact", "TRUE"));
    assertReport(postCsv(IMPORT, file), 3, 0, 0, 0);
    List<Map<String, Object>> before = alumnusRows();

    Response r = postCsv(IMPORT, file);

    assertReport(r, 0, 0, 3, 0);
    assertThat(alumnusRows()).isEqualTo(before);
  }

  @Test
  void studentNoTwiceInAFileIsAnErrorOnTheSecondOccurrence() {
    Response r = postCsv(IMPORT, csv(row("S0001"), row("S0002"), row("S0001", "name", "另一个")));

    assertRejected(r, 1, error(4, "student_no", "already appears on line 2"));
    assertThat(count("alumnus")).isZero();
  }

  @Test
  void studentNoIsAKeyInUpperCase() {
    assertReport(postCsv(IMPORT, csv(row("s2016001-a"))), 1, 0, 0, 0);
    assertThat(alumni.selectByStudentNo("S2016001-A")).isEqualTo(stored("S2016001-A"));

    // the same number in the other case is the same alumnus
    assertReport(postCsv(IMPORT, csv(row("S2016001-A", "name", "张三丰"))), 0, 1, 0, 0);
    assertThat(alumni.selectByStudentNo("S2016001-A").name()).isEqualTo("张三丰");
    assertThat(count("alumnus")).isEqualTo(1);

    Response twice = postCsv(IMPORT, csv(row("S0001"), row("s0001")));
    assertRejected(twice, 1, error(3, "student_no", "already appears on line 2"));
  }

  @Test
  void studentNoTwiceWithPartialKeepsTheFirstOccurrence() {
    Response r = postCsv(PARTIAL, csv(row("S0001"), row("S0002"), row("S0001", "name", "另一个")));

    assertReport(r, 2, 0, 0, 1);
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.column()).isEqualTo("student_no");
      assertThat(e.message()).contains("already appears on line 2");
    });
    assertThat(alumni.selectByStudentNo("S0001").name()).isEqualTo("张三");
  }

  // ---- malformed files: 4xx problem, nothing written, partial or not ----

  private List<Map<String, Object>> seedOne() {
    assertReport(postCsv(IMPORT, csv(row("S0001"))), 1, 0, 0, 0);
    return alumnusRows();
  }

  private void assertMalformed(Response r, int status, Long line, String message, List<Map<String, Object>> before) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().get("detail").asText()).contains(message);
    if (line != null) {
      assertThat(r.errors()).extracting(ImportError::line).containsExactly(line);
    }
    assertThat(alumnusRows()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void unbalancedQuotes(boolean partial) {
    List<Map<String, Object>> before = seedOne();
    String file = csv(row("S0001", "name", "改名"), row("S0002")) + "S0003,\"张三,M,cs\n";

    assertMalformed(postCsv(partial ? PARTIAL : IMPORT, file), 400, 4L, "never closed", before);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void wrongColumnCount(boolean partial) {
    List<Map<String, Object>> before = seedOne();
    String file = csv(row("S0001", "name", "改名"), row("S0002")) + "S0003,张三,M\n" + csv(row("S0004")).split("\n")[1];

    assertMalformed(postCsv(partial ? PARTIAL : IMPORT, file), 400, 4L, "has 3 fields but the header has 20", before);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void badUtf8(boolean partial) {
    List<Map<String, Object>> before = seedOne();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(csv(row("S0001", "name", "改名"), row("S0002")).getBytes(StandardCharsets.UTF_8));
    file.writeBytes(csv(row("S0003", "name", "Jos\u00e9")).split("\n")[1].getBytes(StandardCharsets.ISO_8859_1));
    file.writeBytes("\n".getBytes(StandardCharsets.UTF_8));

    assertMalformed(postCsv(partial ? PARTIAL : IMPORT, file.toByteArray()), 400, 4L, "not valid UTF-8", before);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void emptyBody(boolean partial) {
    List<Map<String, Object>> before = seedOne();

    assertMalformed(postCsv(partial ? PARTIAL : IMPORT, ""), 400, 1L, "empty", before);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void headerOnly(boolean partial) {
    List<Map<String, Object>> before = seedOne();

    assertMalformed(postCsv(partial ? PARTIAL : IMPORT, String.join(",", COLUMNS) + "\n"), 400, 1L, "no rows",
        before);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void emptyLineInTheMiddle(boolean partial) {
    List<Map<String, Object>> before = seedOne();
    String file = csv(row("S0001", "name", "改名")) + "\n" + csv(row("S0002")).split("\n")[1] + "\n";

    assertMalformed(postCsv(partial ? PARTIAL : IMPORT, file), 400, 3L, "empty line", before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "text/plain", "application/octet-stream"})
  void wrongContentType(String contentType) {
    List<Map<String, Object>> before = seedOne();
    byte[] body = csv(row("S0001", "name", "改名"), row("S0002")).getBytes(StandardCharsets.UTF_8);

    for (String path : List.of(IMPORT, PARTIAL)) {
      Response r = post(path, contentType, body, adminUser, adminPassword);
      assertThat(r.status()).as(r.toString()).isEqualTo(415);
      assertThat(r.isProblem()).as(r.toString()).isTrue();
      assertThat(r.json().get("detail").asText()).contains(contentType).contains("text/csv");
    }
    Response none = post(IMPORT, null, body, adminUser, adminPassword);
    assertThat(none.status()).as(none.toString()).isEqualTo(415);
    assertThat(none.isProblem()).isTrue();
    assertThat(alumnusRows()).isEqualTo(before);
  }

  @Test
  void textCsvWithCharsetIsAccepted() {
    Response r = post(IMPORT, "text/csv; charset=UTF-8", csv(row("S0001")).getBytes(StandardCharsets.UTF_8),
        adminUser, adminPassword);

    assertReport(r, 1, 0, 0, 0);
  }
}
