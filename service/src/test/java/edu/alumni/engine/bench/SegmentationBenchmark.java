package edu.alumni.engine.bench;

import edu.alumni.engine.AlumniEngagementApplication;
import edu.alumni.engine.alumni.AlumniImportService;
import edu.alumni.engine.demo.DemoRegistryGenerator;
import edu.alumni.engine.gift.GiftImportService;
import edu.alumni.engine.segment.SegmentationMapper;
import edu.alumni.engine.segment.SegmentationRun;
import edu.alumni.engine.segment.SegmentationService;
import edu.alumni.rules.segment.SegmentClassifier;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The segmentation benchmark of issue #3: a generated registry (default 1,000,000 alumni and their ~3,000,000
 * gifts, imported through the real import services, not timed) segmented by whole runs of the real service —
 * read, derive in SQL, classify, write memberships, switch — once with the Drools rules and once with a
 * hand-written Java classifier of the same segments (the I/O floor), on an H2 file database and on MariaDB. Run by
 * Maven's {@code bench} profile in a JVM of its own with {@code -Xmx1g} (see docs/benchmarks.md).
 *
 * <p>Settings (system properties): {@code bench.alumni}, {@code bench.db} (h2, mariadb, both), {@code bench.seed},
 * {@code bench.mariadb.url|user|password}, {@code bench.workdir}, {@code bench.out}.
 */
public final class SegmentationBenchmark {

  static final String DATABASE = "alumni_segbench";
  static final int GIFTS_PER_IMPORT = 250_000;
  /** The Connector/J flags of the README's MySQL URL. */
  static final String MARIADB_OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true&sendFractionalSeconds=false"
      + "&nullDatabaseMeansCurrent=true&rewriteBatchedStatements=true&characterEncoding=UTF-8";

  final int alumni = Integer.parseInt(setting("bench.alumni", "1000000").replace("_", ""));
  final String db = setting("bench.db", "both").toLowerCase(Locale.ROOT);
  final long seed = Long.parseLong(setting("bench.seed", "20261125"));
  final BenchMariaDb mariadb = BenchMariaDb.fromSettings();
  final Path workdir = Path.of(setting("bench.workdir", System.getProperty("java.io.tmpdir") + "/alumni-bench"));
  final String out = setting("bench.out", "");
  final List<String> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    new SegmentationBenchmark().run();
    System.exit(0);
  }

  void run() throws Exception {
    Files.createDirectories(workdir);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Path alumniCsv = workdir.resolve("seg-alumni-" + alumni + ".csv");
    Path giftsCsv = workdir.resolve("seg-gifts-" + alumni + ".csv");
    long t0 = System.nanoTime();
    DemoRegistryGenerator.Totals totals = new DemoRegistryGenerator(seed, today).writeFiles(alumni, alumniCsv,
        giftsCsv);
    System.out.printf("Generated %,d alumni and %,d gifts in %.1f s (not timed)%n", totals.alumni(), totals.gifts(),
        secs(t0));
    try {
      if (!db.equals("mariadb")) {
        Path h2 = workdir.resolve("seg-h2-" + System.currentTimeMillis());
        measure("H2 (file)", totals, alumniCsv, giftsCsv, today, List.of("--spring.profiles.active=bench",
            "--spring.datasource.url=jdbc:h2:file:" + h2.toAbsolutePath() + "/alumni",
            "--spring.datasource.username=sa", "--spring.datasource.password="));
      }
      if (!db.equals("h2")) {
        mariadb.recreate(DATABASE);
        measure("MariaDB", totals, alumniCsv, giftsCsv, today, mariadb.serviceArguments(DATABASE, "bench"));
      }
    } finally {
      Files.deleteIfExists(alumniCsv);
      Files.deleteIfExists(giftsCsv);
    }
    String table = "| database | classifier | alumni | gifts | run (s) | alumni/s | memberships | peak heap (MB) |\n"
        + "| --- | --- | --- | --- | --- | --- | --- | --- |\n" + String.join("\n", rows);
    System.out.println(table);
    if (!out.isBlank()) {
      Files.writeString(Path.of(out), "\n### Segmentation run, " + LocalDateTime.now().withNano(0) + ", "
          + Runtime.getRuntime().availableProcessors() + " cpus, heap max "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB\n\n" + table + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
  }

  void measure(String database, DemoRegistryGenerator.Totals totals, Path alumniCsv, Path giftsCsv, LocalDate asOf,
      List<String> settings) throws Exception {
    List<String> args = new ArrayList<>(settings);
    args.add("--server.port=0");
    args.add("--camunda.bpm.job-execution.enabled=false");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AlumniEngagementApplication.class)
        .run(args.toArray(String[]::new))) {
      long t0 = System.nanoTime();
      try (InputStream in = Files.newInputStream(alumniCsv)) {
        app.getBean(AlumniImportService.class).importCsv(in, false);
      }
      // in parts: one import is one transaction, and H2 keeps a transaction's rows in memory (3,000,000 gifts in
      // one import need more than the 1 GB this benchmark allows)
      for (Path part : split(giftsCsv, GIFTS_PER_IMPORT)) {
        try (InputStream in = Files.newInputStream(part)) {
          app.getBean(GiftImportService.class).importCsv(in, false);
        }
        Files.delete(part);
      }
      System.out.printf("%s: registry loaded in %.1f s (not timed)%n", database, secs(t0));
      SegmentationService runs = app.getBean(SegmentationService.class);
      SegmentationMapper mapper = app.getBean(SegmentationMapper.class);
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      // rules (warm-up), Java floor, rules again: the figures are the last two
      for (String pass : List.of("drools-warmup", "java", "drools")) {
        SegmentClassifier classifier = pass.equals("java") ? new JavaSegmentClassifier() : null;
        resetPeaks();
        long start = System.nanoTime();
        SegmentationRun run = classifier == null ? runs.start(asOf, "bench") : runs.start(asOf, "bench", classifier);
        SegmentationRun done = waitFor(mapper, run.id());
        double wall = secs(start);
        if (!SegmentationRun.COMPLETED.equals(done.status())) {
          throw new IllegalStateException(database + " " + pass + " run failed: " + done.errorText());
        }
        long memberships = jdbc.queryForObject("SELECT COALESCE(SUM(member_count), 0) FROM segmentation_run_count "
            + "WHERE run_id = ?", Long.class, run.id());
        double seconds = done.durationMs() / 1000.0;
        System.out.printf("%s %s: run %.1f s (wall %.1f s incl. triggers), %,d memberships, peak heap %d MB%n",
            database, pass, seconds, wall, memberships, peakHeapMb());
        if (!pass.endsWith("warmup")) {
          rows.add(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.1f | %,.0f | %,d | %d |", database,
              pass.equals("java") ? "hand-written Java (floor)" : "Drools rules", totals.alumni(), totals.gifts(),
              seconds, done.alumniEvaluated() / seconds, memberships, peakHeapMb()));
        }
      }
    }
  }

  /** The CSV file cut into files of at most {@code rows} data rows, each with the header. */
  static List<Path> split(Path csv, int rows) throws java.io.IOException {
    List<Path> parts = new ArrayList<>();
    try (var in = Files.newBufferedReader(csv)) {
      String header = in.readLine();
      String line = in.readLine();
      while (line != null) {
        Path part = csv.resolveSibling(csv.getFileName() + ".part" + parts.size());
        try (var out = Files.newBufferedWriter(part)) {
          out.write(header);
          out.write('\n');
          for (int n = 0; n < rows && line != null; n++, line = in.readLine()) {
            out.write(line);
            out.write('\n');
          }
        }
        parts.add(part);
      }
    }
    return parts;
  }

  static SegmentationRun waitFor(SegmentationMapper mapper, long id) throws InterruptedException {
    while (true) {
      SegmentationRun run = mapper.selectRun(id);
      if (!SegmentationRun.RUNNING.equals(run.status())) {
        // triggers and clean-up follow the run's completion; wait until no run is going on
        return run;
      }
      Thread.sleep(200);
    }
  }

  static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1 << 20);
  }

  static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static String setting(String name, String fallback) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
