package edu.alumni.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import edu.alumni.engine.csv.CsvReader;
import edu.alumni.engine.csv.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo registry is deterministic, valid by DATA.md row by row (read back through the service's own CSV reader,
 * checked against the rules of DATA.md here), and shaped as designed. Plain Java: no Spring, no database; the import
 * of a generated set through the real service is {@link DemoRegistryImportTests}.
 */
class DemoRegistryGeneratorTests {

  static final long SEED = 20261125L;
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
  static final int ALUMNI = 20_000;

  // DATA.md, alumni.csv and gifts.csv
  static final Pattern STUDENT_NO = Pattern.compile("[A-Za-z0-9-]{4,20}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
  static final Pattern GIFT_REF = Pattern.compile("[A-Za-z0-9._-]{1,40}");
  static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");
  static final Set<String> FLAGS = Set.of("", "true", "false", "yes", "no", "1", "0");
  static final Set<String> TRUE = Set.of("true", "yes", "1");
  static final Set<String> CHANNELS = Set.of("", "ONLINE", "BANK_TRANSFER", "CHEQUE", "CASH", "STOCK", "IN_KIND");
  static final Set<String> FUNDS = Set.of("general", "scholarship", "green-campus", "discipline", "alumni-service",
      "library");
  static final Set<String> COLLEGES = Set.of("cs", "ee", "me", "civil", "chem", "math", "phys", "econ", "mgmt",
      "law", "lit", "med");
  /** DOMAIN.md's chapter table, city (as written there) to chapter. */
  static final Map<String, String> CHAPTER_CITIES = Map.ofEntries(
      Map.entry("北京", "bj"), Map.entry("Beijing", "bj"), Map.entry("上海", "sh"), Map.entry("Shanghai", "sh"),
      Map.entry("广州", "gz"), Map.entry("Guangzhou", "gz"), Map.entry("深圳", "sz"), Map.entry("Shenzhen", "sz"),
      Map.entry("杭州", "hz"), Map.entry("Hangzhou", "hz"), Map.entry("南京", "nj"), Map.entry("Nanjing", "nj"),
      Map.entry("武汉", "wh"), Map.entry("Wuhan", "wh"), Map.entry("成都", "cd"), Map.entry("Chengdu", "cd"),
      Map.entry("西安", "xa"), Map.entry("Xi'an", "xa"), Map.entry("Xian", "xa"),
      Map.entry("San Francisco", "sv"), Map.entry("San Jose", "sv"), Map.entry("Palo Alto", "sv"),
      Map.entry("Mountain View", "sv"), Map.entry("Sunnyvale", "sv"), Map.entry("Singapore", "sg"),
      Map.entry("新加坡", "sg"), Map.entry("London", "ldn"), Map.entry("伦敦", "ldn"));
  static final List<String> EXECUTIVE = List.of("ceo", "cfo", "cto", "president", "chairman", "founder", "partner",
      "总裁", "总经理", "董事长", "创始人", "合伙人");

  static List<Map<String, String>> alumni;
  static List<Map<String, String>> gifts;
  static DemoRegistryGenerator.Totals totals;

  @BeforeAll
  static void generate() throws IOException {
    StringWriter a = new StringWriter();
    StringWriter g = new StringWriter();
    totals = new DemoRegistryGenerator(SEED, AS_OF).write(ALUMNI, a, g);
    alumni = read(a.toString());
    gifts = read(g.toString());
  }

  /** Reads a CSV through the service's reader: well-formed RFC 4180 UTF-8 or it throws. Values are trimmed. */
  static List<Map<String, String>> read(String csv) {
    try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
      List<String> header = reader.next().fields();
      List<Map<String, String>> rows = new ArrayList<>();
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), r.fields().get(i).strip());
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String header(String csv) {
    return csv.substring(0, csv.indexOf('\n'));
  }

  @SuppressWarnings("unchecked")
  static List<String> columnsOf(String formatClass) throws ReflectiveOperationException {
    Field f = Class.forName(formatClass).getDeclaredField("COLUMNS");
    f.setAccessible(true);
    return (List<String>) f.get(null);
  }

  @Test
  void theSameSeedGivesTheSameFilesAndAnotherSeedOthers() throws IOException {
    String[] first = generate(SEED, 2_000);
    String[] again = generate(SEED, 2_000);
    String[] other = generate(SEED + 1, 2_000);

    assertThat(again[0]).isEqualTo(first[0]);
    assertThat(again[1]).isEqualTo(first[1]);
    assertThat(other[0]).isNotEqualTo(first[0]);
    assertThat(other[1]).isNotEqualTo(first[1]);
  }

  @Test
  void aShorterRunIsTheStartOfALongerOne() throws IOException {
    String[] small = generate(SEED, 500);
    String[] large = generate(SEED, 2_000);

    assertThat(large[0]).startsWith(small[0]);
    assertThat(large[1]).startsWith(small[1]);
  }

  @Test
  void alumniWithoutGiftsAreTheSameAlumni() throws IOException {
    StringWriter alone = new StringWriter();
    new DemoRegistryGenerator(SEED, AS_OF).writeAlumni(2_000, alone);

    assertThat(alone.toString()).isEqualTo(generate(SEED, 2_000)[0]);
  }

  static String[] generate(long seed, int count) throws IOException {
    StringWriter a = new StringWriter();
    StringWriter g = new StringWriter();
    new DemoRegistryGenerator(seed, AS_OF).write(count, a, g);
    return new String[] {a.toString(), g.toString()};
  }

  @Test
  void headersAreThoseOfTheImportFormats() throws Exception {
    String[] files = generate(SEED, 10);

    assertThat(header(files[0])).isEqualTo(String.join(",", columnsOf("edu.alumni.engine.alumni.AlumniCsvFormat")));
    assertThat(header(files[1])).isEqualTo(String.join(",", columnsOf("edu.alumni.engine.gift.GiftCsvFormat")));
    assertThat(DemoRegistryGenerator.ALUMNI_COLUMNS).isEqualTo(columnsOf("edu.alumni.engine.alumni.AlumniCsvFormat"));
    assertThat(DemoRegistryGenerator.GIFT_COLUMNS).isEqualTo(columnsOf("edu.alumni.engine.gift.GiftCsvFormat"));
  }

  @Test
  void everyAlumnusRowIsValidByDataMd() {
    assertThat(alumni).hasSize(ALUMNI);
    assertThat(totals.alumni()).isEqualTo(ALUMNI);
    Set<String> studentNos = new HashSet<>();
    for (Map<String, String> r : alumni) {
      String where = "row " + r;
      assertThat(r.get("student_no")).as(where).matches(STUDENT_NO);
      assertThat(studentNos.add(r.get("student_no"))).as("unique " + where).isTrue();
      assertThat(length(r.get("name"))).as(where).isBetween(1, 64);
      assertThat(r.get("gender")).as(where).isIn("M", "F", "");
      assertThat(r.get("college")).as(where).isIn(COLLEGES);
      assertThat(length(r.get("major"))).as(where).isLessThanOrEqualTo(64);
      assertThat(r.get("degree")).as(where).isIn("BACHELOR", "MASTER", "DOCTOR");
      int graduation = Integer.parseInt(r.get("graduation_year"));
      assertThat(graduation).as(where).isBetween(DemoRegistryGenerator.FIRST_CLASS, AS_OF.getYear());
      if (!r.get("enrollment_year").isEmpty()) {
        int enrollment = Integer.parseInt(r.get("enrollment_year"));
        assertThat(enrollment).as(where).isBetween(1900, graduation);
        int years = graduation - enrollment;
        switch (r.get("degree")) {
          case "BACHELOR" -> assertThat(years).as(where).isEqualTo(4);
          case "MASTER" -> assertThat(years).as(where).isBetween(2, 3);
          default -> assertThat(years).as(where).isBetween(4, 5);
        }
      }
      for (String column : List.of("class_name", "city", "country")) {
        assertThat(length(r.get(column))).as(column + " " + where).isLessThanOrEqualTo(64);
      }
      for (String column : List.of("employer", "industry", "job_title")) {
        assertThat(length(r.get(column))).as(column + " " + where).isLessThanOrEqualTo(128);
      }
      if (!r.get("email").isEmpty()) {
        assertThat(r.get("email")).as(where).matches(EMAIL).hasSizeLessThanOrEqualTo(254);
      }
      if (!r.get("phone").isEmpty()) {
        assertThat(r.get("phone").replace(" ", "").replace("-", "")).as(where).matches(PHONE);
      }
      assertThat(length(r.get("honors"))).as(where).isLessThanOrEqualTo(512);
      for (String column : List.of("consent_contact", "consent_fundraising", "deceased")) {
        assertThat(r.get(column).toLowerCase(Locale.ROOT)).as(column + " " + where).isIn(FLAGS);
      }
    }
  }

  @Test
  void everyGiftRowIsValidByDataMdAndBelongsToAnAlumnusAfterGraduation() {
    Map<String, Integer> classOf = new HashMap<>();
    alumni.forEach(r -> classOf.put(r.get("student_no"), Integer.parseInt(r.get("graduation_year"))));
    Set<String> refs = new HashSet<>();
    LocalDate windowStart = AS_OF.minusYears(DemoRegistryGenerator.GIVING_YEARS);
    assertThat(gifts).hasSize((int) totals.gifts());
    for (Map<String, String> g : gifts) {
      String where = "gift " + g;
      assertThat(g.get("gift_ref")).as(where).matches(GIFT_REF).matches("G[0-9]{4}-[0-9]{6,7}-[0-9]+");
      assertThat(refs.add(g.get("gift_ref"))).as("unique " + where).isTrue();
      assertThat(classOf).as(where).containsKey(g.get("student_no"));
      assertThat(g.get("amount_cny")).as(where).matches(DECIMAL);
      BigDecimal amount = new BigDecimal(g.get("amount_cny"));
      assertThat(amount).as(where).isPositive().isLessThanOrEqualTo(new BigDecimal("10000000000"));
      LocalDate date = LocalDate.parse(g.get("gift_date"));
      assertThat(date).as(where).isBeforeOrEqualTo(AS_OF).isAfter(windowStart)
          .isAfterOrEqualTo(LocalDate.of(classOf.get(g.get("student_no")), 7, 1));
      assertThat(g.get("gift_ref")).as(where).startsWith("G" + date.getYear() + "-");
      assertThat(g.get("fund_code")).as(where).isIn(FUNDS);
      assertThat(g.get("channel")).as(where).isIn(CHANNELS);
    }
  }

  @Test
  void everyCollegeAndEveryChapterInBothSpellingsArePresent() {
    assertThat(alumni).extracting(r -> r.get("college")).containsAll(COLLEGES);
    Set<String> cities = new HashSet<>();
    alumni.forEach(r -> cities.add(r.get("city")));
    // every city name of DOMAIN.md's chapter table, so every chapter in each of its spellings
    assertThat(cities).containsAll(CHAPTER_CITIES.keySet());
    assertThat(new HashSet<>(CHAPTER_CITIES.values())).hasSize(12);
    // case variants that still map, cities that map to no chapter, and no city at all
    assertThat(cities).contains("长沙", "重庆", "苏州", "Tokyo", "New York", "Toronto", "");
    assertThat(cities).anyMatch(c -> !CHAPTER_CITIES.containsKey(c) && CHAPTER_CITIES.keySet().stream()
        .anyMatch(k -> k.equalsIgnoreCase(c)));
    long mapped = alumni.stream().filter(r -> CHAPTER_CITIES.keySet().stream()
        .anyMatch(k -> k.equalsIgnoreCase(r.get("city")))).count();
    assertThat(mapped / (double) ALUMNI).isBetween(0.5, 0.75);
    assertThat(alumni).extracting(r -> r.get("country")).contains("中国", "China", "美国", "USA", "");
  }

  @Test
  void alumniLookLikeAUniversitysRegistry() {
    Map<String, Long> decades = new TreeMap<>();
    alumni.forEach(r -> decades.merge(Integer.parseInt(r.get("graduation_year")) / 10 * 10 + "s", 1L, Long::sum));
    assertThat(decades).containsKeys("1960s", "1970s", "1980s", "1990s", "2000s", "2010s", "2020s");
    assertThat(decades.get("2010s")).isGreaterThan(decades.get("1990s")).isGreaterThan(decades.get("1970s"));

    assertThat(share(alumni, r -> r.get("degree").equals("BACHELOR"))).isBetween(0.6, 0.8);
    assertThat(alumni).anyMatch(r -> r.get("class_name").matches("计算机[0-9]{4}级[0-9]班"));
    assertThat(share(alumni, r -> isChinese(r.get("name")))).isBetween(0.85, 0.97);
    assertThat(alumni).anyMatch(r -> r.get("name").matches("[A-Z][a-z]+ [A-Z][a-z]+"));
    assertThat(alumni).anyMatch(r -> r.get("name").contains(","));

    double executives = share(alumni, r -> EXECUTIVE.stream()
        .anyMatch(e -> r.get("job_title").toLowerCase(Locale.ROOT).contains(e)));
    assertThat(executives).isBetween(0.02, 0.07);
    assertThat(alumni).extracting(r -> r.get("job_title")).contains("CEO", "总经理", "董事长", "Founder", "Partner");

    assertThat(share(alumni, r -> !r.get("email").isEmpty())).isBetween(0.5, 0.8);
    assertThat(share(alumni, r -> !r.get("phone").isEmpty())).isBetween(0.5, 0.8);
    assertThat(share(alumni, r -> r.get("email").isEmpty() && r.get("phone").isEmpty())).isBetween(0.04, 0.15);

    double contact = share(alumni, r -> TRUE.contains(r.get("consent_contact").toLowerCase(Locale.ROOT)));
    double fundraising = share(alumni, r -> TRUE.contains(r.get("consent_fundraising").toLowerCase(Locale.ROOT)));
    double none = share(alumni, r -> !TRUE.contains(r.get("consent_contact").toLowerCase(Locale.ROOT))
        && !TRUE.contains(r.get("consent_fundraising").toLowerCase(Locale.ROOT)));
    assertThat(contact).isBetween(0.65, 0.85);
    assertThat(fundraising).isBetween(0.25, contact);
    assertThat(none).isBetween(0.1, 0.3);
    assertThat(share(alumni, r -> TRUE.contains(r.get("deceased").toLowerCase(Locale.ROOT)))).isBetween(0.005, 0.03);
    assertThat(share(alumni, r -> !r.get("honors").isEmpty())).isBetween(0.005, 0.04);
    assertThat(alumni).anyMatch(r -> r.get("honors").contains(";"));
  }

  @Test
  void givingIsMixedAsDesigned() {
    double donors = totals.donors() / (double) ALUMNI;
    assertThat(donors).isBetween(0.30, 0.45);
    assertThat(new HashSet<>(gifts.stream().map(g -> g.get("student_no")).toList())).hasSize((int) totals.donors());
    assertThat(gifts.size() / (double) ALUMNI).isCloseTo(3.0, within(0.4));

    Map<String, Double> funds = new HashMap<>();
    gifts.forEach(g -> funds.merge(g.get("fund_code"), 1.0 / gifts.size(), Double::sum));
    for (DemoRegistryGenerator.Weighted<String> f : DemoRegistryGenerator.FUND_MIX) {
      assertThat(funds.get(f.value())).as(f.value()).isCloseTo(f.weight() / 100, within(0.03));
    }

    assertThat(share(gifts, g -> g.get("channel").equals("ONLINE") || g.get("channel").equals("BANK_TRANSFER")))
        .isGreaterThan(0.85);
    assertThat(gifts).extracting(g -> g.get("channel")).contains("CHEQUE", "CASH", "STOCK", "IN_KIND", "");

    List<BigDecimal> amounts = gifts.stream().map(g -> new BigDecimal(g.get("amount_cny"))).toList();
    assertThat(shareOf(amounts, a -> a.compareTo(BigDecimal.valueOf(100)) >= 0
        && a.compareTo(BigDecimal.valueOf(5_000)) <= 0)).isGreaterThan(0.75);
    assertThat(shareOf(amounts, a -> a.compareTo(BigDecimal.valueOf(10_000)) >= 0)).isBetween(0.005, 0.05);
    assertThat(amounts).anyMatch(a -> a.compareTo(BigDecimal.valueOf(50_000)) >= 0);
    assertThat(amounts).anyMatch(a -> a.compareTo(BigDecimal.valueOf(100_000)) >= 0);
    assertThat(shareOf(amounts, a -> a.compareTo(BigDecimal.valueOf(1_000_000)) >= 0)).isLessThan(0.001);
    assertThat(amounts).anyMatch(a -> a.scale() == 2 && a.remainder(BigDecimal.ONE).signum() != 0);
  }

  @Test
  void giftDatesSpanTheLastFifteenYearsAndNeverPassTheAsOfDate() {
    assertThat(gifts).allSatisfy(g -> assertThat(LocalDate.parse(g.get("gift_date"))).isBeforeOrEqualTo(AS_OF));
    Set<Integer> years = new HashSet<>();
    gifts.forEach(g -> years.add(Integer.parseInt(g.get("gift_date").substring(0, 4))));
    for (int y = AS_OF.getYear() - 14; y <= AS_OF.getYear(); y++) {
      assertThat(years).contains(y);
    }
    // as of a date early in a year, nothing of that year's later months and no class that has not graduated yet
    LocalDate january = LocalDate.of(2026, 1, 10);
    StringWriter a = new StringWriter();
    StringWriter g = new StringWriter();
    try {
      new DemoRegistryGenerator(SEED, january).write(3_000, a, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(read(g.toString())).allSatisfy(r ->
        assertThat(LocalDate.parse(r.get("gift_date"))).isBeforeOrEqualTo(january));
    assertThat(read(a.toString())).allSatisfy(r ->
        assertThat(Integer.parseInt(r.get("graduation_year"))).isLessThanOrEqualTo(2025));
  }

  @Test
  void writesWithoutKeepingRows() throws IOException {
    // a writer that keeps nothing: the generator itself holds one alumnus and its gifts at a time
    CountingWriter a = new CountingWriter();
    CountingWriter g = new CountingWriter();
    DemoRegistryGenerator.Totals t = new DemoRegistryGenerator(SEED, AS_OF).write(100_000, a, g);

    assertThat(a.lines).isEqualTo(100_001);
    assertThat(g.lines).isEqualTo(t.gifts() + 1);
  }

  static final class CountingWriter extends Writer {
    long lines;

    @Override
    public void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public Writer append(CharSequence csq) {
      for (int i = 0; i < csq.length(); i++) {
        if (csq.charAt(i) == '\n') {
          lines++;
        }
      }
      return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }

  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  static boolean isChinese(String name) {
    return name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  static <T> double share(List<T> rows, java.util.function.Predicate<T> p) {
    return rows.stream().filter(p).count() / (double) rows.size();
  }

  static <T> double shareOf(List<T> values, java.util.function.Predicate<T> p) {
    return share(values, p);
  }
}
