package edu.alumni.engine.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.alumni.AlumnusMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The gift mapper against the real schema; each test runs in a rolled-back transaction. */
@MybatisTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Tag("database")
class GiftMapperTests {

  @Autowired
  GiftMapper gifts;

  @Autowired
  AlumnusMapper alumni;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void registryWithTwoAlumni() {
    jdbc.update("DELETE FROM gift");
    jdbc.update("DELETE FROM alumnus");
    alumni.insertAlumnus(alumnus("S0001", "陈静"));
    alumni.insertAlumnus(alumnus("S0002", "赵强"));
  }

  private static Alumnus alumnus(String studentNo, String name) {
    return new Alumnus(studentNo, name, null, "econ", null, "BACHELOR", null, 2005, null, null, null, null, null,
        null, null, null, null, null, true, true, false);
  }

  private static Gift gift(String ref, String studentNo, String amount, String date, String fund, String channel) {
    return new Gift(ref, studentNo, new BigDecimal(amount), LocalDate.parse(date), fund, channel);
  }

  @Test
  void insertAndSelectRoundTrip() {
    Gift g = gift("G-2024.001", "S0001", "1500.50", "2024-09-10", "scholarship", "BANK_TRANSFER");
    gifts.insertGift(g);

    assertThat(gifts.selectByGiftRef("G-2024.001")).isEqualTo(g);
    assertThat(gifts.countAll()).isEqualTo(1);
  }

  @Test
  void largestAndSmallestAmountsAreExact() {
    gifts.insertGift(gift("BIG", "S0001", "9999999999.99", "2023-01-01", "general", null));
    gifts.insertGift(gift("TINY", "S0001", "0.01", "2023-01-02", "library", "ONLINE"));
    gifts.insertGift(gift("MAX", "S0002", "10000000000.00", "2023-01-03", "general", null));

    Gift big = gifts.selectByGiftRef("BIG");
    assertThat(big.amountCny()).isEqualTo(new BigDecimal("9999999999.99"));
    assertThat(big.amountCny().scale()).isEqualTo(2);
    assertThat(gifts.selectByGiftRef("TINY").amountCny()).isEqualTo(new BigDecimal("0.01"));
    assertThat(gifts.selectByGiftRef("MAX").amountCny()).isEqualTo(new BigDecimal("10000000000.00"));
  }

  @Test
  void nullChannelRoundTrips() {
    Gift g = gift("G1", "S0002", "88", "2000-02-29", "alumni-service", null);
    gifts.insertGift(g);

    Gift stored = gifts.selectByGiftRef("G1");
    assertThat(stored.channel()).isNull();
    assertThat(stored.giftDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    assertThat(stored.sameValuesAs(g)).isTrue();
    assertThat(stored.amountCny()).isEqualTo(new BigDecimal("88.00"));
  }

  @Test
  void unknownGiftRefIsNull() {
    assertThat(gifts.selectByGiftRef("nope")).isNull();
  }

  @Test
  void giftOfAnUnknownAlumnusIsRefusedByTheDatabase() {
    assertThatThrownBy(() -> gifts.insertGift(gift("G1", "S9999", "1", "2020-01-01", "general", null)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void selectByGiftRefs() {
    gifts.insertGift(gift("A1", "S0001", "1", "2020-01-01", "general", null));
    gifts.insertGift(gift("A2", "S0001", "2", "2020-01-02", "general", null));
    gifts.insertGift(gift("B1", "S0002", "3", "2020-01-03", "general", null));

    assertThat(gifts.selectByGiftRefs(List.of("A2", "B1", "C9"))).extracting(Gift::giftRef)
        .containsExactlyInAnyOrder("A2", "B1");
  }

  @Test
  void recentGiftsNewestFirstWithLimit() {
    gifts.insertGift(gift("R1", "S0001", "10", "2019-05-01", "general", null));
    gifts.insertGift(gift("R2", "S0001", "20", "2021-05-01", "general", null));
    gifts.insertGift(gift("R3", "S0001", "30", "2020-05-01", "general", null));
    gifts.insertGift(gift("R0", "S0001", "40", "2021-05-01", "general", null));
    gifts.insertGift(gift("X1", "S0002", "50", "2022-05-01", "general", null));

    assertThat(gifts.selectRecentByStudentNo("S0001", 3)).extracting(Gift::giftRef)
        .containsExactly("R0", "R2", "R3");
    assertThat(gifts.selectRecentByStudentNo("S0001", 20)).extracting(Gift::giftRef)
        .containsExactly("R0", "R2", "R3", "R1");
  }

  @Test
  void summarySumsExactly() {
    gifts.insertGift(gift("S1", "S0001", "9999999999.99", "2010-03-01", "general", null));
    gifts.insertGift(gift("S2", "S0001", "0.01", "2024-12-31", "scholarship", null));
    gifts.insertGift(gift("S3", "S0001", "1234.56", "2015-07-15", "library", null));
    gifts.insertGift(gift("S4", "S0002", "5", "2016-01-01", "general", null));

    GiftSummary s = gifts.selectSummaryByStudentNo("S0001");
    assertThat(s.giftCount()).isEqualTo(3);
    assertThat(s.lifetimeGivingCny()).isEqualByComparingTo("10000001234.56");
    assertThat(s.firstGiftDate()).isEqualTo(LocalDate.of(2010, 3, 1));
    assertThat(s.lastGiftDate()).isEqualTo(LocalDate.of(2024, 12, 31));
  }

  @Test
  void summaryWithoutGifts() {
    GiftSummary s = gifts.selectSummaryByStudentNo("S0002");

    assertThat(s.giftCount()).isZero();
    assertThat(s.lifetimeGivingCny()).isEqualByComparingTo("0");
    assertThat(s.firstGiftDate()).isNull();
    assertThat(s.lastGiftDate()).isNull();
  }
}
