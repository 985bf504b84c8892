package edu.alumni.engine.bench;

import edu.alumni.engine.AlumniEngagementApplication;
import edu.alumni.engine.alumni.AlumniImportService;
import edu.alumni.engine.demo.DemoRegistryGenerator;
import edu.alumni.engine.deployment.DeploymentValidationPlugin;
import edu.alumni.engine.gift.GiftRecordingService;
import edu.alumni.engine.gift.GiftRequest;
import edu.alumni.engine.system.StaffGroups;
import edu.alumni.rules.process.DonationStewardship;
import edu.alumni.rules.process.ReunionPlanning;
import edu.alumni.rules.process.VisitCycle;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process benchmark of issue #4, on MariaDB by default: gifts POSTed over real HTTP to {@code /api/gifts} (each
 * stored, classified by the rules and carried to its first user tasks, owners decided and recorded, in one
 * transaction) against the same number of starts of a one-task process through the bare engine API in the same
 * run, and the same gifts through the service without HTTP; then, with 100,000 open tasks and MariaDB's dirty pages
 * flushed ({@link #settle}), the candidate-group task query of Tasklist through {@code /engine-rest}, as a
 * coordinator of the queried groups or as a manager; last, the stewardship diagram itself started through the bare
 * engine API (none of the service's work: the engine's own cost for the contract's diagram) and the one-task process
 * once more, on the tables as they are then.
 *
 * <p>Settings: {@code bench.gifts} (10,000), {@code bench.warm-up} (as many of each path as
 * {@code bench.gifts}, first, not measured),
 * {@code bench.threads} (client threads, 4), {@code bench.open-tasks}
 * (100,000), {@code bench.task-queries} (per group, 100), {@code bench.task-query-as} (coordinator or manager),
 * {@code bench.db} (mariadb or h2), {@code bench.mariadb.url|user|password|options}, {@code bench.workdir}, {@code bench.out}.
 */
public final class ProcessBenchmark {

  static final String DATABASE = "alumni_procbench";
  static final String ADMIN = "admin";
  static final String BARE_PROCESS = "benchOneTask";
  static final String SHAPE_PROCESS = "benchStewardshipShape";
  /** The JDK HttpClient's own threads (its selector and workers), whose CPU is the client's, not the service's. */
  static final String HTTP_CLIENT_THREADS = "HttpClient-";

  final int gifts = Integer.parseInt(SegmentationBenchmark.setting("bench.gifts", "10000").replace("_", ""));
  final int threads = Integer.parseInt(SegmentationBenchmark.setting("bench.threads", "4"));
  final int openTasks = Integer.parseInt(SegmentationBenchmark.setting("bench.open-tasks", "100000")
      .replace("_", ""));
  final String db = SegmentationBenchmark.setting("bench.db", "mariadb").toLowerCase(Locale.ROOT);
  /** The server, with Connector/J's options (to try others against the same run; the service's own by default). */
  final BenchMariaDb mariadb = BenchMariaDb.fromSettings();
  final Path workdir = Path.of(SegmentationBenchmark.setting("bench.workdir",
      System.getProperty("java.io.tmpdir") + "/alumni-bench"));
  final String out = SegmentationBenchmark.setting("bench.out", "");
  /** Who runs the task queries: a coordinator (the engine checks its grant on each task) or a manager. */
  final String taskQueryAs = SegmentationBenchmark.setting("bench.task-query-as", "coordinator");
  /**
   * As many of each path as are measured, by default: on 2 cores the JIT is still compiling the gift's path after
   * 2,000 gifts (the JVM's CPU per gift fell by half between the 2,000th and the 10,000th), and a service that
   * records gifts day after day runs compiled code.
   */
  final int warmUp = Integer.parseInt(SegmentationBenchmark.setting("bench.warm-up", String.valueOf(gifts))
      .replace("_", ""));

  public static void main(String[] args) throws Exception {
    new ProcessBenchmark().run();
    System.exit(0);
  }

  void run() throws Exception {
    Files.createDirectories(workdir);
    List<String> args = new ArrayList<>();
    if (db.equals("h2")) {
      args.addAll(List.of("--spring.profiles.active=bench", "--spring.datasource.url=jdbc:h2:file:"
          + workdir.resolve("proc-h2-" + System.currentTimeMillis()).toAbsolutePath() + "/alumni",
          "--spring.datasource.username=sa", "--spring.datasource.password="));
    } else {
      mariadb.recreate(DATABASE);
      args.addAll(mariadb.serviceArguments(DATABASE, "bench"));
    }
    args.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.admin-user.id=" + ADMIN, "--camunda.bpm.admin-user.password=" + ADMIN,
        "--spring.datasource.hikari.maximum-pool-size=" + (threads + 8)));
    List<String> lines = new ArrayList<>();
    List<String> threadLines = new ArrayList<>();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AlumniEngagementApplication.class)
        .run(args.toArray(String[]::new))) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
      int donors = Math.max(100, gifts / 10);
      Path alumniCsv = workdir.resolve("proc-alumni.csv");
      new DemoRegistryGenerator(20261125, today).writeFiles(donors, alumniCsv, null);
      try (InputStream in = Files.newInputStream(alumniCsv)) {
        app.getBean(AlumniImportService.class).importCsv(in, false);
      }
      Files.deleteIfExists(alumniCsv);
      List<String> studentNos = jdbc.queryForList("SELECT student_no FROM alumnus ORDER BY student_no", String.class);

      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String auth = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN)
          .getBytes(StandardCharsets.UTF_8));
      String[] funds = {"general", "scholarship", "discipline", "library", "green-campus", "alumni-service"};
      String[] amounts = {"200", "1500", "12000", "150000", "800", "50"};
      ClientThreads.Step postGift = i -> {
        String body = String.format(Locale.ROOT, "{\"giftRef\":\"B-%d\",\"studentNo\":\"%s\",\"amountCny\":\"%s\","
            + "\"giftDate\":\"%s\",\"fundCode\":\"%s\",\"channel\":\"ONLINE\"}", i,
            studentNos.get(i % studentNos.size()), amounts[i % amounts.length], today, funds[i % funds.length]);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/gifts")).header("Authorization", auth).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
          throw new IllegalStateException("gift " + i + ": " + r.statusCode() + " " + r.body());
        }
      };
      RepositoryService repository = app.getBean(RepositoryService.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      BpmnModelInstance oneTask = Bpmn.createExecutableProcess(BARE_PROCESS).camundaHistoryTimeToLive(1)
          .startEvent().userTask("benchTask").endEvent().done();
      // no assignment rule owns benchTask: the diagram accepts the alumni-office fallback, or it is not deployed
      acceptFallback(oneTask, oneTask.getModelElementById("benchTask"));
      repository.createDeployment().addModelInstance(BARE_PROCESS + ".bpmn", oneTask).deploy();
      deployStewardshipShape(repository);
      // only the variables the diagram reads on its way to the first user tasks: the contract's giftRef and the
      // agreement gateway's flag (a gift's instance holds eight by then; with all eight the diagram runs slower)
      ClientThreads.Step startShape = i -> runtime.startProcessInstanceByKey(SHAPE_PROCESS, "shape-" + i, Map.of(
          DonationStewardship.VAR_GIFT_REF, "B-" + (i % (gifts + warmUp)),
          DonationStewardship.VAR_AGREEMENT_REQUIRED, false));

      // 0. warm-up of both paths (not measured): the JIT compiles the engine, Spring, Drools and MyBatis code
      // first, which would otherwise be charged to whichever path runs first
      long warmStart = System.nanoTime();
      parallel(warmUp, i -> postGift.run(gifts + i));
      parallel(warmUp, i -> runtime.startProcessInstanceByKey(BARE_PROCESS, "warm-" + i));
      System.out.printf("warm-up: %,d gifts and bare starts in %.1f s%n", warmUp,
          SegmentationBenchmark.secs(warmStart));
      long tasksBefore = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);

      // 1. gifts through the service, over HTTP
      long cpu = ImportBenchmark.Measure.processCpuNanos();
      long dbCpu = databaseCpuNanos();
      long statements = statements(jdbc);
      long httpClientCpu = ClientThreads.cpuNanosOfThreads(HTTP_CLIENT_THREADS);
      Map<String, Long> threadCpu = ThreadCpu.byKind();
      double serviceSeconds = parallel(gifts, postGift);
      threadLines.add(cpuByKind("gifts over HTTP", threadCpu));
      double clientCpu = (ClientThreads.lastRunCpuNanos.get() + ClientThreads.cpuNanosOfThreads(HTTP_CLIENT_THREADS)
          - httpClientCpu) / 1e6 / gifts;
      double serviceStatements = (statements(jdbc) - statements - 1) / (double) gifts;
      long firstTasks = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class) - tasksBefore;
      double serviceCpu = (ImportBenchmark.Measure.processCpuNanos() - cpu) / 1e6 / gifts;
      double serviceDbCpu = dbCpu < 0 ? -1 : (databaseCpuNanos() - dbCpu) / 1e6 / gifts;
      lines.add(row("gifts through POST /api/gifts (HTTP, rules, first user tasks)", gifts, serviceSeconds,
          serviceCpu, serviceDbCpu));

      // 2. the same number of starts of a one-task process through the bare engine API
      cpu = ImportBenchmark.Measure.processCpuNanos();
      dbCpu = databaseCpuNanos();
      statements = statements(jdbc);
      threadCpu = ThreadCpu.byKind();
      double bareSeconds = parallel(gifts, i -> runtime.startProcessInstanceByKey(BARE_PROCESS, "bare-" + i));
      threadLines.add(cpuByKind("bare starts", threadCpu));
      double bareStatements = (statements(jdbc) - statements - 1) / (double) gifts;
      double bareCpu = (ImportBenchmark.Measure.processCpuNanos() - cpu) / 1e6 / gifts;
      double bareDbCpu = dbCpu < 0 ? -1 : (databaseCpuNanos() - dbCpu) / 1e6 / gifts;
      lines.add(row("one-task process through the bare engine API", gifts, bareSeconds, bareCpu, bareDbCpu));
      double ratio = bareSeconds == 0 ? 0 : (gifts / bareSeconds) / (gifts / serviceSeconds);

      // 3. the same gifts recorded by the service's own method, without HTTP: what the request's way in costs
      GiftRecordingService recording = app.getBean(GiftRecordingService.class);
      cpu = ImportBenchmark.Measure.processCpuNanos();
      dbCpu = databaseCpuNanos();
      threadCpu = ThreadCpu.byKind();
      double directSeconds = parallel(gifts, i -> recording.record(new GiftRequest("D-" + i,
          studentNos.get(i % studentNos.size()), amounts[i % amounts.length], today.toString(),
          funds[i % funds.length], "ONLINE"), ADMIN));
      threadLines.add(cpuByKind("gifts without HTTP", threadCpu));
      lines.add(row("the same gifts through GiftRecordingService, without HTTP", gifts, directSeconds,
          (ImportBenchmark.Measure.processCpuNanos() - cpu) / 1e6 / gifts,
          dbCpu < 0 ? -1 : (databaseCpuNanos() - dbCpu) / 1e6 / gifts));

      // 4. task query by candidate group with openTasks open tasks. The open tasks are the first tasks of real
      // instances, as the triggers start them: reunion committees (owned by the 12 college groups) and visit plans
      // (owned by the donor's region: a chapter, major-gifts or alumni-office), so each group holds its share.
      long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
      if (open < openTasks) {
        long t = System.nanoTime();
        List<String> colleges = jdbc.queryForList("SELECT code FROM college ORDER BY code", String.class);
        parallel((int) (openTasks - open), i -> {
          if (i % 2 == 0) {
            String college = colleges.get((i / 2) % colleges.size());
            runtime.startProcessInstanceByKey(ReunionPlanning.PROCESS_KEY, String.format(Locale.ROOT,
                ReunionPlanning.BUSINESS_KEY_FORMAT, college, 1990 + i % 30, i), Map.of(
                ReunionPlanning.VAR_COLLEGE, college, ReunionPlanning.VAR_GRADUATION_YEAR, 1990 + i % 30,
                ReunionPlanning.VAR_MILESTONE, 10, ReunionPlanning.VAR_COHORT_SIZE, 25));
          } else {
            String studentNo = studentNos.get((i / 2) % studentNos.size());
            runtime.startProcessInstanceByKey(VisitCycle.PROCESS_KEY, String.format(Locale.ROOT,
                VisitCycle.BUSINESS_KEY_FORMAT, studentNo) + "-" + i, Map.of(VisitCycle.VAR_STUDENT_NO, studentNo));
          }
        });
        System.out.printf("filled to %,d open tasks in %.1f s%n", openTasks, SegmentationBenchmark.secs(t));
      }
      open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
      if (!db.equals("h2")) {
        settle(jdbc);
      }
      // Tasklist's query as a coordinator in the groups queried (with authorization on, the engine checks their
      // grants on every task, as it does for real users; an administrator would skip the checks)
      IdentityService identity = app.getBean(IdentityService.class);
      String queryUser = "bench-" + taskQueryAs;
      User user = identity.newUser(queryUser);
      user.setPassword(queryUser);
      identity.saveUser(user);
      String[] groups = {"college-cs", "chapter-sh", "foundation-finance", "alumni-office"};
      if (taskQueryAs.equals("manager")) {
        identity.createMembership(queryUser, StaffGroups.MANAGERS);
      } else {
        for (String group : groups) {
          identity.createMembership(queryUser, group);
        }
      }
      String coordinatorAuth = "Basic " + Base64.getEncoder().encodeToString((queryUser + ":" + queryUser)
          .getBytes(StandardCharsets.UTF_8));
      int perGroup = Integer.parseInt(SegmentationBenchmark.setting("bench.task-queries", "100"));
      double[][] byGroup = new double[groups.length][perGroup];
      double[] millis = new double[groups.length * perGroup];
      for (int i = 0; i < millis.length + 20; i++) {
        double ms = taskQueryMillis(http, port, coordinatorAuth, "candidateGroup=" + groups[i % groups.length]);
        if (i >= 20) {
          millis[i - 20] = ms;
          byGroup[i % groups.length][(i - 20) / groups.length] = ms;
        }
      }
      Arrays.sort(millis);
      double p50 = percentile(millis, 50);
      double p95 = percentile(millis, 95);
      StringBuilder groupLines = new StringBuilder("| candidate group | open tasks of the group | p50 ms | p95 ms |\n"
          + "| --- | --- | --- | --- |\n");
      for (int g = 0; g < groups.length; g++) {
        Arrays.sort(byGroup[g]);
        long ofGroup = jdbc.queryForObject("SELECT COUNT(DISTINCT TASK_ID_) FROM ACT_RU_IDENTITYLINK "
            + "WHERE GROUP_ID_ = ? AND TYPE_ = 'candidate'", Long.class, groups[g]);
        groupLines.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f |%n", groups[g], ofGroup,
            percentile(byGroup[g], 50), percentile(byGroup[g], 95)));
      }
      // Tasklist's "My Group Tasks" filter asks for the tasks of all the user's groups at once (not in the p95 above,
      // which is of the query by one candidate group)
      double[] allGroups = new double[perGroup];
      for (int i = 0; i < perGroup + 5; i++) {
        double ms = taskQueryMillis(http, port, coordinatorAuth, "candidateGroups=" + String.join(",", groups));
        if (i >= 5) {
          allGroups[i - 5] = ms;
        }
      }
      Arrays.sort(allGroups);
      long ofAll = jdbc.queryForObject("SELECT COUNT(DISTINCT TASK_ID_) FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = "
          + "'candidate' AND GROUP_ID_ IN (" + String.join(", ", Collections.nCopies(groups.length, "?")) + ")",
          Long.class, (Object[]) groups);
      groupLines.append(String.format(Locale.ROOT, "| all %d at once (`candidateGroups=`, Tasklist's \"My Group "
          + "Tasks\"; not in the p95 above) | %,d | %.1f | %.1f |%n", groups.length, ofAll, percentile(allGroups, 50),
          percentile(allGroups, 95)));
      // 5. the stewardship diagram's way to its first user tasks on the bare engine API, with none of the service's
      // work (no HTTP, no gift row, no rules beyond the owner fallback the bare start gets too): what the engine
      // itself costs for the contract's diagram against its one-task process. Last, as its instances' tasks would
      // change the task query's groups, and so followed by the one-task process again on the tables as they are now
      parallel(warmUp, i -> startShape.run(gifts + i));
      cpu = ImportBenchmark.Measure.processCpuNanos();
      dbCpu = databaseCpuNanos();
      statements = statements(jdbc);
      threadCpu = ThreadCpu.byKind();
      double shapeSeconds = parallel(gifts, startShape);
      threadLines.add(cpuByKind("stewardship diagram on the bare engine", threadCpu));
      double shapeStatements = (statements(jdbc) - statements - 1) / (double) gifts;
      lines.add(row("the stewardship diagram to its first user tasks through the bare engine API (classifyGift "
          + "a no-op, giftRef and agreementRequired given at the start, owners by the fallback)", gifts, shapeSeconds,
          (ImportBenchmark.Measure.processCpuNanos() - cpu) / 1e6 / gifts,
          dbCpu < 0 ? -1 : (databaseCpuNanos() - dbCpu) / 1e6 / gifts));

      cpu = ImportBenchmark.Measure.processCpuNanos();
      dbCpu = databaseCpuNanos();
      double bareAgainSeconds = parallel(gifts, i -> runtime.startProcessInstanceByKey(BARE_PROCESS, "again-" + i));
      lines.add(row("one-task process through the bare engine API again, after the diagram", gifts, bareAgainSeconds,
          (ImportBenchmark.Measure.processCpuNanos() - cpu) / 1e6 / gifts,
          dbCpu < 0 ? -1 : (databaseCpuNanos() - dbCpu) / 1e6 / gifts));

      String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c ->
          c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
      String table = "| measure | count | seconds | per second | JVM CPU ms each | database server CPU ms each |\n"
          + "| --- | --- | --- | --- | --- | --- |\n"
          + String.join("\n", lines) + "\n\n"
          + String.format(Locale.ROOT, "Bare engine / service throughput: %.2f× (target ≤ 2×). First user tasks "
              + "after the gifts: %,d. Statements the database server received per gift: %s; per bare start: %s. "
              + "Of the JVM's CPU per gift over HTTP, the benchmark's own HTTP client took %.2f ms. The stewardship "
              + "diagram on the bare engine: %s statements each; one-task process (after it) / diagram %.2f×, diagram / service %.2f×.%n%n"
              + "Task query `GET /engine-rest/task?candidateGroup=…&maxResults=50` (sorted "
              + "by creation, newest first) over %,d open tasks, %d queries after 20 warm-up: p50 %.1f ms, p95 "
              + "%.1f ms (target p95 ≤ 50 ms), as a %s.%n%n", ratio, firstTasks,
              statementsText(serviceStatements), statementsText(bareStatements), clientCpu,
              statementsText(shapeStatements), bareAgainSeconds == 0 ? 0 : shapeSeconds / bareAgainSeconds,
              serviceSeconds / shapeSeconds, open, millis.length, p50, p95,
              taskQueryAs.equals("manager") ? "manager (no group of its own)" : "coordinator in the four groups below")
          + groupLines + "\nJVM CPU ms each by kind of thread (from /proc): " + String.join("; ", threadLines) + ".\n";
      System.out.println(table);
      if (!out.isBlank()) {
        Files.writeString(Path.of(out), "\n### Processes, " + LocalDateTime.now().withNano(0) + ", " + product
            + ", " + Runtime.getRuntime().availableProcessors() + " cpus, " + threads + " client threads\n\n" + table,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      }
    }
  }

  /**
   * Deploys the shipped stewardship diagram as {@value #SHAPE_PROCESS}: the same elements, with classifyGift a no-op
   * (the instance starts with the variables the diagram reads before its first user tasks) and every user task on
   * the owner fallback, as the one-task process is (the assignment rules know no other process key).
   */
  private static void deployStewardshipShape(RepositoryService repository) throws java.io.IOException {
    BpmnModelInstance shape = EngineFloorBenchmark.shippedStewardship(SHAPE_PROCESS);
    for (UserTask task : shape.getModelElementsByType(UserTask.class)) {
      acceptFallback(shape, task);
    }
    repository.createDeployment().addModelInstance(SHAPE_PROCESS + ".bpmn", shape).deploy();
  }

  /** Marks the task as accepting the alumni-office fallback (no assignment rule owns a benchmark's process key). */
  static void acceptFallback(BpmnModelInstance diagram, UserTask task) {
    CamundaProperties properties = diagram.newInstance(CamundaProperties.class);
    CamundaProperty fallback = diagram.newInstance(CamundaProperty.class);
    fallback.setCamundaName(DeploymentValidationPlugin.OWNER_FALLBACK);
    fallback.setCamundaValue(DeploymentValidationPlugin.OWNER_FALLBACK_ACCEPTED);
    properties.getCamundaProperties().add(fallback);
    task.builder().addExtensionElement(properties);
  }

  /** What each kind of thread took per item in the run just ended, since {@code before}. */
  private String cpuByKind(String what, Map<String, Long> before) {
    return what + ": " + ThreadCpu.perItem(before, ThreadCpu.byKind(), ClientThreads.lastRunCpuNanos.get(), gifts);
  }

  /** The milliseconds Tasklist's query (newest first, a page of 50) takes over HTTP with the given criteria. */
  private static double taskQueryMillis(HttpClient http, int port, String auth, String criteria) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/engine-rest/task?" + criteria + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=50"))
        .header("Authorization", auth).timeout(Duration.ofMinutes(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - t) / 1e6;
    if (r.statusCode() != 200) {
      throw new IllegalStateException("task query: " + r.statusCode() + " " + r.body());
    }
    return ms;
  }

  /**
   * Lets MariaDB write out the pages the fill left dirty before the queries are timed: just after 100,000 instance
   * starts, a query's page reads wait for dirty pages to be flushed first (the 128 MB buffer pool is full of them),
   * which no task list sees in steady use. The dirty-page limit is set to 0 for the wait and restored after.
   */
  private static void settle(JdbcTemplate jdbc) throws InterruptedException {
    long t = System.nanoTime();
    String limit = jdbc.queryForObject("SELECT @@GLOBAL.innodb_max_dirty_pages_pct", String.class);
    jdbc.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
    long dirty = Long.MAX_VALUE;
    try {
      while (System.nanoTime() - t < 300_000_000_000L) {
        dirty = Long.parseLong(jdbc.queryForObject("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'",
            (row, n) -> row.getString(2)));
        if (dirty < 100) {
          break;
        }
        Thread.sleep(1000);
      }
    } finally {
      jdbc.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + limit);
    }
    System.out.printf("settled: %,d dirty pages left after %.1f s%n", dirty, SegmentationBenchmark.secs(t));
  }

  private double parallel(int count, ClientThreads.Step step) throws Exception {
    return ClientThreads.run(threads, count, step);
  }

  /** The value at or below which pct % of the sorted values lie (nearest rank). */
  static double percentile(double[] sorted, int pct) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * pct / 100.0) - 1)];
  }

  /** The statements the database server has received so far, from all clients (MariaDB and MySQL); -1 on H2. */
  static long statements(JdbcTemplate jdbc) {
    try {
      return Long.parseLong(jdbc.queryForObject("SHOW GLOBAL STATUS LIKE 'Questions'", (row, n) -> row.getString(2)));
    } catch (org.springframework.dao.DataAccessException notMysql) {
      return -1;
    }
  }

  private static String statementsText(double perItem) {
    return perItem < 0 ? "–" : String.format(Locale.ROOT, "%.1f", perItem);
  }

  /**
   * The CPU time the database server process has used so far, when it runs on this machine (MariaDB or MySQL, read
   * from /proc); -1 when there is none to read (H2 in this JVM, a remote server, not Linux).
   */
  static long databaseCpuNanos() {
    try (java.util.stream.Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String name = Files.readString(process.resolve("comm")).trim();
          if (name.equals("mariadbd") || name.equals("mysqld")) {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime (fields 14 and 15 of stat), in clock ticks of 1/100 s (USER_HZ on Linux)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
          }
        } catch (java.io.IOException | RuntimeException gone) {
          // a process that ended while the list was read, or one that is not ours to read
        }
      }
    } catch (java.io.IOException noProc) {
      return -1;
    }
    return -1;
  }

  private static String row(String what, int count, double seconds, double cpuMillisEach, double dbMillisEach) {
    return String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f | %s |", what, count, seconds,
        count / seconds, cpuMillisEach, dbMillisEach < 0 ? "–" : String.format(Locale.ROOT, "%.2f", dbMillisEach));
  }
}
