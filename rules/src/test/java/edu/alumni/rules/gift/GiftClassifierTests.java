package edu.alumni.rules.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gift tiers and agreements of PROCESSES.md §3, at every boundary, restricted and unrestricted. */
class GiftClassifierTests {

  static final String PATH = BuiltInRules.path(BuiltInRules.GIFT_CLASSIFICATION);
  static GiftClassifier classifier;

  @BeforeAll
  static void compile() {
    classifier = new GiftClassifier(RuleSet.compile(BuiltInRules.sources(BuiltInRules.GIFT_CLASSIFICATION)));
  }

  static GiftFacts gift(String amount, String fund, boolean restricted) {
    return new GiftFacts("G-1", new BigDecimal(amount), fund, restricted);
  }

  @ParameterizedTest
  @CsvSource({
      "0.01,       ANNUAL,     false",
      "9999.99,    ANNUAL,     false",
      "10000,      LEADERSHIP, false",
      "99999.99,   LEADERSHIP, false",
      "100000,     MAJOR,      true",
      "999999.99,  MAJOR,      true",
      "1000000,    PRINCIPAL,  true",
      "25000000,   PRINCIPAL,  true"})
  void tierAndAgreementAtEveryBoundary(String amount, String tier, boolean agreement) {
    for (boolean restricted : new boolean[] {false, true}) {
      GiftClassification c = classifier.classify(gift(amount, restricted ? "scholarship" : "general", restricted));
      assertThat(c.getTier()).as(amount + (restricted ? " restricted" : " unrestricted")).isEqualTo(tier);
      assertThat(c.isAgreementRequired()).as(amount + (restricted ? " restricted" : " unrestricted"))
          .isEqualTo(agreement);
    }
  }

  @Test
  void aRestrictedMajorGiftIsExplainedByItsTier() {
    GiftClassification c = classifier.classify(gift("250000", "scholarship", true));
    assertThat(c.getTier()).isEqualTo("MAJOR");
    assertThat(c.isAgreementRequired()).isTrue();
    assertThat(c.getRule()).isEqualTo("Tier: MAJOR (>= 100,000); Agreement: tier MAJOR needs one");
    assertThat(c.getFacts()).isEqualTo("amount=250000.00, fund=scholarship (restricted)");
  }

  @Test
  void aPrincipalGiftIsExplained() {
    GiftClassification c = classifier.classify(gift("1000000", "general", false));
    assertThat(c.getRule()).isEqualTo("Tier: PRINCIPAL (>= 1,000,000); Agreement: tier PRINCIPAL needs one");
    assertThat(c.getFacts()).isEqualTo("amount=1000000.00, fund=general (unrestricted)");
  }

  @Test
  void smallerGiftsAreExplained() {
    assertThat(classifier.classify(gift("99999.99", "green-campus", true)).getRule()).isEqualTo(
        "Tier: LEADERSHIP (>= 10,000); Agreement: none needed below MAJOR unless restricted and 100,000 or more");
    GiftClassification annual = classifier.classify(gift("9999.99", null, false));
    assertThat(annual.getRule()).isEqualTo(
        "Tier: ANNUAL (under 10,000); Agreement: none needed below MAJOR unless restricted and 100,000 or more");
    assertThat(annual.getFacts()).isEqualTo("amount=9999.99, fund=none (unrestricted)");
  }

  /**
   * The restricted-fund clause never decides with today's thresholds (a gift of 100,000 or more is MAJOR or
   * above); without the MAJOR agreement rule it is what decides, for a restricted fund only.
   */
  @Test
  void theRestrictedFundRuleDecidesWhenTheTierDoesNot() {
    String drl = BuiltInRules.text(BuiltInRules.GIFT_CLASSIFICATION);
    int start = drl.indexOf("rule \"Agreement: tier MAJOR needs one\"");
    int end = drl.indexOf("\nend", start) + 4;
    GiftClassifier withoutMajorRule = new GiftClassifier(RuleSet.compile(Map.of(PATH,
        drl.substring(0, start) + drl.substring(end))));

    GiftClassification restricted = withoutMajorRule.classify(gift("100000", "library", true));
    assertThat(restricted.getTier()).isEqualTo("MAJOR");
    assertThat(restricted.isAgreementRequired()).isTrue();
    assertThat(restricted.getRule())
        .isEqualTo("Tier: MAJOR (>= 100,000); Agreement: a restricted fund gift of 100,000 or more needs one");

    GiftClassification unrestricted = withoutMajorRule.classify(gift("100000", "general", false));
    assertThat(unrestricted.getTier()).isEqualTo("MAJOR");
    assertThat(unrestricted.isAgreementRequired()).isFalse();
  }

  @Test
  void aGiftWithoutAnAmountIsRefused() {
    assertThatThrownBy(() -> classifier.classify(new GiftFacts("G-1", null, "general", false)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRuleSetThatClassifiesNothingIsReported() {
    String drl = BuiltInRules.text(BuiltInRules.GIFT_CLASSIFICATION)
        .replace("GiftFacts( !atLeast( amount, \"10000\" ) )", "GiftFacts( false )");
    GiftClassifier broken = new GiftClassifier(RuleSet.compile(Map.of(PATH, drl)));
    assertThatThrownBy(() -> broken.classify(gift("500", "general", false)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theFileCompilesOnItsOwnWithUniqueRuleNames() {
    String drl = BuiltInRules.text(BuiltInRules.GIFT_CLASSIFICATION);
    RuleSet set = RuleSet.compile(Map.of(PATH, drl));
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^rule \"([^\"]+)\"").matcher(drl);
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).hasSize(9).doesNotHaveDuplicates();
    assertThat(set.kieBase().getKiePackage("edu.alumni.rules.gift").getRules()).hasSize(names.size());
  }
}
