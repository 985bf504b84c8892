package edu.alumni.engine.alumni;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;
import org.springframework.jdbc.core.JdbcTemplate;

/** The alumnus mapper against the real schema (Flyway-migrated); each test runs in a rolled-back transaction. */
@MybatisTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Tag("database")
class AlumnusMapperTests {

  @Autowired
  AlumnusMapper mapper;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void emptyRegistry() {
    jdbc.update("DELETE FROM gift");
    jdbc.update("DELETE FROM alumnus");
  }

  static Alumnus full(String studentNo, String name) {
    return new Alumnus(studentNo, name, "F", "cs", "软件工程", "MASTER", 2008, 2012, "计科0801班", "西安", "xa",
        "中国", "腾讯科技（深圳）有限公司", "互联网", "高级工程师", "li.na@example.cn", "+8613800138000",
        "优秀毕业生;国家奖学金", true, false, false);
  }

  static Alumnus minimal(String studentNo, String name, String college, int graduationYear) {
    return new Alumnus(studentNo, name, null, college, null, "BACHELOR", null, graduationYear, null, null, null, null,
        null, null, null, null, null, null, false, false, false);
  }

  @Test
  void insertAndSelectRoundTripWithChineseText() {
    Alumnus a = full("S2008001", "李娜");
    mapper.insertAlumnus(a);

    assertThat(mapper.selectByStudentNo("S2008001")).isEqualTo(a);
    assertThat(mapper.countAll()).isEqualTo(1);
  }

  @Test
  void longestValuesFitTheirColumns() {
    String name64 = "张".repeat(64);
    String text128 = "研".repeat(128);
    String honors512 = "奖".repeat(512);
    Alumnus a = new Alumnus("ABCDEFGHIJ-123456789", name64, "M", "med", "医".repeat(64), "DOCTOR", 1900,
        1900, "班".repeat(64), "城".repeat(64), null, "国".repeat(64), text128, text128, text128,
        "x".repeat(240) + "@example.com", "+123456789012345", honors512, true, true, true);
    mapper.insertAlumnus(a);

    assertThat(mapper.selectByStudentNo(a.studentNo())).isEqualTo(a);
  }

  @Test
  void nullsRoundTrip() {
    Alumnus a = minimal("S0001", "王五", "law", 1999);
    mapper.insertAlumnus(a);

    Alumnus stored = mapper.selectByStudentNo("S0001");
    assertThat(stored).isEqualTo(a);
    assertThat(stored.gender()).isNull();
    assertThat(stored.enrollmentYear()).isNull();
    assertThat(stored.chapterCode()).isNull();
    assertThat(stored.email()).isNull();
  }

  @Test
  void unknownStudentNoIsNull() {
    assertThat(mapper.selectByStudentNo("NOPE0000")).isNull();
    assertThat(mapper.selectFactsByStudentNo("NOPE0000")).isNull();
  }

  @Test
  void updateChangesEveryFieldAndTouchesUpdatedAt() {
    mapper.insertAlumnus(full("S2008001", "李娜"));
    AlumnusFacts before = mapper.selectFactsByStudentNo("S2008001");
    jdbc.update("UPDATE alumnus SET updated_at = ? WHERE student_no = 'S2008001'",
        java.sql.Timestamp.valueOf("2020-01-01 00:00:00"));

    Alumnus changed = new Alumnus("S2008001", "李娜娜", "F", "ee", null, "DOCTOR", null, 2015, null, "London", "ldn",
        "United Kingdom", null, null, null, null, null, null, false, true, true);
    mapper.updateAlumnus(changed);

    assertThat(mapper.selectByStudentNo("S2008001")).isEqualTo(changed);
    AlumnusFacts after = mapper.selectFactsByStudentNo("S2008001");
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(after.updatedAt()).isAfter(java.time.LocalDateTime.of(2020, 1, 1, 0, 0));
    assertThat(after.lastVisitDate()).isNull();
  }

  @Test
  void factsOfANewAlumnus() {
    mapper.insertAlumnus(minimal("S0001", "王五", "law", 1999));

    AlumnusFacts facts = mapper.selectFactsByStudentNo("S0001");
    assertThat(facts.createdAt()).isNotNull();
    assertThat(facts.updatedAt()).isNotNull();
    assertThat(facts.lastVisitDate()).isNull();
  }

  @Test
  void selectByStudentNosReturnsOnlyStoredOnes() {
    mapper.insertAlumnus(full("S0001", "甲"));
    mapper.insertAlumnus(full("S0002", "乙"));
    mapper.insertAlumnus(full("S0003", "丙"));

    assertThat(mapper.selectByStudentNos(List.of("S0001", "S0003", "S9999")))
        .extracting(Alumnus::studentNo).containsExactlyInAnyOrder("S0001", "S0003");
    assertThat(mapper.selectByStudentNos(List.of("S0002")).get(0)).isEqualTo(full("S0002", "乙"));
    assertThat(mapper.selectExistingStudentNos(List.of("S0002", "S0004", "S0003")))
        .containsExactlyInAnyOrder("S0002", "S0003");
  }

  @Test
  void studentNoComparisonIsExact() {
    mapper.insertAlumnus(full("ab-0001", "甲"));

    assertThat(mapper.selectByStudentNo("ab-0001")).isNotNull();
    assertThat(mapper.selectExistingStudentNos(List.of("ab-0001"))).containsExactly("ab-0001");
  }

  private void insertListFixture() {
    mapper.insertAlumnus(minimal("C1001", "张伟", "cs", 2010));
    mapper.insertAlumnus(minimal("C1002", "张敏", "cs", 2011));
    mapper.insertAlumnus(minimal("C1003", "李伟", "cs", 2010));
    mapper.insertAlumnus(minimal("E2001", "王伟", "ee", 2010));
    mapper.insertAlumnus(minimal("E2002", "100%纯", "ee", 2012));
    mapper.insertAlumnus(minimal("E2003", "1000纯", "ee", 2012));
    mapper.insertAlumnus(minimal("M3001", "a_b", "me", 2013));
    mapper.insertAlumnus(minimal("M3002", "axb", "me", 2013));
    mapper.insertAlumnus(minimal("M3003", "x!y", "me", 2013));
    mapper.insertAlumnus(minimal("M3004", "back\\slash", "me", 2013));
  }

  private List<String> page(AlumniFilter filter, long offset, int limit) {
    return mapper.selectPage(filter, offset, limit).stream().map(AlumnusListItem::studentNo).toList();
  }

  @Test
  void selectPageWithoutFilterIsOrderedByStudentNoAndPaged() {
    insertListFixture();
    AlumniFilter none = new AlumniFilter(null, null, null);

    assertThat(page(none, 0, 3)).containsExactly("C1001", "C1002", "C1003");
    assertThat(page(none, 3, 3)).containsExactly("E2001", "E2002", "E2003");
    assertThat(page(none, 9, 3)).containsExactly("M3004");
    assertThat(page(none, 10, 3)).isEmpty();
    assertThat(mapper.countMatching(none)).isEqualTo(10);
  }

  @Test
  void selectPageItemCarriesTheListFields() {
    mapper.insertAlumnus(full("S2008001", "李娜"));

    assertThat(mapper.selectPage(new AlumniFilter(null, null, null), 0, 10))
        .containsExactly(new AlumnusListItem("S2008001", "李娜", "cs", "MASTER", 2012, "西安", "xa"));
  }

  @Test
  void filterByCollege() {
    insertListFixture();
    AlumniFilter ee = new AlumniFilter("ee", null, null);

    assertThat(page(ee, 0, 50)).containsExactly("E2001", "E2002", "E2003");
    assertThat(mapper.countMatching(ee)).isEqualTo(3);
    assertThat(mapper.countMatching(new AlumniFilter("law", null, null))).isZero();
  }

  @Test
  void filterByGraduationYear() {
    insertListFixture();
    AlumniFilter y2010 = new AlumniFilter(null, 2010, null);

    assertThat(page(y2010, 0, 50)).containsExactly("C1001", "C1003", "E2001");
    assertThat(mapper.countMatching(y2010)).isEqualTo(3);
  }

  @Test
  void filterByNamePart() {
    insertListFixture();
    AlumniFilter wei = new AlumniFilter(null, null, "伟");

    assertThat(page(wei, 0, 50)).containsExactly("C1001", "C1003", "E2001");
    assertThat(mapper.countMatching(wei)).isEqualTo(3);
  }

  @Test
  void filterByStudentNoPrefixOnly() {
    insertListFixture();

    assertThat(page(new AlumniFilter(null, null, "E20"), 0, 50)).containsExactly("E2001", "E2002", "E2003");
    // the student number matches from its beginning only
    assertThat(mapper.countMatching(new AlumniFilter(null, null, "200"))).isZero();
  }

  @Test
  void filtersCombine() {
    insertListFixture();
    AlumniFilter f = new AlumniFilter("cs", 2010, "伟");

    assertThat(page(f, 0, 50)).containsExactly("C1001", "C1003");
    assertThat(mapper.countMatching(f)).isEqualTo(2);
    assertThat(page(new AlumniFilter("ee", 2010, "张"), 0, 50)).isEmpty();
  }

  @Test
  void percentInQueryIsALiteralPercent() {
    insertListFixture();
    AlumniFilter percent = new AlumniFilter(null, null, "0%");

    assertThat(page(percent, 0, 50)).containsExactly("E2002");
    assertThat(mapper.countMatching(percent)).isEqualTo(1);
    assertThat(mapper.countMatching(new AlumniFilter(null, null, "%"))).isEqualTo(1);
  }

  @Test
  void underscoreInQueryIsALiteralUnderscore() {
    insertListFixture();
    AlumniFilter underscore = new AlumniFilter(null, null, "a_b");

    assertThat(page(underscore, 0, 50)).containsExactly("M3001");
    assertThat(mapper.countMatching(underscore)).isEqualTo(1);
    assertThat(mapper.countMatching(new AlumniFilter(null, null, "_"))).isEqualTo(1);
  }

  @Test
  void escapeCharacterAndBackslashInQueryAreLiterals() {
    insertListFixture();

    assertThat(page(new AlumniFilter(null, null, "x!y"), 0, 50)).containsExactly("M3003");
    assertThat(page(new AlumniFilter(null, null, "!"), 0, 50)).containsExactly("M3003");
    assertThat(page(new AlumniFilter(null, null, "k\\s"), 0, 50)).containsExactly("M3004");
  }
}
