package edu.alumni.engine.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;
import org.springframework.jdbc.core.JdbcTemplate;

/** The one-round-trip read of a task's registry facts; each test runs in a rolled-back transaction. */
@MybatisTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Tag("database")
class RegistryFactsMapperTests {

  @Autowired
  RegistryFactsMapper registry;

  @Autowired
  AlumnusMapper alumni;

  @Autowired
  GiftMapper gifts;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void donorWithTwoGiftsAndAnAlumnusWithout() {
    jdbc.update("DELETE FROM gift");
    jdbc.update("DELETE FROM alumnus");
    alumni.insertAlumnus(alumnus("S0001", "cs", "sh"));
    alumni.insertAlumnus(alumnus("S0002", "law", null));
    gifts.insertGift(new Gift("G-1", "S0001", new BigDecimal("1500.50"), LocalDate.parse("2024-09-10"),
        "scholarship", "ONLINE"));
    gifts.insertGift(new Gift("G-2", "S0001", new BigDecimal("999999.50"), LocalDate.parse("2025-01-02"),
        "general", null));
  }

  private static Alumnus alumnus(String studentNo, String college, String chapter) {
    return new Alumnus(studentNo, "陈静", null, college, null, "BACHELOR", null, 2005, null, null, chapter, null,
        null, null, null, null, null, null, true, true, false);
  }

  /** Amounts compared by value: a sum of nothing is 0 on one database and 0.00 on the other. */
  private static void assertSame(RegistryFacts actual, RegistryFacts expected) {
    assertThat(actual).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(expected);
  }

  @Test
  void aGiftGivesItsFundAndItsDonorWithTheDonorsWholeGiving() {
    assertSame(registry.selectRegistryFacts("G-1", null),
        new RegistryFacts("S0001", "cs", "sh", new BigDecimal("1001500.00"), "scholarship"));
  }

  @Test
  void anAlumnusWithoutGiftsHasZeroGivingAndNoFund() {
    assertSame(registry.selectRegistryFacts(null, "S0002"),
        new RegistryFacts("S0002", "law", null, new BigDecimal("0.00"), null));
  }

  @Test
  void aStudentNumberNamesTheAlumnusEvenWithAGift() {
    assertSame(registry.selectRegistryFacts("G-2", "S0002"),
        new RegistryFacts("S0002", "law", null, new BigDecimal("0.00"), "general"));
  }

  @Test
  void unknownGiftOrAlumnusGivesNothingOrNoDonor() {
    assertThat(registry.selectRegistryFacts("G-404", null)).isNull();
    assertThat(registry.selectRegistryFacts(null, "S0404")).isNull();
    RegistryFacts giftOfUnknownAlumnus = registry.selectRegistryFacts("G-1", "S0404");
    assertThat(giftOfUnknownAlumnus.studentNo()).isNull();
    assertThat(giftOfUnknownAlumnus.fundCode()).isEqualTo("scholarship");
  }
}
