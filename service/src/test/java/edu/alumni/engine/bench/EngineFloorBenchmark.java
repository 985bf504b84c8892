package edu.alumni.engine.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import edu.alumni.rules.process.DonationStewardship;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Camunda 7.24 by itself costs for the stewardship diagram of PROCESSES.md against a one-task process: a plain
 * engine on MariaDB (no Spring, no service, none of the service's plugins, rules, grants or registry; history
 * {@code full} as the service keeps it), the same client threads as {@link ProcessBenchmark}. The diagram is the
 * shipped one with classifyGift a no-op, the acknowledgement's escalation a fixed 48 hours and one static candidate
 * group per user task (the least an owned task costs); it starts with the two variables it reads on its way to its
 * first user tasks. The one-task process is measured before and after the diagram, so the machine's drift shows.
 *
 * <p>Settings: {@code bench.gifts} (starts measured of each, 10,000), {@code bench.warm-up} (as many, first),
 * {@code bench.threads} (4), {@code bench.mariadb.url|user|password|options}, {@code bench.out}.
 */
public final class EngineFloorBenchmark {

  static final String DATABASE = "alumni_enginefloor";
  static final String ONE_TASK = "floorOneTask";
  static final String DIAGRAM = "floorStewardship";
  static final String OWNER = "foundation-finance";
  static final String ACKNOWLEDGEMENT_DUE = "PT48H";

  final int starts = Integer.parseInt(SegmentationBenchmark.setting("bench.gifts", "10000").replace("_", ""));
  final int warmUp = Integer.parseInt(SegmentationBenchmark.setting("bench.warm-up", String.valueOf(starts))
      .replace("_", ""));
  final int threads = Integer.parseInt(SegmentationBenchmark.setting("bench.threads", "4"));
  final BenchMariaDb mariadb = BenchMariaDb.fromSettings();
  final String out = SegmentationBenchmark.setting("bench.out", "");

  public static void main(String[] args) throws Exception {
    new EngineFloorBenchmark().run();
    System.exit(0);
  }

  void run() throws Exception {
    mariadb.recreate(DATABASE);
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(mariadb.urlOf(DATABASE));
    pool.setUsername(mariadb.user());
    pool.setPassword(mariadb.password());
    pool.setMaximumPoolSize(threads + 2);
    // as the service's mysql profile: Camunda needs READ_COMMITTED
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    try (HikariDataSource data = new HikariDataSource(pool)) {
      StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
      configuration.setDataSource(data);
      configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setJobExecutorActivate(false);
      configuration.setProcessEngineName("engine-floor");
      ProcessEngine engine = configuration.buildProcessEngine();
      try {
        measure(engine, new JdbcTemplate(data));
      } finally {
        engine.close();
      }
    }
  }

  private void measure(ProcessEngine engine, JdbcTemplate jdbc) throws Exception {
    BpmnModelInstance oneTask = Bpmn.createExecutableProcess(ONE_TASK).camundaHistoryTimeToLive(1)
        .startEvent().userTask("floorTask").camundaCandidateGroups(OWNER).endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance(ONE_TASK + ".bpmn", oneTask)
        .addModelInstance(DIAGRAM + ".bpmn", stewardshipDiagram()).deploy();
    RuntimeService runtime = engine.getRuntimeService();
    ClientThreads.Step startOneTask = i -> runtime.startProcessInstanceByKey(ONE_TASK, "one-" + i);
    ClientThreads.Step startDiagram = i -> runtime.startProcessInstanceByKey(DIAGRAM, "gift-F-" + i, Map.of(
        DonationStewardship.VAR_GIFT_REF, "F-" + i, DonationStewardship.VAR_AGREEMENT_REQUIRED, false));

    long t = System.nanoTime();
    ClientThreads.run(threads, warmUp, i -> startOneTask.run(starts * 2 + i));
    ClientThreads.run(threads, warmUp, i -> startDiagram.run(starts + i));
    System.out.printf("warm-up: %,d of each in %.1f s%n", warmUp, SegmentationBenchmark.secs(t));

    List<String> rows = new ArrayList<>();
    double first = timed(rows, jdbc, "one-task process", startOneTask);
    double diagram = timed(rows, jdbc, "the stewardship diagram to its first user tasks", startDiagram);
    double again = timed(rows, jdbc, "one-task process again", i -> startOneTask.run(starts + i));
    long diagramTasks = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE PROC_DEF_ID_ LIKE ?",
        Long.class, DIAGRAM + ":%");
    String table = "| measure | count | seconds | per second | JVM CPU ms each | database server CPU ms each | "
        + "statements each |\n| --- | --- | --- | --- | --- | --- | --- |\n" + String.join("\n", rows) + "\n\n"
        + String.format(Locale.ROOT, "One-task process / diagram throughput: %.2f× before the diagram, %.2f× after "
            + "it (the target for the whole service is ≤ 2×). Open tasks of the diagram: %,d (%,d starts).%n",
            diagram / first, diagram / again, diagramTasks, starts + warmUp);
    System.out.println(table);
    if (!out.isBlank()) {
      String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c ->
          c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
      Files.writeString(Path.of(out), "\n### Engine floor, " + LocalDateTime.now().withNano(0) + ", " + product
          + ", Camunda " + ProcessEngine.class.getPackage().getImplementationVersion() + ", "
          + Runtime.getRuntime().availableProcessors() + " cpus, " + threads + " client threads\n\n" + table,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
  }

  /** Runs {@code starts} steps on the client threads, adds a row, returns the seconds taken. */
  private double timed(List<String> rows, JdbcTemplate jdbc, String what, ClientThreads.Step step)
      throws Exception {
    long cpu = ImportBenchmark.Measure.processCpuNanos();
    long dbCpu = ProcessBenchmark.databaseCpuNanos();
    long statements = ProcessBenchmark.statements(jdbc);
    double seconds = ClientThreads.run(threads, starts, step);
    double statementsEach = (ProcessBenchmark.statements(jdbc) - statements - 1) / (double) starts;
    double dbEach = dbCpu < 0 ? -1 : (ProcessBenchmark.databaseCpuNanos() - dbCpu) / 1e6 / starts;
    rows.add(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f | %s | %.1f |", what, starts, seconds,
        starts / seconds, (ImportBenchmark.Measure.processCpuNanos() - cpu) / 1e6 / starts,
        dbEach < 0 ? "–" : String.format(Locale.ROOT, "%.2f", dbEach), statementsEach));
    return seconds;
  }

  /** The shipped stewardship diagram under another process key, with classifyGift a no-op. */
  static BpmnModelInstance shippedStewardship(String processKey) throws java.io.IOException {
    BpmnModelInstance diagram;
    try (InputStream in = EngineFloorBenchmark.class.getResourceAsStream("/processes/"
        + DonationStewardship.PROCESS_KEY + ".bpmn")) {
      diagram = Bpmn.readModelFromStream(in);
    }
    diagram.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(DonationStewardship.PROCESS_KEY)
        .setId(processKey);
    ServiceTask classify = diagram.getModelElementById(DonationStewardship.CLASSIFY_GIFT);
    classify.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, BpmnModelConstants.CAMUNDA_ATTRIBUTE_DELEGATE_EXPRESSION);
    classify.setCamundaExpression("${true}");
    return diagram;
  }

  /**
   * The shipped stewardship diagram as {@value #DIAGRAM}, runnable by a plain engine: classifyGift a no-op, the
   * acknowledgement's escalation {@value #ACKNOWLEDGEMENT_DUE} after the task is created (the service asks its rules
   * for the date), every user task a candidate of {@value #OWNER}.
   */
  static BpmnModelInstance stewardshipDiagram() throws java.io.IOException {
    BpmnModelInstance diagram = shippedStewardship(DIAGRAM);
    for (UserTask task : diagram.getModelElementsByType(UserTask.class)) {
      task.setCamundaCandidateGroups(OWNER);
    }
    for (BoundaryEvent escalation : diagram.getModelElementsByType(BoundaryEvent.class)) {
      for (TimerEventDefinition timer : escalation.getChildElementsByType(TimerEventDefinition.class)) {
        if (timer.getTimeDate() != null) {
          timer.removeChildElement(timer.getTimeDate());
          TimeDuration duration = diagram.newInstance(TimeDuration.class);
          duration.setTextContent(ACKNOWLEDGEMENT_DUE);
          timer.setTimeDuration(duration);
        }
      }
    }
    return diagram;
  }
}
