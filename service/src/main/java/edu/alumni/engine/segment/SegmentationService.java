package edu.alumni.engine.segment;

import edu.alumni.engine.rulebook.RuleBook;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import edu.alumni.rules.segment.AlumnusFacts;
import edu.alumni.rules.segment.Membership;
import edu.alumni.rules.segment.Segment;
import edu.alumni.rules.segment.SegmentClassifier;
import edu.alumni.rules.segment.SegmentEvaluator;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Segmentation runs: every alumnus evaluated as of D, chunk by chunk (derived facts computed in SQL once per chunk,
 * rules fired per chunk, memberships written in batches under the run's id). When all are written, the run becomes
 * the current one in a single update, so readers see the previous run's memberships or this run's, never a mix. A
 * run that fails leaves the current memberships as they were. One run at a time, in the background.
 */
@Service
public class SegmentationService {

  private static final Logger log = LoggerFactory.getLogger(SegmentationService.class);
  private static final int DELETE_SLICE = 5_000;

  private final SegmentationMapper mapper;
  private final SegmentationMapper batchWriter;
  private final RuleBook rules;
  private final List<SegmentationTrigger> triggers;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final SegmentationProperties settings;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(named("segmentation-run"));
  private final ExecutorService reader = Executors.newSingleThreadExecutor(named("segmentation-read"));
  private final ExecutorService evaluators;

  public SegmentationService(SegmentationMapper mapper, SqlSessionFactory sessions, RuleBook rules,
      List<SegmentationTrigger> triggers, TransactionTemplate transaction, Clock clock,
      SegmentationProperties settings) {
    this.mapper = mapper;
    this.batchWriter = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(SegmentationMapper.class);
    this.rules = rules;
    this.triggers = triggers;
    this.transaction = transaction;
    this.clock = clock;
    this.settings = settings;
    this.evaluators = Executors.newFixedThreadPool(settings.threads(), named("segmentation-rules"));
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @PreDestroy
  void stop() {
    runner.shutdownNow();
    reader.shutdownNow();
    evaluators.shutdownNow();
  }

  /** Starts a run with the active segment rules in the background; refused while another one is going on. */
  public SegmentationRun start(LocalDate asOf, String user) {
    RuleSet ruleSet = rules.active(BuiltInRules.SEGMENTS);
    return start(asOf, user, new SegmentEvaluator(ruleSet));
  }

  /** Starts a run with the given classifier (the benchmark compares the rules with a hand-written one). */
  public synchronized SegmentationRun start(LocalDate asOf, String user, SegmentClassifier classifier) {
    SegmentationRun running = mapper.selectRunningRun();
    if (running != null) {
      throw new RunInProgressException(running.id());
    }
    Long max = mapper.selectMaxRunId();
    SegmentationRun run = new SegmentationRun(max == null ? 1 : max + 1, asOf, SegmentationRun.RUNNING,
        classifier.version(), user, LocalDateTime.now(clock), null, 0, null, null);
    mapper.insertRun(run);
    runner.submit(() -> execute(run, classifier));
    return run;
  }

  /** Runs left RUNNING by a service that stopped are FAILED, and what they wrote is removed. */
  public synchronized int failInterruptedRuns() {
    SegmentationRun running;
    int failed = 0;
    while ((running = mapper.selectRunningRun()) != null) {
      Long current = mapper.selectCurrentRunId();
      if (current != null && current == running.id()) {
        // its memberships were stored and switched; only its triggers were cut short (they are idempotent, so the
        // next run for the same date starts what is missing)
        mapper.updateRunFinished(running.id(), SegmentationRun.COMPLETED, LocalDateTime.now(clock),
            running.alumniEvaluated(), running.durationMs() == null ? 0 : running.durationMs(),
            "interrupted while the triggers ran: the service stopped; run again for the same date to start what is "
                + "missing");
        log.warn("Segmentation run {} was interrupted while its triggers ran", running.id());
        continue;
      }
      mapper.updateRunFinished(running.id(), SegmentationRun.FAILED, LocalDateTime.now(clock),
          running.alumniEvaluated(), 0, "interrupted: the service stopped while the run was going on");
      deleteMemberships(running.id());
      log.warn("Segmentation run {} was interrupted by a stop of the service and is marked FAILED", running.id());
      failed++;
    }
    return failed;
  }

  private void execute(SegmentationRun run, SegmentClassifier evaluator) {
    long start = System.nanoTime();
    long evaluated = 0;
    try {
      Map<String, Long> counts = new LinkedHashMap<>();
      Segment.codes().forEach(code -> counts.put(code, 0L));
      LocalDate fiveYearsAgo = fiveYearsBefore(run.asOf());
      long classifyNanos = 0;
      long writeNanos = 0;
      long waitNanos = 0;
      // the next chunk is read and derived while this one is classified and written
      Future<Chunk> next = reader.submit(() -> readChunk(run.asOf(), "", fiveYearsAgo));
      while (true) {
        long t0 = System.nanoTime();
        Chunk chunk = next.get();
        if (chunk.facts().isEmpty()) {
          break;
        }
        next = reader.submit(() -> readChunk(run.asOf(), chunk.last(), fiveYearsAgo));
        long t1 = System.nanoTime();
        List<Membership> memberships = evaluate(evaluator, chunk.facts());
        long t2 = System.nanoTime();
        write(run.id(), memberships, counts);
        evaluated += chunk.facts().size();
        mapper.updateRunProgress(run.id(), evaluated);
        waitNanos += t1 - t0;
        classifyNanos += t2 - t1;
        writeNanos += System.nanoTime() - t2;
      }
      log.info("Segmentation run {}: waited for reading {} ms, classified {} ms, wrote {} ms", run.id(),
          waitNanos / 1_000_000, classifyNanos / 1_000_000, writeNanos / 1_000_000);
      long durationMs = (System.nanoTime() - start) / 1_000_000;
      long total = evaluated;
      transaction.executeWithoutResult(status -> {
        counts.forEach((code, count) -> mapper.insertCount(run.id(), code, count));
        if (mapper.updateCurrentRun(run.id()) == 0) {
          mapper.insertCurrentRun(run.id());
        }
        // still RUNNING until its triggers have fired, so a client polling for the end reads complete counts
        mapper.updateRunFinished(run.id(), SegmentationRun.RUNNING, null, total, durationMs, null);
      });
      log.info("Segmentation run {} as of {} evaluated {} alumni in {} ms: {}", run.id(), run.asOf(), total,
          durationMs, counts);
    } catch (Throwable e) {
      long durationMs = (System.nanoTime() - start) / 1_000_000;
      log.error("Segmentation run {} failed after {} alumni", run.id(), evaluated, e);
      try {
        mapper.updateRunFinished(run.id(), SegmentationRun.FAILED, LocalDateTime.now(clock), evaluated, durationMs,
            describe(e));
        deleteMemberships(run.id());
      } catch (RuntimeException cleanup) {
        log.error("Could not record the failure of segmentation run {}", run.id(), cleanup);
      }
      return;
    }
    // The run's memberships are the current ones: a failure of what follows (triggers, removing old runs'
    // memberships) is recorded on the run but must not mark it FAILED nor delete the current memberships.
    String error = null;
    try {
      error = fireTriggers(mapper.selectRun(run.id()));
      removeOldMemberships(run.id());
    } catch (Throwable e) {
      log.error("Segmentation run {} completed, but what follows it failed", run.id(), e);
      error = describe(e);
    }
    try {
      SegmentationRun done = mapper.selectRun(run.id());
      mapper.updateRunFinished(run.id(), SegmentationRun.COMPLETED, LocalDateTime.now(clock),
          done.alumniEvaluated(), done.durationMs() == null ? 0 : done.durationMs(), error);
    } catch (RuntimeException record) {
      log.error("Could not record the end of segmentation run {}", run.id(), record);
    }
  }

  private static String describe(Throwable e) {
    String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    Throwable cause = e.getCause();
    while (cause != null && cause != e) {
      text += " (caused by " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
      e = cause;
      cause = e.getCause();
    }
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  /** A chunk of alumni with their derived facts, and the last student number read. */
  private record Chunk(List<AlumnusFacts> facts, String last) {
  }

  /** The next chunk after {@code after} in student number order: its rows and, in one query, its gifts. */
  private Chunk readChunk(LocalDate asOf, String after, LocalDate fiveYearsAgo) {
    List<AlumnusFactsRow> rows = mapper.selectAlumniChunk(after, settings.chunkSize());
    if (rows.isEmpty()) {
      return new Chunk(List.of(), after);
    }
    String first = rows.get(0).studentNo();
    String last = rows.get(rows.size() - 1).studentNo();
    return new Chunk(facts(asOf, rows, mapper.selectGiftYears(first, last, asOf, fiveYearsAgo)), last);
  }

  /** Where DATA.md's "largest gift of the last 5 years" starts for the date D (exclusive). */
  private static LocalDate fiveYearsBefore(LocalDate asOf) {
    return asOf.minusYears(5);
  }

  /** One alumnus's derived facts as of the date, as a run would derive them; null when no such alumnus exists. */
  public static AlumnusFacts factsOf(SegmentationMapper mapper, String studentNo, LocalDate asOf) {
    AlumnusFactsRow row = mapper.selectAlumnusFacts(studentNo);
    if (row == null) {
      return null;
    }
    return facts(asOf, List.of(row), mapper.selectGiftYears(studentNo, studentNo, asOf, fiveYearsBefore(asOf))).get(0);
  }

  /** Derived facts of DATA.md for one chunk, from its alumni rows and its gifts grouped by alumnus and year. */
  static List<AlumnusFacts> facts(LocalDate asOf, List<AlumnusFactsRow> rows, List<GiftYearRow> giftYears) {
    Map<String, List<GiftYearRow>> byAlumnus = new HashMap<>();
    for (GiftYearRow g : giftYears) {
      byAlumnus.computeIfAbsent(g.studentNo(), k -> new ArrayList<>(4)).add(g);
    }
    List<AlumnusFacts> facts = new ArrayList<>(rows.size());
    for (AlumnusFactsRow r : rows) {
      BigDecimal lifetime = BigDecimal.ZERO;
      BigDecimal maxRecent = null;
      Set<Integer> years = new HashSet<>();
      for (GiftYearRow g : byAlumnus.getOrDefault(r.studentNo(), List.of())) {
        years.add(g.giftYear());
        lifetime = lifetime.add(g.total());
        if (g.maxRecent() != null && (maxRecent == null || g.maxRecent().compareTo(maxRecent) > 0)) {
          maxRecent = g.maxRecent();
        }
      }
      facts.add(new AlumnusFacts(asOf, r.studentNo(), r.collegeCode(), r.graduationYear(), r.chapterCode(),
          r.consentContact(), r.consentFundraising(), r.deceased(), r.emailGiven(), r.phoneGiven(), r.jobTitle(),
          r.employer(), r.honors(), lifetime, years, maxRecent, r.lastVisitDate()));
    }
    return facts;
  }

  private List<Membership> evaluate(SegmentClassifier evaluator, List<AlumnusFacts> facts) throws Exception {
    int parts = Math.min(settings.threads(), Math.max(1, facts.size() / 1_000));
    if (parts <= 1) {
      return evaluator.evaluate(facts);
    }
    int size = (facts.size() + parts - 1) / parts;
    List<Future<List<Membership>>> futures = new ArrayList<>(parts);
    for (int i = 0; i < facts.size(); i += size) {
      List<AlumnusFacts> part = facts.subList(i, Math.min(facts.size(), i + size));
      futures.add(evaluators.submit(() -> evaluator.evaluate(part)));
    }
    List<Membership> all = new ArrayList<>(facts.size() * 2);
    for (Future<List<Membership>> f : futures) {
      all.addAll(f.get());
    }
    return all;
  }

  private void write(long runId, List<Membership> memberships, Map<String, Long> counts) {
    transaction.executeWithoutResult(status -> {
      for (Membership m : memberships) {
        batchWriter.insertMembership(new MembershipRow(runId, m.getSegment(), m.getStudentNo(), m.getRule(),
            truncate(m.getFacts(), 1000)));
      }
    });
    for (Membership m : memberships) {
      counts.merge(m.getSegment(), 1L, Long::sum);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** Fires every trigger; returns what failed, or null. One trigger failing does not keep the others from firing. */
  private String fireTriggers(SegmentationRun run) {
    List<String> failures = new ArrayList<>();
    for (SegmentationTrigger trigger : triggers) {
      int started;
      try {
        started = trigger.fire(run);
      } catch (RuntimeException e) {
        log.error("Trigger {} failed after segmentation run {}", trigger.key(), run.id(), e);
        failures.add("trigger " + trigger.key() + " failed: " + describe(e));
        continue;
      }
      mapper.insertStarted(run.id(), trigger.key(), started);
    }
    return failures.isEmpty() ? null : String.join("; ", failures);
  }

  /** Keeps the memberships of the last {@code keepRuns} runs; older runs keep only their counts. */
  private void removeOldMemberships(long newestRunId) {
    long keepFrom = newestRunId - settings.keepRuns() + 1;
    for (long runId : mapper.selectRunIdsWithMembershipsBefore(keepFrom)) {
      deleteMemberships(runId);
    }
  }

  private void deleteMemberships(long runId) {
    while (mapper.deleteMembershipsOfRun(runId, DELETE_SLICE) > 0) {
      // slice by slice
    }
  }
}
