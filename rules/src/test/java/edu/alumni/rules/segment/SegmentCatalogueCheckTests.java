package edu.alumni.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.RuleSetException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentCatalogueCheckTests {

  static final String PATH = BuiltInRules.path(BuiltInRules.SEGMENTS);

  static SegmentEvaluator compile(String drl) {
    return new SegmentEvaluator(RuleSet.compile(Map.of(PATH, drl)));
  }

  @Test
  void theShippedRulesCoverTheCatalogue() {
    assertThat(SegmentCatalogueCheck.problems(compile(BuiltInRules.text(BuiltInRules.SEGMENTS)))).isEmpty();
  }

  @Test
  void aRuleSetWithoutASegmentIsReported() {
    String drl = BuiltInRules.text(BuiltInRules.SEGMENTS);
    int start = drl.indexOf("rule \"Consent but no e-mail and no phone: LOST\"");
    int end = drl.indexOf("end", start) + 3;
    String withoutLost = drl.substring(0, start) + drl.substring(end);
    assertThat(SegmentCatalogueCheck.problems(compile(withoutLost)))
        .containsExactly("the rules no longer produce these segment codes of the catalogue: [LOST]");
  }

  @Test
  void anUnknownCodeIsReported() {
    String drl = BuiltInRules.text(BuiltInRules.SEGMENTS).replace("\"DISTINGUISHED\", drools", "\"FAMOUS\", drools");
    assertThat(SegmentCatalogueCheck.problems(compile(drl))).containsExactly(
        "the rules no longer produce these segment codes of the catalogue: [DISTINGUISHED]",
        "the rules produce codes that are not in the catalogue: [FAMOUS]");
  }

  @Test
  void aRuleSetWithoutTheRenewalQueryIsReported() {
    String drl = BuiltInRules.text(BuiltInRules.SEGMENTS);
    String withoutQuery = drl.substring(0, drl.indexOf("query " + SegmentEvaluator.FUNDRAISABLE_QUERY));
    assertThat(SegmentCatalogueCheck.problems(compile(withoutQuery))).singleElement().asString()
        .startsWith("the query fundraisableAlumni(), which the renewal ask of donationStewardship uses, is missing");
  }

  @Test
  void aRuleSetThatDoesNotCompileGivesLineAndColumn() {
    String drl = BuiltInRules.text(BuiltInRules.SEGMENTS).replace("deceased == false, consentContact == false",
        "deceased == false, consentContact = = false");
    assertThatThrownBy(() -> compile(drl)).isInstanceOf(RuleSetException.class).satisfies(e -> {
      RuleSetException r = (RuleSetException) e;
      assertThat(r.messages()).isNotEmpty();
      assertThat(r.messages().get(0).file()).isEqualTo(PATH);
      assertThat(r.messages().get(0).line()).isGreaterThan(0);
      assertThat(r.messages().get(0).text()).isNotBlank();
    });
  }

  @Test
  void versionIsAContentHash() {
    String drl = BuiltInRules.text(BuiltInRules.SEGMENTS);
    assertThat(RuleSet.versionOf(Map.of(PATH, drl))).isEqualTo(RuleSet.versionOf(Map.of(PATH, drl)))
        .startsWith("sha256:").hasSize(71);
    assertThat(RuleSet.versionOf(Map.of(PATH, drl + " "))).isNotEqualTo(RuleSet.versionOf(Map.of(PATH, drl)));
  }
}
