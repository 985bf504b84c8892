package edu.alumni.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import edu.alumni.engine.AlumniEngagementApplication;
import edu.alumni.engine.demo.DemoRegistryGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import benchmark of issue #2: N generated alumni rows (default 1,000,000) POSTed over real HTTP to
 * {@code /api/alumni/import} of the real application, on an H2 file database and on MariaDB, then the same file
 * with {@code LOAD DATA LOCAL INFILE} into an empty copy of the alumnus table as the floor. Not a unit test: run by
 * Maven's {@code bench} profile in a JVM of its own with {@code -Xmx512m} (see docs/benchmarks.md), so the heap
 * figures are those of the application under that limit.
 *
 * <p>Settings (system properties): {@code bench.rows}, {@code bench.db} ({@code h2}, {@code mariadb} or
 * {@code both}), {@code bench.seed}, {@code bench.batch-size} (overrides alumni.import.batch-size when given),
 * {@code bench.profile} ({@code true}: sample the import thread's stack to show where the time goes),
 * {@code bench.mariadb.url} (server URL without database), {@code bench.mariadb.user}, {@code bench.mariadb.password},
 * {@code bench.workdir} (temporary files), {@code bench.out} (the markdown file to append the run to; empty: none).
 */
public final class ImportBenchmark {

  static final String DATABASE = "alumni_bench";
  static final String MARIADB_OPTIONS = SegmentationBenchmark.MARIADB_OPTIONS;
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin";

  final int rows = Integer.parseInt(setting("bench.rows", "1000000").replace("_", ""));
  final String db = setting("bench.db", "both").toLowerCase(Locale.ROOT);
  final long seed = Long.parseLong(setting("bench.seed", "20261125"));
  final String batchSize = setting("bench.batch-size", "");
  final boolean profile = Boolean.parseBoolean(setting("bench.profile", "false"));
  final String mariadbUrl = trimSlash(setting("bench.mariadb.url", "jdbc:mysql://127.0.0.1:3306"));
  final String mariadbUser = setting("bench.mariadb.user", "root");
  final String mariadbPassword = setting("bench.mariadb.password", "");
  final Path workdir = Path.of(setting("bench.workdir", System.getProperty("java.io.tmpdir") + "/alumni-bench"));
  final String out = setting("bench.out", "");

  final List<Result> results = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  String mariadbVersion;
  String h2Version;

  /** One measured import. */
  record Result(String what, long rows, double seconds, double cpuSeconds, long peakHeapUsed, long peakHeapAfterGc,
      long heapAtRest, long gcCount, long gcMillis, String answer, Map<String, Long> profile, String loadBefore,
      String loadAfter) {

    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    ImportBenchmark bench = new ImportBenchmark();
    int status = bench.run();
    // Spring, Tomcat and the engine leave non-daemon threads behind only if a context failed to close
    System.exit(status);
  }

  int run() throws Exception {
    if (!List.of("h2", "mariadb", "both").contains(db)) {
      throw new IllegalArgumentException("bench.db must be h2, mariadb or both, not '" + db + "'");
    }
    Files.createDirectories(workdir);
    System.out.printf("%nImport benchmark: %,d alumni rows, database %s, heap max %s, %d cpus%n", rows, db,
        mb(Runtime.getRuntime().maxMemory()), Runtime.getRuntime().availableProcessors());
    Path csv = workdir.resolve("alumni-" + rows + "-" + seed + ".csv");
    long t0 = System.nanoTime();
    // as of the service's today, so every row is valid for it (graduation years up to the current year)
    new DemoRegistryGenerator(seed, LocalDate.now(ZoneId.of("Asia/Shanghai"))).writeFiles(rows, csv, null);
    System.out.printf("Generated %s (%s) in %.1f s (not timed)%n", csv, mb(Files.size(csv)), secs(t0));

    try {
      if (!db.equals("mariadb")) {
        Path h2 = workdir.resolve("h2-" + System.currentTimeMillis());
        try {
          results.add(importOverHttp("H2 (file) import over HTTP", csv, List.of("--spring.profiles.active=bench",
              "--spring.datasource.url=jdbc:h2:file:" + h2.toAbsolutePath() + "/alumni",
              "--spring.datasource.username=sa", "--spring.datasource.password=")));
        } finally {
          deleteTree(h2);
        }
      }
      if (!db.equals("h2")) {
        recreateMariadbDatabase();
        results.add(importOverHttp("MariaDB import over HTTP", csv, List.of("--spring.profiles.active=mysql,bench",
            "--spring.datasource.url=" + mariadbUrl + "/" + DATABASE + "?" + MARIADB_OPTIONS,
            "--spring.datasource.username=" + mariadbUser, "--spring.datasource.password=" + mariadbPassword)));
        results.add(loadDataLocalInfile(csv));
      }
    } finally {
      Files.deleteIfExists(csv);
    }
    String table = table();
    System.out.println();
    System.out.println(table);
    if (!out.isBlank()) {
      appendMarkdown(Path.of(out), table);
      System.out.println("Written to " + Path.of(out).toAbsolutePath().normalize());
    }
    return 0;
  }

  // ---- the application over HTTP

  Result importOverHttp(String what, Path csv, List<String> settings) throws Exception {
    List<String> args = new ArrayList<>(settings);
    args.add("--server.port=0");
    args.add("--camunda.bpm.admin-user.id=" + ADMIN);
    args.add("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
    if (!batchSize.isBlank()) {
      args.add("--alumni.import.batch-size=" + batchSize);
    }
    System.out.printf("%n== %s: starting the application (%s)%n", what, String.join(" ", settings));
    long started = System.nanoTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AlumniEngagementApplication.class)
        .run(args.toArray(String[]::new))) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c ->
          c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
      if (what.startsWith("H2")) {
        h2Version = product;
      }
      System.out.printf("Started in %.1f s on port %d (%s); importing %s ...%n", secs(started), port, product,
          csv.getFileName());

      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alumni/import"))
          .timeout(Duration.ofMinutes(30))
          .header("Content-Type", "text/csv")
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofFile(csv))
          .build();

      try (Measure m = new Measure(profile)) {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        m.stop();
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM alumnus", Long.class);
        String answer = response.statusCode() + " " + abbreviate(response.body());
        System.out.printf("%s: %.1f s (JVM CPU %.1f s), %,.0f rows/s, peak heap used %s (after GC %s; at rest before "
            + "the import %s), %d GCs %d ms; load average %s -> %s; answer %s; alumnus rows stored: %,d%n", what,
            m.seconds, m.cpuSeconds, rows / m.seconds, mb(m.peakUsed()), mb(m.peakAfterGc()), mb(m.baseline),
            m.gcCount, m.gcMillis, m.loadBefore, m.loadAfter, answer, stored);
        if (response.statusCode() != 200) {
          throw new IllegalStateException(what + " failed: " + answer);
        }
        JsonNode report = new ObjectMapper().readTree(response.body());
        if (report.path("imported").asLong() != rows || stored != rows) {
          throw new IllegalStateException(what + ": expected " + rows + " imported rows, the answer was " + answer
              + " and the table holds " + stored);
        }
        if (profile) {
          printProfile(what, m.samples);
        }
        return new Result(what, rows, m.seconds, m.cpuSeconds, m.peakUsed(), m.peakAfterGc(), m.baseline, m.gcCount,
            m.gcMillis,
            abbreviate(response.body()), m.samples, m.loadBefore, m.loadAfter);
      }
    }
  }

  // ---- MariaDB: a fresh database for the application, and LOAD DATA LOCAL INFILE as the floor

  Connection server(String database, String extra) throws SQLException {
    String url = mariadbUrl + "/" + database + "?" + MARIADB_OPTIONS + extra;
    return DriverManager.getConnection(url, mariadbUser, mariadbPassword);
  }

  void recreateMariadbDatabase() throws SQLException {
    try (Connection c = server("", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
      try (ResultSet r = s.executeQuery("SELECT VERSION()")) {
        r.next();
        mariadbVersion = r.getString(1);
      }
    } catch (SQLException e) {
      throw new SQLException("MariaDB at " + mariadbUrl + " as " + mariadbUser + " is needed for bench.db=" + db
          + " (or run with -Dbench.db=h2): " + e.getMessage(), e);
    }
  }

  /** The same CSV into an empty copy of the alumnus table, converted as the import stores it. */
  Result loadDataLocalInfile(Path csv) throws SQLException {
    System.out.printf("%n== LOAD DATA LOCAL INFILE of the same file into an empty copy of alumnus%n");
    try (Connection c = server(DATABASE, "&allowLoadLocalInfile=true"); Statement s = c.createStatement()) {
      try {
        s.execute("SET GLOBAL local_infile = 1");
      } catch (SQLException e) {
        notes.add("SET GLOBAL local_infile=1 failed (" + e.getMessage() + "); the server setting was used as is");
      }
      s.execute("DROP TABLE IF EXISTS alumnus_load");
      s.execute("CREATE TABLE alumnus_load LIKE alumnus");
      List<String> columns = DemoRegistryGenerator.ALUMNI_COLUMNS;
      String variables = String.join(", ", columns.stream().map(col -> "@" + col).toList());
      String sql = "LOAD DATA LOCAL INFILE '" + csv.toAbsolutePath().toString().replace("'", "''")
          + "' INTO TABLE alumnus_load CHARACTER SET utf8mb4"
          + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY ''"
          + " LINES TERMINATED BY '\\n' IGNORE 1 LINES (" + variables + ") SET"
          + " student_no = TRIM(@student_no), name = TRIM(@name), gender = NULLIF(UPPER(TRIM(@gender)), ''),"
          + " college_code = LOWER(TRIM(@college)), major = " + text("major") + ", degree = UPPER(TRIM(@degree)),"
          + " enrollment_year = NULLIF(TRIM(@enrollment_year), ''), graduation_year = TRIM(@graduation_year),"
          + " class_name = " + text("class_name") + ", city = " + text("city") + ","
          + " chapter_code = (SELECT cc.chapter_code FROM chapter_city cc"
          + " WHERE cc.city_key = LOWER(TRIM(@city)) COLLATE utf8mb4_general_ci),"
          + " country = " + text("country") + ", employer = " + text("employer") + ", industry = " + text("industry")
          + ", job_title = " + text("job_title") + ", email = " + text("email") + ","
          + " phone = NULLIF(REPLACE(REPLACE(TRIM(@phone), ' ', ''), '-', ''), ''), honors = " + text("honors") + ","
          + " consent_contact = " + flag("consent_contact") + ", consent_fundraising = " + flag("consent_fundraising")
          + ", deceased = " + flag("deceased");
      try (Measure m = new Measure(false)) {
        long loaded = s.executeLargeUpdate(sql);
        m.stop();
        long stored;
        try (ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(chapter_code) FROM alumnus_load")) {
          r.next();
          stored = r.getLong(1);
        }
        long warnings = 0;
        try (ResultSet r = s.executeQuery("SHOW COUNT(*) WARNINGS")) {
          if (r.next()) {
            warnings = r.getLong(1);
          }
        }
        System.out.printf("LOAD DATA: %.1f s, %,.0f rows/s; %,d rows loaded, %,d stored, %d warnings; load average "
            + "%s -> %s%n", m.seconds, rows / m.seconds, loaded, stored, warnings, m.loadBefore, m.loadAfter);
        if (stored != rows) {
          throw new IllegalStateException("LOAD DATA stored " + stored + " rows, expected " + rows);
        }
        s.execute("DROP TABLE alumnus_load");
        return new Result("MariaDB LOAD DATA LOCAL INFILE", rows, m.seconds, -1, -1, -1, -1, 0, 0,
            loaded + " rows, " + warnings + " warnings", Map.of(), m.loadBefore, m.loadAfter);
      }
    }
  }

  static String text(String column) {
    return "NULLIF(TRIM(@" + column + "), '')";
  }

  static String flag(String column) {
    return "(LOWER(TRIM(@" + column + ")) IN ('true', 'yes', '1'))";
  }

  // ---- measuring: wall time, heap (sampled used, and live after each GC), GC, optional stack samples

  static final class Measure implements AutoCloseable {
    final long start = System.nanoTime();
    final long cpuStart = processCpuNanos();
    final String loadBefore = load();
    String loadAfter;
    final AtomicLong peakUsed = new AtomicLong();
    final AtomicLong peakAfterGc = new AtomicLong();
    final Map<String, Long> samples = new ConcurrentHashMap<>();
    final long gcCount0;
    final long gcMillis0;
    /** Heap in use after a full GC just before the measured work: the application's live data at rest. */
    final long baseline;
    final Thread sampler;
    final List<Runnable> unsubscribe = new ArrayList<>();
    volatile boolean running = true;
    double seconds;
    /** CPU time of this JVM (all its threads) during the measure: steadier than wall time on a busy machine. */
    double cpuSeconds;
    long gcCount;
    long gcMillis;

    Measure(boolean stacks) {
      System.gc();
      baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      ManagementFactory.getMemoryPoolMXBeans().forEach(p -> p.resetPeakUsage());
      gcCount0 = gcCount();
      gcMillis0 = gcMillis();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          NotificationListener listener = (n, handback) -> {
            if (running && GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
              var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
              long before = heapOnly(info.getGcInfo().getMemoryUsageBeforeGc());
              long after = heapOnly(info.getGcInfo().getMemoryUsageAfterGc());
              peakUsed.accumulateAndGet(before, Math::max);
              peakAfterGc.accumulateAndGet(after, Math::max);
            }
          };
          emitter.addNotificationListener(listener, null, null);
          unsubscribe.add(() -> {
            try {
              emitter.removeNotificationListener(listener);
            } catch (Exception ignored) {
              // already gone
            }
          });
        }
      }
      sampler = new Thread(() -> {
        var memory = ManagementFactory.getMemoryMXBean();
        int tick = 0;
        while (running) {
          peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          if (stacks && tick++ % 2 == 0) {
            sampleStacks();
          }
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    void sampleStacks() {
      for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
        String label = label(e.getValue());
        if (label != null) {
          samples.merge(label, 1L, Long::sum);
        }
      }
    }

    void stop() {
      seconds = secs(start);
      cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      loadAfter = load();
      running = false;
      sampler.interrupt();
      gcCount = gcCount() - gcCount0;
      gcMillis = gcMillis() - gcMillis0;
    }

    long peakUsed() {
      return peakUsed.get();
    }

    long peakAfterGc() {
      return peakAfterGc.get();
    }

    @Override
    public void close() {
      if (running) {
        stop();
      }
      unsubscribe.forEach(Runnable::run);
    }

    /** The GC reports every memory pool; the heap is the HEAP pools only (not metaspace, code cache). */
    static long heapOnly(Map<String, MemoryUsage> pools) {
      return pools.entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey()))
          .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
        .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());

    static long processCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    static long gcCount() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    static long gcMillis() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
  }

  /** What an import thread is doing in a stack sample: phase of CsvImporter, then the work within it. */
  static String label(StackTraceElement[] stack) {
    String phase = null;
    for (StackTraceElement f : stack) {
      String c = f.getClassName();
      String m = f.getMethodName();
      if (c.endsWith("CsvImporter")) {
        phase = switch (m) {
          case "spool" -> "receive upload (spool to temp file)";
          case "validate" -> "pass 1 validate";
          case "write" -> "pass 2 write";
          default -> phase;
        };
      }
      if (phase == null && c.endsWith("TransactionTemplate") && m.equals("execute")) {
        phase = "transaction";
      }
    }
    if (phase == null) {
      return null;
    }
    String work = null;
    for (StackTraceElement f : stack) {
      String c = f.getClassName();
      String m = f.getMethodName();
      if (m.equals("executeBatch") || m.equals("doFlushStatements") || m.equals("executeBatchInternal")) {
        work = "JDBC batch insert (flush)";
      } else if (c.endsWith("BatchExecutor") && m.equals("doQuery") || m.equals("selectByStudentNos")
          || m.equals("selectExistingStudentNos") || m.equals("selectByGiftRefs")) {
        work = "select stored rows of the chunk";
      } else if (c.endsWith("BatchExecutor") && m.equals("doUpdate")) {
        work = "queue insert (MyBatis parameters)";
      } else if (m.equals("doCommit") || m.equals("commit") && c.contains("Connection")) {
        work = "commit";
      } else if (c.endsWith("CsvReader") || c.contains("CsvReader$")) {
        work = "read and split CSV";
      } else if (c.endsWith("CsvFormat") && m.equals("parse")) {
        work = "parse and check row values";
      } else if (c.endsWith("CsvFormat") && m.equals("check")) {
        work = "check chunk (duplicates, references)";
      } else if (c.endsWith("CsvFormat") && m.equals("write")) {
        work = work == null ? "format write (other)" : work;
      } else if (c.endsWith("CsvImporter") && m.equals("spool")) {
        work = "copy request body to file";
      }
      if (work != null && !work.equals("format write (other)")) {
        break;
      }
    }
    if (work == null) {
      StackTraceElement top = stack.length > 0 ? stack[0] : null;
      work = top == null ? "?" : "other: " + top.getClassName().replaceAll(".*\\.", "") + "." + top.getMethodName();
    }
    return phase + " / " + work;
  }

  static void printProfile(String what, Map<String, Long> samples) {
    long total = samples.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("Where the import thread spent its time (%s, %d stack samples):%n", what, total);
    samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
        .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }

  // ---- output

  String table() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("| %-34s | %10s | %9s | %9s | %9s | %14s | %13s | %13s | %14s | %-20s |%n", "what",
        "rows", "seconds", "JVM CPU s", "rows/s", "peak heap used", "peak after GC", "heap at rest", "GC (n, ms)",
        "load avg before/after"));
    b.append("|").append("-".repeat(36)).append("|").append("-".repeat(12)).append("|").append("-".repeat(11))
        .append("|").append("-".repeat(11))
        .append("|").append("-".repeat(11)).append("|").append("-".repeat(16)).append("|").append("-".repeat(15))
        .append("|").append("-".repeat(15)).append("|").append("-".repeat(16)).append("|").append("-".repeat(22))
        .append("|\n");
    for (Result r : results) {
      b.append(String.format("| %-34s | %,10d | %9.1f | %9s | %,9.0f | %14s | %13s | %13s | %14s | %-20s |%n",
          r.what(), r.rows(), r.seconds(), r.cpuSeconds() < 0 ? "" : String.format("%.1f", r.cpuSeconds()),
          r.rowsPerSecond(), r.peakHeapUsed() < 0 ? "(server)" : mb(r.peakHeapUsed()),
          r.peakHeapAfterGc() < 0 ? "" : mb(r.peakHeapAfterGc()), r.heapAtRest() < 0 ? "" : mb(r.heapAtRest()),
          r.peakHeapUsed() < 0 ? "" : r.gcCount() + ", " + r.gcMillis(),
          r.loadBefore().split(" ")[0] + " / " + r.loadAfter().split(" ")[0]));
    }
    Result maria = find("MariaDB import");
    Result load = find("MariaDB LOAD DATA");
    if (maria != null && load != null) {
      b.append(String.format("%nRatio import over HTTP / LOAD DATA LOCAL INFILE on MariaDB: %.1f×%n",
          maria.seconds() / load.seconds()));
    }
    Result h2 = find("H2");
    b.append(String.format("%nTargets (issue #2): H2 ≤ 60 s: %s; MariaDB ≤ 90 s: %s; heap ≤ %s (-Xmx).%n",
        h2 == null ? "not run" : verdict(h2.seconds() <= 60, h2.seconds()),
        maria == null ? "not run" : verdict(maria.seconds() <= 90, maria.seconds()),
        mb(Runtime.getRuntime().maxMemory())));
    return b.toString();
  }

  Result find(String prefix) {
    return results.stream().filter(r -> r.what().startsWith(prefix)).findFirst().orElse(null);
  }

  static String verdict(boolean met, double seconds) {
    return String.format("%s (%.1f s)", met ? "met" : "MISSED", seconds);
  }

  void appendMarkdown(Path file, String table) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    StringBuilder b = new StringBuilder();
    if (!Files.exists(file)) {
      b.append(MARKDOWN_HEAD);
    }
    b.append(String.format("%n## Run of %s: %,d rows%n%n", LocalDateTime.now().withNano(0)
        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).replace('T', ' '), rows));
    b.append("Machine: ").append(machine()).append(".  \n");
    b.append(String.format("JVM: Java %s, max heap %s (%s).  %n", System.getProperty("java.version"),
        mb(Runtime.getRuntime().maxMemory()), String.join(" ", ManagementFactory.getRuntimeMXBean()
            .getInputArguments().stream().filter(a -> a.startsWith("-X")).toList())));
    b.append("Databases: ").append(h2Version == null ? "" : h2Version + " (file, in a temp folder); ")
        .append(mariadbVersion == null ? "" : "MariaDB " + mariadbVersion + " (database " + DATABASE
            + ", dropped and recreated)").append(".  \n");
    b.append("Settings: seed ").append(seed).append(", batch size ")
        .append(batchSize.isBlank() ? "of application.yaml (bench profile)" : batchSize)
        .append(profile ? ", stack sampling on (costs a little time)" : "").append(".\n\n");
    b.append(table.strip()).append("\n");
    for (Result r : results) {
      if (!r.profile().isEmpty()) {
        long total = r.profile().values().stream().mapToLong(Long::longValue).sum();
        b.append(String.format("%nWhere %s spent its time (%d samples):%n%n", r.what(), total));
        r.profile().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
            .forEach(e -> b.append(String.format("- %.1f%% %s%n", 100.0 * e.getValue() / total, e.getKey())));
      }
    }
    for (String note : notes) {
      b.append("\nNote: ").append(note).append("\n");
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  static final String MARKDOWN_HEAD = """
      # Benchmarks

      ## Alumni import (issue #2)

      Target: an import of 1,000,000 generated alumni rows in at most 60 s on H2 and at most 90 s on MariaDB, on 2
      cores with a heap of at most 512 MB; reported with the ratio to a plain `LOAD DATA LOCAL INFILE` of the same
      rows into the same table on MariaDB, measured in the same run.

      How: `edu.alumni.engine.bench.ImportBenchmark` (service/src/test/java) generates the rows with the demo
      generator (`DemoRegistryGenerator`, not timed), starts the real application (profile `bench`, plus `mysql` for
      MariaDB) and POSTs the file over HTTP to `/api/alumni/import` as admin, timing the request. Then, on MariaDB, it
      times `LOAD DATA LOCAL INFILE` of the same file into `CREATE TABLE alumnus_load LIKE alumnus`, with the same
      conversions the import makes (trim, empty to NULL, flags to booleans, phone without spaces and dashes, the
      chapter of the city). Heap: the largest heap in use seen (sampled every 10 ms and before each GC), the largest
      heap left after any GC (an upper bound of the live data: young collections leave old garbage in place), and the
      heap after a full GC just before the import (the application at rest), in the JVM that runs the application.
      JVM CPU: CPU time of that JVM during the import, steadier than wall time when the machine is shared.

      Run from the repository root (MariaDB must be running for `both` and `mariadb`):

      ```
      mvn -B -pl service -am -Pbench -DskipTests verify
      mvn -B -pl service -am -Pbench -DskipTests verify -Dbench.rows=50000 -Dbench.db=h2
      ```

      Settings: `-Dbench.rows=N` (default 1000000), `-Dbench.db=h2|mariadb|both` (default both),
      `-Dbench.batch-size=N` (overrides `alumni.import.batch-size`), `-Dbench.profile=true` (stack samples of the
      import thread: where the time goes), `-Dbench.mariadb.url=jdbc:mysql://HOST:PORT`, `-Dbench.mariadb.user=`,
      `-Dbench.mariadb.password=` (default root without password over 127.0.0.1), `-Dbench.heap=512m`.
      Each run appends a section below.
      """;

  static String machine() {
    String cpu = "?";
    String memory = "?";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst().orElse("?");
    } catch (IOException | UncheckedIOException ignored) {
      // not Linux
    }
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      memory = lines.filter(l -> l.startsWith("MemTotal:")).map(l -> l.replaceAll("[^0-9]", ""))
          .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0)).findFirst().orElse("?");
    } catch (IOException | UncheckedIOException ignored) {
      // not Linux
    }
    return "nproc " + Runtime.getRuntime().availableProcessors() + ", memory " + memory + ", CPU " + cpu + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }

  /** The load average now (1, 5, 15 minutes): other work on the machine skews the timings. */
  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  // ---- helpers

  static String setting(String name, String fallback) {
    String v = System.getProperty(name);
    return v == null ? fallback : v.strip();
  }

  static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static String mb(long bytes) {
    return String.format("%,.0f MB", bytes / 1024.0 / 1024.0);
  }

  static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
