package edu.alumni.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.rules.segment.AlumnusFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SegmentationService#facts}: the derived facts of DATA.md (lifetimeGiving, giftYears, maxGiftLast5Years)
 * built from the per-year gift rows SQL returns for a chunk. No Spring, no database.
 */
class SegmentationServiceTests {

  static final LocalDate D = LocalDate.of(2025, 6, 15);

  static AlumnusFactsRow row(String studentNo) {
    return new AlumnusFactsRow(studentNo, "cs", 2015, "bj", true, true, false, true, false, "CEO", "ACME",
        "杰出校友", LocalDate.of(2024, 1, 2));
  }

  static GiftYearRow year(String studentNo, int year, String total, String maxRecent) {
    return new GiftYearRow(studentNo, year, new BigDecimal(total), maxRecent == null ? null : new BigDecimal(
        maxRecent));
  }

  @Test
  void sumsEveryYearKeepsEveryYearAndTakesTheLargestRecentGift() {
    List<AlumnusFacts> facts = SegmentationService.facts(D, List.of(row("A001")), List.of(
        year("A001", 2010, "40000.00", null),
        year("A001", 2021, "30000.50", "20000.00"),
        year("A001", 2024, "29999.49", "25000.00"),
        year("A001", 2025, "0.01", "0.01")));

    assertThat(facts).hasSize(1);
    AlumnusFacts a = facts.get(0);
    assertThat(a.getLifetimeGiving()).isEqualByComparingTo("100000.00");
    assertThat(a.getGiftYears()).containsExactlyInAnyOrder(2010, 2021, 2024, 2025);
    assertThat(a.getMaxGiftLast5Years()).isEqualByComparingTo("25000.00");
  }

  @Test
  void anAlumnusWithoutGiftsHasZeroNoYearsAndNoRecentGift() {
    AlumnusFacts a = SegmentationService.facts(D, List.of(row("A001")), List.of()).get(0);

    assertThat(a.getLifetimeGiving()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(a.getGiftYears()).isEmpty();
    assertThat(a.getMaxGiftLast5Years()).isNull();
  }

  @Test
  void onlyOldGiftsGiveNoRecentMaximum() {
    AlumnusFacts a = SegmentationService.facts(D, List.of(row("A001")), List.of(
        year("A001", 2019, "60000.00", null),
        year("A001", 2020, "50000.00", null))).get(0);

    assertThat(a.getLifetimeGiving()).isEqualByComparingTo("110000.00");
    assertThat(a.getGiftYears()).containsExactlyInAnyOrder(2019, 2020);
    assertThat(a.getMaxGiftLast5Years()).isNull();
  }

  @Test
  void giftRowsGoToTheirOwnAlumnusAndTheChunkOrderIsKept() {
    List<AlumnusFacts> facts = SegmentationService.facts(D, List.of(row("A001"), row("A002"), row("A003")),
        List.of(
            year("A003", 2024, "10.00", "10.00"),
            year("A001", 2023, "1.00", "1.00"),
            year("A003", 2022, "5.00", "7.00"),
            year("A001", 2024, "2.00", null)));

    assertThat(facts).extracting(AlumnusFacts::getStudentNo).containsExactly("A001", "A002", "A003");
    assertThat(facts.get(0).getLifetimeGiving()).isEqualByComparingTo("3.00");
    assertThat(facts.get(0).getGiftYears()).containsExactlyInAnyOrder(2023, 2024);
    assertThat(facts.get(0).getMaxGiftLast5Years()).isEqualByComparingTo("1.00");
    assertThat(facts.get(1).getLifetimeGiving()).isEqualByComparingTo("0");
    assertThat(facts.get(1).getGiftYears()).isEmpty();
    assertThat(facts.get(1).getMaxGiftLast5Years()).isNull();
    assertThat(facts.get(2).getLifetimeGiving()).isEqualByComparingTo("15.00");
    assertThat(facts.get(2).getGiftYears()).containsExactlyInAnyOrder(2022, 2024);
    assertThat(facts.get(2).getMaxGiftLast5Years()).isEqualByComparingTo("10.00");
  }

  @Test
  void registryFieldsAndTheAsOfDatePassThrough() {
    AlumnusFacts a = SegmentationService.facts(D, List.of(row("A001")), List.of()).get(0);

    assertThat(a.getAsOf()).isEqualTo(D);
    assertThat(a.getAsOfYear()).isEqualTo(2025);
    assertThat(a.getCollegeCode()).isEqualTo("cs");
    assertThat(a.getGraduationYear()).isEqualTo(2015);
    assertThat(a.getChapterCode()).isEqualTo("bj");
    assertThat(a.isConsentContact()).isTrue();
    assertThat(a.isConsentFundraising()).isTrue();
    assertThat(a.isDeceased()).isFalse();
    assertThat(a.isEmailGiven()).isTrue();
    assertThat(a.isPhoneGiven()).isFalse();
    assertThat(a.getJobTitle()).isEqualTo("CEO");
    assertThat(a.getEmployer()).isEqualTo("ACME");
    assertThat(a.getHonors()).isEqualTo("杰出校友");
    assertThat(a.getLastVisitDate()).isEqualTo(LocalDate.of(2024, 1, 2));
  }
}
