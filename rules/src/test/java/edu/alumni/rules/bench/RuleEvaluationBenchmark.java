package edu.alumni.rules.bench;

import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.segment.AlumnusFacts;
import edu.alumni.rules.segment.SegmentEvaluator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Rule evaluation alone: segment rules over in-memory facts, chunks of 10,000 per session. */
public final class RuleEvaluationBenchmark {

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.alumni", 1_000_000);
    int chunk = Integer.getInteger("bench.chunk", 10_000);
    LocalDate d = LocalDate.of(2026, 6, 15);
    SegmentEvaluator evaluator = new SegmentEvaluator(RuleSet.compile(BuiltInRules.sources(BuiltInRules.SEGMENTS)));
    List<AlumnusFacts> facts = generate(d, n, new Random(7));
    int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 1; round <= 5; round++) {
        long start = System.nanoTime();
        List<Future<Integer>> parts = new ArrayList<>();
        for (int i = 0; i < n; i += chunk) {
          List<AlumnusFacts> part = facts.subList(i, Math.min(n, i + chunk));
          parts.add(pool.submit(() -> evaluator.evaluate(part).size()));
        }
        long memberships = 0;
        for (Future<Integer> f : parts) {
          memberships += f.get();
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("round %d: %,d alumni in %.2f s = %,.0f alumni/s on %d threads, %,d memberships%n", round,
            n, s, n / s, threads, memberships);
      }
    } finally {
      pool.shutdown();
    }
  }

  static List<AlumnusFacts> generate(LocalDate d, int n, Random r) {
    List<AlumnusFacts> list = new ArrayList<>(n);
    String[] titles = {null, null, null, "Engineer", "CEO", "总经理", "Teacher", "Partner"};
    for (int i = 0; i < n; i++) {
      Set<Integer> years = new HashSet<>();
      int gifts = r.nextInt(10) < 4 ? 1 + r.nextInt(6) : 0;
      BigDecimal total = BigDecimal.ZERO;
      for (int g = 0; g < gifts; g++) {
        years.add(2012 + r.nextInt(15));
        total = total.add(BigDecimal.valueOf(100 + r.nextInt(5000)));
      }
      list.add(new AlumnusFacts(d, "S" + i, "cs", 1966 + r.nextInt(61), null, r.nextInt(10) < 8, r.nextInt(10) < 5,
          r.nextInt(100) == 0, r.nextInt(10) < 7, r.nextInt(10) < 6, titles[r.nextInt(titles.length)],
          r.nextBoolean() ? "ACME" : null, r.nextInt(50) == 0 ? "杰出校友" : null, total, years,
          gifts > 0 ? BigDecimal.valueOf(r.nextInt(60000)) : null, null));
    }
    return list;
  }
}
