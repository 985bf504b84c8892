package edu.alumni.engine.bench;

import edu.alumni.engine.AlumniEngagementApplication;
import edu.alumni.engine.alumni.AlumniImportService;
import edu.alumni.engine.demo.DemoRegistryGenerator;
import edu.alumni.engine.deployment.DeploymentValidationPlugin;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
 * run; then, with 100,000 open tasks, the candidate-group task query of Tasklist through {@code /engine-rest}.
 *
 * <p>Settings: {@code bench.gifts} (10,000), {@code bench.threads} (client threads, 4), {@code bench.open-tasks}
 * (100,000), {@code bench.db} (mariadb or h2), {@code bench.mariadb.url|user|password}, {@code bench.workdir},
 * {@code bench.out}.
 */
public final class ProcessBenchmark {

  static final String DATABASE = "alumni_procbench";
  static final String ADMIN = "admin";
  static final String BARE_PROCESS = "benchOneTask";

  final int gifts = Integer.parseInt(SegmentationBenchmark.setting("bench.gifts", "10000").replace("_", ""));
  final int threads = Integer.parseInt(SegmentationBenchmark.setting("bench.threads", "4"));
  final int openTasks = Integer.parseInt(SegmentationBenchmark.setting("bench.open-tasks", "100000")
      .replace("_", ""));
  final String db = SegmentationBenchmark.setting("bench.db", "mariadb").toLowerCase(Locale.ROOT);
  final String mariadbUrl = SegmentationBenchmark.setting("bench.mariadb.url", "jdbc:mysql://127.0.0.1:3306");
  final String mariadbUser = SegmentationBenchmark.setting("bench.mariadb.user", "root");
  final String mariadbPassword = SegmentationBenchmark.setting("bench.mariadb.password", "");
  final Path workdir = Path.of(SegmentationBenchmark.setting("bench.workdir",
      System.getProperty("java.io.tmpdir") + "/alumni-bench"));
  final String out = SegmentationBenchmark.setting("bench.out", "");

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
      try (Connection c = DriverManager.getConnection(mariadbUrl + "/?sslMode=DISABLED", mariadbUser,
          mariadbPassword); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
      }
      args.addAll(List.of("--spring.profiles.active=mysql,bench",
          "--spring.datasource.url=" + mariadbUrl + "/" + DATABASE + "?" + SegmentationBenchmark.MARIADB_OPTIONS,
          "--spring.datasource.username=" + mariadbUser, "--spring.datasource.password=" + mariadbPassword));
    }
    args.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.admin-user.id=" + ADMIN, "--camunda.bpm.admin-user.password=" + ADMIN,
        "--spring.datasource.hikari.maximum-pool-size=" + (threads + 8)));
    List<String> lines = new ArrayList<>();
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

      // 1. gifts through the service, over HTTP
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String auth = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN)
          .getBytes(StandardCharsets.UTF_8));
      String[] funds = {"general", "scholarship", "discipline", "library", "green-campus", "alumni-service"};
      String[] amounts = {"200", "1500", "12000", "150000", "800", "50"};
      warmUp(http, port, auth, studentNos.get(0));
      double serviceSeconds = parallel(gifts, i -> {
        String body = String.format(Locale.ROOT, "{\"giftRef\":\"B-%d\",\"studentNo\":\"%s\",\"amountCny\":\"%s\","
            + "\"giftDate\":\"%s\",\"fundCode\":\"%s\",\"channel\":\"ONLINE\"}", i,
            studentNos.get(i % studentNos.size()), amounts[i % amounts.length], today, funds[i % funds.length]);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/gifts")).header("Authorization", auth).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
          throw new IllegalStateException("gift " + i + ": " + r.statusCode() + " " + r.body());
        }
      });
      long firstTasks = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
      lines.add(row("gifts through POST /api/gifts (HTTP, rules, first user tasks)", gifts, serviceSeconds));

      // 2. the same number of starts of a one-task process through the bare engine API
      RepositoryService repository = app.getBean(RepositoryService.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      BpmnModelInstance oneTask = Bpmn.createExecutableProcess(BARE_PROCESS).camundaHistoryTimeToLive(1)
          .startEvent().userTask("benchTask").endEvent().done();
      // no assignment rule owns benchTask: the diagram accepts the alumni-office fallback, or it is not deployed
      CamundaProperties properties = oneTask.newInstance(CamundaProperties.class);
      CamundaProperty fallback = oneTask.newInstance(CamundaProperty.class);
      fallback.setCamundaName(DeploymentValidationPlugin.OWNER_FALLBACK);
      fallback.setCamundaValue(DeploymentValidationPlugin.OWNER_FALLBACK_ACCEPTED);
      properties.getCamundaProperties().add(fallback);
      oneTask.<UserTask>getModelElementById("benchTask").builder().addExtensionElement(properties);
      repository.createDeployment().addModelInstance(BARE_PROCESS + ".bpmn", oneTask).deploy();
      runtime.startProcessInstanceByKey(BARE_PROCESS);
      double bareSeconds = parallel(gifts, i -> runtime.startProcessInstanceByKey(BARE_PROCESS, "bare-" + i));
      lines.add(row("one-task process through the bare engine API", gifts, bareSeconds));
      double ratio = bareSeconds == 0 ? 0 : (gifts / bareSeconds) / (gifts / serviceSeconds);

      // 3. task query by candidate group with openTasks open tasks
      long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
      if (open < openTasks) {
        long t = System.nanoTime();
        parallel((int) (openTasks - open), i -> runtime.startProcessInstanceByKey(BARE_PROCESS));
        System.out.printf("filled to %,d open tasks in %.1f s%n", openTasks, SegmentationBenchmark.secs(t));
      }
      open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
      String[] groups = {"foundation-finance", "foundation", "alumni-office", "major-gifts"};
      double[] millis = new double[400];
      for (int i = 0; i < millis.length + 20; i++) {
        String group = groups[i % groups.length];
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/engine-rest/task?candidateGroup=" + group + "&sortBy=created&sortOrder=desc&firstResult=0"
            + "&maxResults=50")).header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        if (r.statusCode() != 200) {
          throw new IllegalStateException("task query: " + r.statusCode() + " " + r.body());
        }
        if (i >= 20) {
          millis[i - 20] = ms;
        }
      }
      Arrays.sort(millis);
      double p50 = millis[millis.length / 2];
      double p95 = millis[(int) Math.ceil(millis.length * 0.95) - 1];
      String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c ->
          c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
      String table = "| measure | count | seconds | per second |\n| --- | --- | --- | --- |\n"
          + String.join("\n", lines) + "\n\n"
          + String.format(Locale.ROOT, "Bare engine / service throughput: %.2f× (target ≤ 2×). First user tasks "
              + "after the gifts: %,d.%n%nTask query `GET /engine-rest/task?candidateGroup=…&maxResults=50` (sorted "
              + "by creation, newest first) over %,d open tasks, %d queries after 20 warm-up: p50 %.1f ms, p95 "
              + "%.1f ms (target p95 ≤ 50 ms).%n", ratio, firstTasks, open, millis.length, p50, p95);
      System.out.println(table);
      if (!out.isBlank()) {
        Files.writeString(Path.of(out), "\n### Processes, " + LocalDateTime.now().withNano(0) + ", " + product
            + ", " + Runtime.getRuntime().availableProcessors() + " cpus, " + threads + " client threads\n\n" + table,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      }
    }
  }

  private void warmUp(HttpClient http, int port, String auth, String studentNo) throws Exception {
    for (int i = 0; i < 50; i++) {
      String body = "{\"giftRef\":\"WARM-" + i + "\",\"studentNo\":\"" + studentNo + "\",\"amountCny\":\"100\","
          + "\"giftDate\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "\",\"fundCode\":\"general\"}";
      http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/gifts"))
          .header("Authorization", auth).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  interface Step {
    void run(int i) throws Exception;
  }

  /** Runs {@code count} steps on the client threads; returns the seconds taken. */
  private double parallel(int count, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            step.run(i);
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
      return SegmentationBenchmark.secs(start);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String row(String what, int count, double seconds) {
    return String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f |", what, count, seconds, count / seconds);
  }
}
