package edu.alumni.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.rules.segment.AlumnusFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;

/** One alumnus's facts as a run derives them, for the process that asks the segment rules; rolled back. */
@MybatisTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Tag("database")
class SegmentationMapperTests {

  static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

  @Autowired
  SegmentationMapper mapper;

  @Autowired
  AlumnusMapper alumni;

  @Autowired
  GiftMapper gifts;

  @Test
  void oneAlumnusFactsAreTheRowARunReadsWithTheGiftsUpToTheDate() {
    alumni.insertAlumnus(new Alumnus("SMT0001", "王芳", "F", "cs", "软件工程", "MASTER", 2008, 2012, null, "上海", null,
        "中国", "示例科技有限公司", "互联网", "总经理", null, "+8613800138000", null, true, true, false));
    gifts.insertGift(new Gift("SMT-G1", "SMT0001", new BigDecimal("300.00"), LocalDate.of(2019, 5, 1), "general",
        null));
    gifts.insertGift(new Gift("SMT-G2", "SMT0001", new BigDecimal("2000.00"), LocalDate.of(2025, 5, 1), "general",
        null));
    // after the date: not counted
    gifts.insertGift(new Gift("SMT-G3", "SMT0001", new BigDecimal("9000.00"), LocalDate.of(2026, 7, 1), "general",
        null));

    AlumnusFactsRow row = mapper.selectAlumnusFacts("SMT0001");
    assertThat(row.studentNo()).isEqualTo("SMT0001");
    assertThat(row.emailGiven()).isFalse();
    assertThat(row.phoneGiven()).isTrue();
    assertThat(row.consentFundraising()).isTrue();
    assertThat(row.jobTitle()).isEqualTo("总经理");

    AlumnusFacts facts = SegmentationService.factsOf(mapper, "SMT0001", AS_OF);
    assertThat(facts.getAsOf()).isEqualTo(AS_OF);
    assertThat(facts.getLifetimeGiving()).isEqualByComparingTo("2300.00");
    assertThat(facts.getGiftYears()).containsExactlyInAnyOrder(2019, 2025);
    // the largest gift of the last five years before the date: 2019 is outside them
    assertThat(facts.getMaxGiftLast5Years()).isEqualByComparingTo("2000.00");
  }

  @Test
  void noSuchAlumnusHasNoFacts() {
    assertThat(mapper.selectAlumnusFacts("SMT-NONE")).isNull();
    assertThat(SegmentationService.factsOf(mapper, "SMT-NONE", AS_OF)).isNull();
  }
}
