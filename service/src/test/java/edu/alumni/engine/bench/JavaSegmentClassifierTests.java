package edu.alumni.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.segment.AlumnusFacts;
import edu.alumni.rules.segment.Membership;
import edu.alumni.rules.segment.SegmentEvaluator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's hand-written classifier is only a fair floor if it does the same work: the DRL and the Java
 * reading of SEGMENTS.md must put 20,000 random alumni, boundaries included, into exactly the same segments.
 */
class JavaSegmentClassifierTests {

  @Test
  void theRulesAndTheHandWrittenClassifierAgreeOnEveryMembership() {
    LocalDate d = LocalDate.of(2026, 6, 15);
    List<AlumnusFacts> facts = random(d, 20_000, new Random(42));
    SegmentEvaluator rules = new SegmentEvaluator(RuleSet.compile(BuiltInRules.sources(BuiltInRules.SEGMENTS)));
    Set<String> byRules = keys(rules.evaluate(facts));
    Set<String> byJava = keys(new JavaSegmentClassifier().evaluate(facts));
    assertThat(byRules).hasSizeGreaterThan(20_000).isEqualTo(byJava);
  }

  private static Set<String> keys(List<Membership> memberships) {
    return memberships.stream().map(m -> m.getStudentNo() + ":" + m.getSegment()).collect(Collectors.toSet());
  }

  static List<AlumnusFacts> random(LocalDate d, int n, Random r) {
    String[] titles = {null, "Engineer", "CEO", "总经理", "Vice President", "Director", "teacher", "合伙人", ""};
    String[] amounts = {"0", "9999.99", "10000", "49999.99", "50000", "99999.99", "100000", "1500000"};
    List<AlumnusFacts> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Set<Integer> years = new HashSet<>();
      int gifts = r.nextInt(4);
      for (int g = 0; g < gifts; g++) {
        years.add(d.getYear() - r.nextInt(6));
      }
      BigDecimal lifetime = gifts == 0 ? BigDecimal.ZERO : new BigDecimal(amounts[r.nextInt(amounts.length)]);
      BigDecimal maxRecent = gifts == 0 || r.nextBoolean() ? null : new BigDecimal(amounts[r.nextInt(amounts.length)]);
      LocalDate visit = r.nextInt(3) == 0 ? d.minusDays(360 + r.nextInt(10)) : null;
      list.add(new AlumnusFacts(d, "S" + i, "cs", d.getYear() - r.nextInt(70) + 2, null, r.nextInt(5) > 0,
          r.nextBoolean(), r.nextInt(30) == 0, r.nextBoolean(), r.nextBoolean(), titles[r.nextInt(titles.length)],
          r.nextBoolean() ? "ACME" : (r.nextBoolean() ? " " : null), r.nextInt(8) == 0 ? "杰出校友" : null, lifetime,
          years, maxRecent, visit));
    }
    return list;
  }
}
