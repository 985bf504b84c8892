package edu.alumni.engine.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import edu.alumni.engine.csv.ImportError;
import edu.alumni.engine.system.HttpTestSupport;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /api/gifts/import over HTTP: every rule of DATA.md's gifts.csv and insert-only semantics by gift_ref. */
@Tag("database")
class GiftImportTests extends HttpTestSupport {

  static final String IMPORT = "/api/gifts/import";
  static final String PARTIAL = "/api/gifts/import?partial=true";
  static final String HEADER = "gift_ref,student_no,amount_cny,gift_date,fund_code,channel";

  /** The service's "today" is in the university's time zone (ClockConfiguration). */
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  GiftMapper gifts;

  @Autowired
  HistoryService history;

  @Autowired
  Clock clock;

  @BeforeEach
  void registryWithTwoAlumni() {
    cleanRegistry();
    assertThat(LocalDate.now(clock)).as("the service's today").isEqualTo(TODAY);
    Response r = postCsv("/api/alumni/import", """
        student_no,name,college,degree,graduation_year
        S0001,陈静,econ,BACHELOR,2005
        S0002,赵强,med,DOCTOR,2012
        """);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  private static String file(String... rows) {
    return HEADER + "\n" + String.join("\n", rows) + "\n";
  }

  private static Gift gift(String ref, String studentNo, String amount, String date, String fund, String channel) {
    return new Gift(ref, studentNo, new BigDecimal(amount).setScale(2), LocalDate.parse(date), fund, channel);
  }

  private static void assertReport(Response r, int imported, int duplicates, int rejected) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("imported").asInt()).as("imported").isEqualTo(imported);
    assertThat(json.get("duplicates").asInt()).as("duplicates").isEqualTo(duplicates);
    assertThat(json.get("rejected").asInt()).as("rejected").isEqualTo(rejected);
  }

  // ---- valid files ----

  @Test
  void importsGiftsWithExactAmounts() {
    long instancesBefore = history.createHistoricProcessInstanceQuery().count();

    Response r = postCsv(IMPORT, file(
        "G-2024.001,S0001,9999999999.99,2024-01-15,general,BANK_TRANSFER",
        "G-2024.002,S0001,0.01,2024-02-29,scholarship,ONLINE",
        "G-2024.003,S0002,10000000000,2020-06-01,library,",
        "G-2024.004,S0002,1500.5,2019-12-31,green-campus,CHEQUE",
        "g_5,S0002,100.10,2018-01-01,discipline,CASH",
        "G6,S0001,7,2017-01-01,alumni-service,STOCK",
        "G7,S0001,8,2017-01-02,general,IN_KIND"));

    assertReport(r, 7, 0, 0);
    assertThat(r.errors()).isEmpty();
    assertThat(gifts.selectByGiftRef("G-2024.001"))
        .isEqualTo(gift("G-2024.001", "S0001", "9999999999.99", "2024-01-15", "general", "BANK_TRANSFER"));
    assertThat(gifts.selectByGiftRef("G-2024.002"))
        .isEqualTo(gift("G-2024.002", "S0001", "0.01", "2024-02-29", "scholarship", "ONLINE"));
    assertThat(gifts.selectByGiftRef("G-2024.003"))
        .isEqualTo(gift("G-2024.003", "S0002", "10000000000.00", "2020-06-01", "library", null));
    assertThat(gifts.selectByGiftRef("G-2024.004").amountCny()).isEqualTo(new BigDecimal("1500.50"));
    // keys are stored upper-case (docs/import-formats.md)
    assertThat(gifts.selectByGiftRef("G_5").amountCny()).isEqualTo(new BigDecimal("100.10"));
    assertThat(gifts.selectByGiftRef("G7").channel()).isEqualTo("IN_KIND");
    assertThat(count("gift")).isEqualTo(7);
    // historical gifts start no process
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void giftDatedTodayIsAccepted() {
    assertReport(postCsv(IMPORT, file("T1,S0001,1," + TODAY + ",general,")), 1, 0, 0);
    assertThat(gifts.selectByGiftRef("T1").giftDate()).isEqualTo(TODAY);
  }

  @Test
  void fortyCharacterGiftRefIsAccepted() {
    String ref = "A.b_C-" + "9".repeat(34);

    assertReport(postCsv(IMPORT, file(ref + ",S0002,1,2020-01-01,general,")), 1, 0, 0);
    assertThat(gifts.selectByGiftRef(ref.toUpperCase(java.util.Locale.ROOT))).isNotNull();
  }

  @Test
  void keysCompareCaseInsensitively() {
    Response r = postCsv(IMPORT, file("g-1,s0001,10,2023-01-01,general,online"));

    assertReport(r, 1, 0, 0);
    assertThat(gifts.selectByGiftRef("G-1")).isEqualTo(gift("G-1", "S0001", "10", "2023-01-01", "general", "ONLINE"));

    // the same gift written in the other case is the same gift: a duplicate, skipped
    assertReport(postCsv(IMPORT, file("G-1,S0001,10.00,2023-01-01,general,ONLINE")), 0, 1, 0);
    // and one gift_ref in two cases within a file is a repeat
    Response twice = postCsv(IMPORT, file("G-2,S0001,1,2023-01-01,general,", "g-2,S0001,1,2023-01-01,general,"));
    assertRejected(twice, 1, error(3, "gift_ref", "already appears on line 2"));
    assertThat(count("gift")).isEqualTo(1);
  }

  @Test
  void columnsInAnyOrderWithBomAndTrimmedValues() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    body.writeBytes(("channel,fund_code,gift_date,amount_cny,student_no,gift_ref\r\n"
        + " ONLINE , scholarship , 2023-05-04 , 200.00 , S0001 ,\" G1 \"\r\n"
        + ",general,2023-05-05,300,S0002,G2\r\n").getBytes(StandardCharsets.UTF_8));

    Response r = postCsv(IMPORT, body.toByteArray());

    assertReport(r, 2, 0, 0);
    assertThat(gifts.selectByGiftRef("G1")).isEqualTo(gift("G1", "S0001", "200.00", "2023-05-04", "scholarship",
        "ONLINE"));
    assertThat(gifts.selectByGiftRef("G2")).isEqualTo(gift("G2", "S0002", "300.00", "2023-05-05", "general", null));
  }

  @Test
  void withoutTheOptionalChannelColumn() {
    Response r = postCsv(IMPORT, "gift_ref,student_no,amount_cny,gift_date,fund_code\nG1,S0001,5,2023-01-01,general\n");

    assertReport(r, 1, 0, 0);
    assertThat(gifts.selectByGiftRef("G1").channel()).isNull();
  }

  // ---- every rule, one by one ----

  static Stream<Arguments> invalidValues() {
    String tomorrow = TODAY.plusDays(1).toString();
    return Stream.of(
        Arguments.of("gift_ref", "", "gift_ref is required"),
        Arguments.of("gift_ref", "G".repeat(41), "gift_ref must be 1 to 40 letters, digits, '.', '_' or '-'"),
        Arguments.of("gift_ref", "G 1", "gift_ref must be 1 to 40"),
        Arguments.of("gift_ref", "G#1", "gift_ref must be 1 to 40"),
        Arguments.of("gift_ref", "礼1", "gift_ref must be 1 to 40"),
        Arguments.of("student_no", "", "student_no is required"),
        Arguments.of("student_no", "S9999", "no alumnus with student_no S9999 is in the registry"),
        Arguments.of("amount_cny", "", "amount_cny is required"),
        Arguments.of("amount_cny", "0", "amount_cny must be greater than 0"),
        Arguments.of("amount_cny", "0.00", "amount_cny must be greater than 0"),
        Arguments.of("amount_cny", "-5", "amount_cny must be greater than 0"),
        Arguments.of("amount_cny", "1.005", "amount_cny has more than 2 decimals"),
        Arguments.of("amount_cny", "0.001", "amount_cny has more than 2 decimals"),
        Arguments.of("amount_cny", "10000000000.01", "is more than the maximum of 10,000,000,000"),
        Arguments.of("amount_cny", "20000000000", "is more than the maximum of 10,000,000,000"),
        Arguments.of("amount_cny", "\"1,000\"", "amount_cny must be a number such as 1500 or 1500.50"),
        Arguments.of("amount_cny", "¥100", "amount_cny must be a number"),
        Arguments.of("amount_cny", "1e3", "amount_cny must be a number"),
        Arguments.of("amount_cny", "12.", "amount_cny must be a number"),
        Arguments.of("amount_cny", "abc", "amount_cny must be a number"),
        Arguments.of("gift_date", "", "gift_date is required"),
        Arguments.of("gift_date", tomorrow, "gift_date " + tomorrow + " is in the future"),
        Arguments.of("gift_date", "2999-01-01", "is in the future"),
        Arguments.of("gift_date", "2024/01/15", "gift_date must be a date written yyyy-MM-dd"),
        Arguments.of("gift_date", "2023-02-30", "gift_date must be a date written yyyy-MM-dd"),
        Arguments.of("gift_date", "2023-02-29", "gift_date must be a date written yyyy-MM-dd"),
        Arguments.of("gift_date", "2023-13-01", "gift_date must be a date written yyyy-MM-dd"),
        Arguments.of("gift_date", "2023-2-3", "gift_date must be a date written yyyy-MM-dd"),
        Arguments.of("gift_date", "20240115", "gift_date must be a date written yyyy-MM-dd"),
        Arguments.of("gift_date", "15.01.2024", "gift_date must be a date written yyyy-MM-dd"),
        Arguments.of("fund_code", "", "fund_code is required"),
        Arguments.of("fund_code", "building", "unknown fund 'building'"),
        Arguments.of("channel", "PAYPAL", "channel must be one of ONLINE, BANK_TRANSFER"));
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @MethodSource("invalidValues")
  void eachRuleRejectsTheRowNamingLineAndColumn(String column, String value, String message) {
    List<String> columns = Arrays.asList(HEADER.split(","));
    String[] bad = "G2,S0002,250.00,2023-03-03,general,CASH".split(",");
    bad[columns.indexOf(column)] = value;

    Response r = postCsv(IMPORT, file("G1,S0001,100,2023-01-01,general,ONLINE", String.join(",", bad),
        "G3,S0001,100,2023-01-01,general,ONLINE"));

    assertRejected(r, 1, error(3, column, message));
    assertThat(count("gift")).isZero();
  }

  @Test
  void everyErrorOfEveryRowIsListed() {
    Response r = postCsv(IMPORT, file(
        "G1,S0001,0,2023-02-30,general,",
        "G2,S0001,1,2023-01-01,general,",
        "G 3,S9999,1.001,2023-01-01,nofund,FAX"));

    assertRejected(r, 2,
        error(2, "amount_cny", "greater than 0"),
        error(2, "gift_date", "yyyy-MM-dd"),
        error(4, "gift_ref", "gift_ref must be"),
        error(4, "amount_cny", "more than 2 decimals"),
        error(4, "fund_code", "unknown fund"),
        error(4, "channel", "channel must be one of"));
    assertThat(count("gift")).isZero();
  }

  @Test
  void giftToAnUnknownAlumnusWithPartial() {
    Response r = postCsv(PARTIAL, file("G1,S0001,1,2023-01-01,general,", "G2,S9999,1,2023-01-01,general,"));

    assertReport(r, 1, 0, 1);
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo("student_no");
      assertThat(e.message()).contains("S9999");
    });
    assertThat(gifts.selectByGiftRef("G1")).isNotNull();
    assertThat(gifts.selectByGiftRef("G2")).isNull();
  }

  // ---- gift_ref: once per file, insert-only ----

  @Test
  void giftRefTwiceInAFileIsAnErrorOnTheSecondOccurrence() {
    Response r = postCsv(IMPORT, file("G1,S0001,1,2023-01-01,general,", "G2,S0001,2,2023-01-02,general,",
        "G1,S0001,1,2023-01-01,general,"));

    assertRejected(r, 1, error(4, "gift_ref", "gift_ref G1 already appears on line 2"));
    assertThat(count("gift")).isZero();
  }

  @Test
  void giftRefTwiceWithPartialKeepsTheFirstOccurrence() {
    Response r = postCsv(PARTIAL, file("G1,S0001,1,2023-01-01,general,", "G2,S0001,2,2023-01-02,general,",
        "G1,S0002,9,2023-01-09,library,"));

    assertReport(r, 2, 0, 1);
    assertThat(r.errors()).extracting(ImportError::line, ImportError::column).containsExactly(tuple(4L, "gift_ref"));
    assertThat(gifts.selectByGiftRef("G1")).isEqualTo(gift("G1", "S0001", "1", "2023-01-01", "general", null));
  }

  @Test
  void storedGiftWithTheSameValuesIsADuplicateAndSkipped() {
    assertReport(postCsv(IMPORT, file("G1,S0001,100,2023-01-01,general,ONLINE")), 1, 0, 0);
    List<Map<String, Object>> before = giftRows();

    // 100.00 is the same amount as 100; the channel is compared after normalisation
    Response r = postCsv(IMPORT, file("G1,S0001,100.00,2023-01-01,general,ONLINE", "G2,S0002,50,2023-02-01,library,"));

    assertReport(r, 1, 1, 0);
    assertThat(r.errors()).isEmpty();
    assertThat(giftRows().stream().filter(row -> row.containsValue("G1")).toList())
        .isEqualTo(before);
    assertThat(count("gift")).isEqualTo(2);

    List<Map<String, Object>> afterSecond = giftRows();
    Response again = postCsv(IMPORT, file("G1,S0001,100.00,2023-01-01,general,ONLINE",
        "G2,S0002,50,2023-02-01,library,"));
    assertReport(again, 0, 2, 0);
    assertThat(giftRows()).isEqualTo(afterSecond);
  }

  static Stream<Arguments> otherValues() {
    return Stream.of(
        Arguments.of("G1,S0002,100,2023-01-01,general,ONLINE"),
        Arguments.of("G1,S0001,100.01,2023-01-01,general,ONLINE"),
        Arguments.of("G1,S0001,100,2023-01-02,general,ONLINE"),
        Arguments.of("G1,S0001,100,2023-01-01,library,ONLINE"),
        Arguments.of("G1,S0001,100,2023-01-01,general,CASH"),
        Arguments.of("G1,S0001,100,2023-01-01,general,"));
  }

  @ParameterizedTest
  @MethodSource("otherValues")
  void storedGiftWithOtherValuesIsAnErrorAndNeverChanged(String row) {
    assertReport(postCsv(IMPORT, file("G1,S0001,100,2023-01-01,general,ONLINE")), 1, 0, 0);
    List<Map<String, Object>> before = giftRows();

    Response r = postCsv(IMPORT, file("G2,S0002,50,2023-02-01,library,", row));

    assertRejected(r, 1, error(3, "gift_ref", "gift_ref G1 is already stored with other values"));
    assertThat(giftRows()).isEqualTo(before);
    assertThat(gifts.selectByGiftRef("G1")).isEqualTo(gift("G1", "S0001", "100", "2023-01-01", "general", "ONLINE"));
  }

  @Test
  void storedGiftWithOtherValuesWithPartialWritesTheOthersOnly() {
    assertReport(postCsv(IMPORT, file("G1,S0001,100,2023-01-01,general,ONLINE")), 1, 0, 0);

    Response r = postCsv(PARTIAL, file("G2,S0002,50,2023-02-01,library,", "G1,S0001,999,2023-01-01,general,ONLINE"));

    assertReport(r, 1, 0, 1);
    assertThat(r.errors()).extracting(ImportError::line, ImportError::column).containsExactly(tuple(3L, "gift_ref"));
    assertThat(gifts.selectByGiftRef("G1").amountCny()).isEqualTo(new BigDecimal("100.00"));
    assertThat(gifts.selectByGiftRef("G2")).isNotNull();
  }

  // ---- all or nothing ----

  @Test
  void allOrNothingWritesNothingWhenARowIsInvalid() {
    assertReport(postCsv(IMPORT, file("G0,S0001,1,2020-01-01,general,")), 1, 0, 0);
    List<Map<String, Object>> before = giftRows();

    Response r = postCsv(IMPORT, file("G1,S0001,1,2023-01-01,general,", "G2,S0001,-1,2023-01-01,general,",
        "G3,S0002,1,2023-01-01,general,"));

    assertRejected(r, 1, error(3, "amount_cny", "greater than 0"));
    assertThat(giftRows()).isEqualTo(before);
  }

  @Test
  void partialWritesTheValidRowsAndListsTheInvalid() {
    Response r = postCsv(PARTIAL, file("G1,S0001,1,2023-01-01,general,", "G2,S0001,-1,2023-01-01,general,",
        "G3,S0002,1," + TODAY.plusDays(1) + ",general,", "G4,S0002,2.50,2023-01-01,general,"));

    assertReport(r, 2, 0, 2);
    assertThat(r.json().get("errorCount").asInt()).isEqualTo(2);
    assertThat(r.errors()).extracting(ImportError::line, ImportError::column)
        .containsExactly(tuple(3L, "amount_cny"), tuple(4L, "gift_date"));
    assertThat(giftRows()).hasSize(2);
    assertThat(gifts.selectByGiftRef("G4").amountCny()).isEqualTo(new BigDecimal("2.50"));
  }

  // ---- header ----

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void headerProblemsAreErrorsOfLineOne(boolean partial) {
    String path = partial ? PARTIAL : IMPORT;

    Response unknown = postCsv(path, HEADER + ",note\nG1,S0001,1,2023-01-01,general,,hi\n");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.isProblem()).isTrue();
    assertThat(unknown.errors()).extracting(ImportError::line, ImportError::column).containsExactly(tuple(1L, "note"));
    assertThat(unknown.errors().get(0).message()).contains("unknown column 'note'");

    Response missing = postCsv(path, "gift_ref,student_no,gift_date,fund_code\nG1,S0001,2023-01-01,general\n");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.errors()).extracting(ImportError::line, ImportError::column)
        .containsExactly(tuple(1L, "amount_cny"));
    assertThat(missing.errors().get(0).message()).contains("required column 'amount_cny' is missing");

    Response twice = postCsv(path, HEADER + ",gift_date\nG1,S0001,1,2023-01-01,general,,2023-01-01\n");
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.errors()).extracting(ImportError::line, ImportError::column)
        .containsExactly(tuple(1L, "gift_date"));
    assertThat(twice.errors().get(0).message()).contains("appears twice");

    assertThat(count("gift")).isZero();
  }

  // ---- malformed files ----

  static Stream<Arguments> malformed() {
    List<Arguments> cases = new ArrayList<>();
    for (boolean partial : new boolean[] {false, true}) {
      cases.add(Arguments.of(partial, "unbalanced quotes",
          file("G1,S0001,1,2023-01-01,general,", "G2,S0001,\"1,2023-01-01,general,").getBytes(StandardCharsets.UTF_8),
          3L, "never closed"));
      cases.add(Arguments.of(partial, "wrong column count",
          file("G1,S0001,1,2023-01-01,general,", "G2,S0001,1,2023-01-01,general", "G3,S0001,1,2023-01-01,general,")
              .getBytes(StandardCharsets.UTF_8), 3L, "has 5 fields but the header has 6"));
      cases.add(Arguments.of(partial, "bad UTF-8",
          file("G1,S0001,1,2023-01-01,general,", "G2,S0001,1,2023-01-01,g\u00e9n\u00e9ral,")
              .getBytes(StandardCharsets.ISO_8859_1), 3L, "not valid UTF-8"));
      cases.add(Arguments.of(partial, "empty body", new byte[0], 1L, "empty"));
      cases.add(Arguments.of(partial, "header only", (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8), 1L,
          "no rows"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "partial={0}: {1}")
  @MethodSource("malformed")
  void malformedFileIsRefusedAndNothingWritten(boolean partial, String what, byte[] body, Long line, String message) {
    assertReport(postCsv(IMPORT, file("G0,S0001,1,2020-01-01,general,")), 1, 0, 0);
    List<Map<String, Object>> before = giftRows();

    Response r = postCsv(partial ? PARTIAL : IMPORT, body);

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().get("detail").asText()).contains(message).contains("Nothing was imported");
    assertThat(r.errors()).extracting(ImportError::line).containsExactly(line);
    assertThat(giftRows()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void wrongContentTypeIsRefused(boolean partial) {
    byte[] body = file("G1,S0001,1,2023-01-01,general,").getBytes(StandardCharsets.UTF_8);

    Response r = post(partial ? PARTIAL : IMPORT, "application/json", body, adminUser, adminPassword);

    assertThat(r.status()).as(r.toString()).isEqualTo(415);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.json().get("detail").asText()).contains("text/csv");
    assertThat(count("gift")).isZero();
  }
}
