package edu.alumni.engine.bench;

import edu.alumni.engine.AlumniEngagementApplication;
import edu.alumni.engine.system.StaffGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit benchmark of issue #5: with {@code bench.instances} (100,000) historic instances in the database, the
 * timeline of one instance of about 200 events over HTTP ({@code GET /api/audit/process-instances/{id}/timeline}),
 * target p95 ≤ 100 ms.
 *
 * <p>The history is made through the engine, as production makes it: a one-task process started with a variable
 * and its task completed with another by a signed-in user (so every history table the timeline reads grows:
 * instances, activity instances, tasks, identity link log, variable details, user operation log, and the service's
 * owner decisions, which the assignment plugin records for every task), {@code bench.threads} client threads, 100
 * instances per transaction: the first 2,000; the rest are copies of the first 500 of them made in SQL, every
 * history row of the instance (and its owner decision) with new ids ({@link HistoryCopier}), because the engine
 * makes a few hundred per second and the machine is shared. Then one instance of a review loop, each round a task claimed and completed with a
 * variable, to about 200 events; then 50 warm-up and 400 timed timeline requests, one at a time, and for
 * information the CSV export and the instance list.
 *
 * <p>Settings: {@code bench.instances}, {@code bench.threads}, {@code bench.db} (h2, mariadb, both),
 * {@code bench.mariadb.url|user|password}, {@code bench.workdir}, {@code bench.out}.
 */
public final class AuditBenchmark {

  static final String DATABASE = "alumni_auditbench";
  static final String ADMIN = "admin";
  static final String SMALL = "benchAuditOneTask";
  static final String LOOP = "benchAuditLoop";
  /** Rounds of the review loop: 11 events each, plus the start and the end, make about 200. */
  static final int ROUNDS = 18;
  static final int PER_TRANSACTION = 100;
  /** Instances made through the engine (its rate is reported); the rest are copies of the first TEMPLATES. */
  static final int ENGINE_MADE = 2_000;
  static final int TEMPLATES = 500;
  static final int WARM_UP = 50;
  static final int REQUESTS = 400;

  final int instances = Integer.parseInt(SegmentationBenchmark.setting("bench.instances", "100000")
      .replace("_", ""));
  final int threads = Integer.parseInt(SegmentationBenchmark.setting("bench.threads", "4"));
  final String db = SegmentationBenchmark.setting("bench.db", "both").toLowerCase(Locale.ROOT);
  final BenchMariaDb mariadb = BenchMariaDb.fromSettings();
  final Path workdir = Path.of(SegmentationBenchmark.setting("bench.workdir",
      System.getProperty("java.io.tmpdir") + "/alumni-bench"));
  final String out = SegmentationBenchmark.setting("bench.out", "");
  final List<String> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    new AuditBenchmark().run();
    System.exit(0);
  }

  void run() throws Exception {
    Files.createDirectories(workdir);
    if (!db.equals("mariadb")) {
      measure("H2 (file)", List.of("--spring.profiles.active=bench", "--spring.datasource.url=jdbc:h2:file:"
          + workdir.resolve("audit-h2-" + System.currentTimeMillis()).toAbsolutePath() + "/alumni",
          "--spring.datasource.username=sa", "--spring.datasource.password="));
    }
    if (!db.equals("h2")) {
      mariadb.recreate(DATABASE);
      measure("MariaDB", mariadb.serviceArguments(DATABASE, "bench"));
    }
    String table = "| database | historic instances | through the engine | copied | events | timeline p50 (ms) "
        + "| p95 (ms) | p99 (ms) | max (ms) | CSV p95 (ms) | list p95 (ms) |\n"
        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n" + String.join("\n", rows);
    System.out.println(table);
    if (!out.isBlank()) {
      Files.writeString(Path.of(out), "\n### Audit timeline, " + LocalDateTime.now().withNano(0) + ", "
          + Runtime.getRuntime().availableProcessors() + " cpus, " + threads + " filling threads\n\n" + table + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  void measure(String database, List<String> settings) throws Exception {
    List<String> args = new ArrayList<>(settings);
    args.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.admin-user.id=" + ADMIN, "--camunda.bpm.admin-user.password=" + ADMIN,
        "--spring.datasource.hikari.maximum-pool-size=" + (threads + 8)));
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AlumniEngagementApplication.class)
        .run(args.toArray(String[]::new))) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      RepositoryService repository = app.getBean(RepositoryService.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TaskService tasks = app.getBean(TaskService.class);
      IdentityService identity = app.getBean(IdentityService.class);
      TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      BpmnModelInstance oneTask = Bpmn.createExecutableProcess(SMALL).camundaHistoryTimeToLive(1825)
          .startEvent().userTask("benchStep").camundaTaskListenerClass(TaskListener.EVENTNAME_CREATE,
              RememberTask.class.getName()).endEvent().done();
      BpmnModelInstance loop = Bpmn.createExecutableProcess(LOOP).camundaHistoryTimeToLive(1825)
          .startEvent().userTask("review").exclusiveGateway("again")
          .condition("more", "${round < " + ROUNDS + "}").connectTo("review")
          .moveToNode("again").condition("done", "${round >= " + ROUNDS + "}").endEvent().done();
      // no assignment rule owns the benchmark's tasks: they accept the alumni-office fallback, or are not deployed
      ProcessBenchmark.acceptFallback(oneTask, oneTask.getModelElementById("benchStep"));
      ProcessBenchmark.acceptFallback(loop, loop.getModelElementById("review"));
      repository.createDeployment().addModelInstance(SMALL + ".bpmn", oneTask)
          .addModelInstance(LOOP + ".bpmn", loop).deploy();

      // 1a. the history through the engine: instances started and their task completed by a signed-in user,
      // 100 per transaction, on the client threads
      long existing = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class);
      int engineMade = (int) Math.max(0, Math.min(ENGINE_MADE, instances - existing));
      int batches = (engineMade + PER_TRANSACTION - 1) / PER_TRANSACTION;
      long t0 = System.nanoTime();
      parallel(batches, batch -> {
        identity.setAuthentication(ADMIN, List.of(StaffGroups.ADMINS));
        try {
          transaction.executeWithoutResult(status -> {
            for (int i = batch * PER_TRANSACTION; i < Math.min(engineMade, (batch + 1) * PER_TRANSACTION); i++) {
              runtime.startProcessInstanceByKey(SMALL, "bench-audit-" + i, Map.of("benchNo", i));
              tasks.complete(RememberTask.LAST.get(), Map.of("outcome", "done"));
            }
          });
        } finally {
          identity.clearAuthentication();
        }
      });
      double engineSeconds = SegmentationBenchmark.secs(t0);
      System.out.printf("%s: %,d instances through the engine in %.1f s (%,.0f/s)%n", database, engineMade,
          engineSeconds, engineMade / engineSeconds);

      // 1b. the rest as copies of the first engine-made ones, every history row with new ids (several thousand
      // instances per second instead of a few hundred: the machine is shared)
      long t1 = System.nanoTime();
      int copied = new HistoryCopier(jdbc).copy(jdbc.queryForList("SELECT ID_ FROM ACT_HI_PROCINST WHERE "
          + "PROC_DEF_KEY_ = ? ORDER BY START_TIME_, ID_", String.class, SMALL).stream().limit(TEMPLATES).toList(),
          (int) Math.max(0, instances - existing - engineMade));
      double copySeconds = SegmentationBenchmark.secs(t1);
      long historic = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class);
      System.out.printf("%s: %,d copied in %.1f s (%,.0f/s); %,d historic instances%n", database, copied,
          copySeconds, copied / Math.max(copySeconds, 0.001), historic);

      // 2. the instance of about 200 events
      identity.setAuthentication(ADMIN, List.of(StaffGroups.ADMINS));
      String id;
      try {
        id = runtime.startProcessInstanceByKey(LOOP, "bench-audit-loop", Map.of("round", 0)).getId();
        for (int round = 1; round <= ROUNDS; round++) {
          Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
          tasks.claim(task.getId(), ADMIN);
          tasks.complete(task.getId(), Map.of("round", round));
        }
      } finally {
        identity.clearAuthentication();
      }

      // 3. timelines over HTTP, one request at a time
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String auth = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN)
          .getBytes(StandardCharsets.UTF_8));
      String base = "http://127.0.0.1:" + port + "/api/audit/process-instances";
      String timeline = base + "/" + id + "/timeline";
      String body = get(http, auth, timeline);
      Matcher count = Pattern.compile("\"eventCount\":(\\d+)").matcher(body);
      int events = count.find() ? Integer.parseInt(count.group(1)) : -1;
      // a copy is an instance like its template: the same timeline
      if (copied > 0) {
        String template = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?",
            String.class, "bench-audit-0");
        String copy = "x0001." + template;
        String a = get(http, auth, base + "/" + template + "/timeline").replaceAll("\"time\":\"[^\"]*\"", "");
        String b = get(http, auth, base + "/" + copy + "/timeline").replace("x0001.", "")
            .replaceAll("\"time\":\"[^\"]*\"", "");
        if (!a.equals(b)) {
          throw new IllegalStateException("the copy's timeline differs from its template's:\n" + a + "\n" + b);
        }
      }
      for (int i = 0; i < WARM_UP; i++) {
        get(http, auth, timeline);
        get(http, auth, timeline + ".csv");
        get(http, auth, base + "?processKey=" + SMALL + "&size=20");
      }
      double[] json = timed(http, auth, timeline, REQUESTS);
      double[] csv = timed(http, auth, timeline + ".csv", REQUESTS / 2);
      double[] list = timed(http, auth, base + "?processKey=" + SMALL + "&size=20", REQUESTS / 2);
      System.out.printf("%s: timeline of %d events over %,d historic instances: p50 %.1f ms, p95 %.1f ms, p99 %.1f "
          + "ms, max %.1f ms; CSV p95 %.1f ms; list p95 %.1f ms%n", database, events, historic, pct(json, 50),
          pct(json, 95), pct(json, 99), json[json.length - 1], pct(csv, 95), pct(list, 95));
      rows.add(String.format(Locale.ROOT, "| %s | %,d | %,d in %.1f s (%,.0f/s) | %,d in %.1f s (%,.0f/s) | %d "
          + "| %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |", database, historic, engineMade, engineSeconds,
          engineMade / engineSeconds, copied, copySeconds, copied / Math.max(copySeconds, 0.001), events,
          pct(json, 50), pct(json, 95), pct(json, 99), json[json.length - 1], pct(csv, 95), pct(list, 95)));
    }
  }

  private static String get(HttpClient http, String auth, String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET()
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** Milliseconds of {@code n} requests, sorted. */
  private static double[] timed(HttpClient http, String auth, String url, int n) throws Exception {
    double[] millis = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      get(http, auth, url);
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  private static double pct(double[] sorted, int percent) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
  }

  /** Remembers the task its instance start created, so the fill needs no task query (H2 plans each anew). */
  public static final class RememberTask implements TaskListener {
    static final ThreadLocal<String> LAST = new ThreadLocal<>();

    @Override
    public void notify(DelegateTask task) {
      LAST.set(task.getId());
    }
  }

  private void parallel(int count, ClientThreads.Step step) throws Exception {
    ClientThreads.run(threads, count, step);
  }
}
