package edu.alumni.engine.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import edu.alumni.engine.alumni.Alumnus;
import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.catalogue.CatalogueMapper;
import edu.alumni.engine.gift.Gift;
import edu.alumni.engine.gift.GiftMapper;
import edu.alumni.engine.reunion.ReunionMapper;
import edu.alumni.engine.reunion.SendInvitationsDelegate;
import edu.alumni.engine.stewardship.AllocateGiftDelegate;
import edu.alumni.engine.segment.SegmentationMapper;
import edu.alumni.engine.stewardship.CheckFundraisableDelegate;
import edu.alumni.engine.stewardship.ClassifyGiftDelegate;
import edu.alumni.engine.stewardship.StewardshipMapper;
import edu.alumni.engine.visit.ContactReportMapper;
import edu.alumni.engine.visit.DecideFollowUpsDelegate;
import edu.alumni.engine.visit.RecordContactReportDelegate;
import edu.alumni.rules.BuiltInRules;
import edu.alumni.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.session.SqlSessionManager;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.JdbcType;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A process engine for the process tests, without Spring: built once per test class, closed after it.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ProcessTestEngine fixture = new ProcessTestEngine();
 * &#64;RegisterExtension
 * static final ProcessEngineExtension camunda = fixture.extension();
 * </pre>
 *
 * <p>What it builds, on one H2 in-memory database of its own ({@code jdbc:h2:mem:process-<uuid>}): the registry
 * schema (Flyway, {@code classpath:db/migration/common} and {@code h2}); a plain MyBatis {@link SqlSessionFactory} with the registry's
 * mapper XMLs and the settings of application.yaml; real mappers from a {@link SqlSessionManager}; the
 * {@link Catalogue}; the shipped DRL compiled into rule sets (once per JVM); and a Camunda engine on the same
 * database (schema update, full history, no job executor) with the {@link AssignmentEnginePlugin} and the real
 * service task delegates as beans under the names the diagrams use. The three diagrams and their forms are deployed
 * from {@code classpath:processes/}.
 *
 * <p>Transactions: every registry mapper call runs in an auto-commit session of its own (SqlSessionManager without
 * a managed session), on its own pooled connection, so the writes of the delegates and of the owner-deciding task
 * listener are committed at once, outside the engine's transaction (in the application they share it). That is
 * acceptable for process tests: the engine only writes ACT_* tables and the registry mappers only registry tables,
 * so neither waits on the other's locks (H2 2.x MVStore, READ COMMITTED), and each sees the other's committed rows.
 * A step that fails after a delegate wrote would leave the write behind here; the delegates validate before they
 * write, which the tests rely on.
 *
 * <p>Before each test: the BpmnAwareTests engine is this one and the engine clock is {@link #BASE_TIME} (the
 * {@link ProcessEngineExtension} resets the clock after each test).
 */
public final class ProcessTestEngine implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  /** The university's time zone (alumni.time-zone), which due dates and dates of the registry are in. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** The engine clock at the start of every test: Monday 2 March 2026, 10:00. */
  public static final LocalDateTime BASE_TIME = LocalDateTime.of(2026, 3, 2, 10, 0);

  /** The shipped rule files, each compiled once per JVM (a compile takes seconds). */
  private static final Map<String, RuleSet> SHIPPED_RULES = new ConcurrentHashMap<>();

  private final HikariDataSource dataSource;
  private final SqlSessionManager sessions;
  private final AlumnusMapper alumni;
  private final GiftMapper gifts;
  private final ReunionMapper reunions;
  private final StewardshipMapper stewardship;
  private final ContactReportMapper contactReports;
  private final OwnerDecisionMapper ownerDecisions;
  private final Catalogue catalogue;
  private final ProcessEngine engine;
  private final AtomicInteger ids = new AtomicInteger();
  /** The segment rules a manager made active, as the rule book would hand them out; null: the shipped ones. */
  private final AtomicReference<RuleSet> activeSegmentRules = new AtomicReference<>();
  /** How many owner decisions the assignment rules were asked for (each asks for the rule set once). */
  private final AtomicInteger assignmentDecisions = new AtomicInteger();

  public ProcessTestEngine() {
    String name = "process-" + UUID.randomUUID();
    HikariConfig pool = new HikariConfig();
    pool.setPoolName(name);
    pool.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    pool.setUsername("sa");
    pool.setPassword("");
    // Camunda refuses REPEATABLE_READ; READ_COMMITTED is H2's default and the application's setting
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    // one connection for the engine's command, others for the registry mappers called inside it
    pool.setMaximumPoolSize(8);
    pool.setMinimumIdle(1);
    dataSource = new HikariDataSource(pool);
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();

      sessions = SqlSessionManager.newInstance(sqlSessionFactory(dataSource));
      alumni = sessions.getMapper(AlumnusMapper.class);
      gifts = sessions.getMapper(GiftMapper.class);
      reunions = sessions.getMapper(ReunionMapper.class);
      stewardship = sessions.getMapper(StewardshipMapper.class);
      contactReports = sessions.getMapper(ContactReportMapper.class);
      ownerDecisions = sessions.getMapper(OwnerDecisionMapper.class);
      catalogue = new Catalogue(sessions.getMapper(CatalogueMapper.class));

      TaskOwners taskOwners = new TaskOwners(() -> {
        assignmentDecisions.incrementAndGet();
        return assignmentRules();
      },
          new TaskContextReader(sessions.getMapper(RegistryFactsMapper.class), catalogue, ZONE), ZONE);

      StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
      configuration.setProcessEngineName(name);
      configuration.setDataSource(dataSource);
      configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setJobExecutorActivate(false);
      configuration.setEnforceHistoryTimeToLive(true);
      configuration.setProcessEnginePlugins(
          List.of(new AssignmentEnginePlugin(taskOwners, ownerDecisions)));
      Map<Object, Object> beans = new HashMap<>();
      beans.put("dueDates", new DueDates(taskOwners));
      beans.put("sendInvitationsDelegate", new SendInvitationsDelegate(reunions, ZONE));
      beans.put("recordContactReportDelegate",
          new RecordContactReportDelegate(contactReports, alumni, catalogue, ZONE));
      beans.put("decideFollowUpsDelegate", new DecideFollowUpsDelegate(gifts, ProcessTestEngine::followUpRules));
      beans.put("classifyGiftDelegate",
          new ClassifyGiftDelegate(gifts, catalogue, stewardship, ProcessTestEngine::giftRules, ZONE));
      beans.put("allocateGiftDelegate", new AllocateGiftDelegate(gifts, stewardship, ZONE));
      beans.put("checkFundraisableDelegate", new CheckFundraisableDelegate(gifts,
          sessions.getMapper(SegmentationMapper.class), () -> {
            RuleSet uploaded = activeSegmentRules.get();
            return uploaded == null ? segmentRules() : uploaded;
          }, ZONE));
      configuration.setBeans(beans);
      engine = configuration.buildProcessEngine();
      deployProcesses();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static SqlSessionFactory sqlSessionFactory(DataSource dataSource) {
    Configuration configuration = new Configuration(
        new Environment("process-tests", new JdbcTransactionFactory(), dataSource));
    // as application.yaml's mybatis.configuration
    configuration.setMapUnderscoreToCamelCase(true);
    configuration.setArgNameBasedConstructorAutoMapping(true);
    configuration.setJdbcTypeForNull(JdbcType.NULL);
    // each interface's XML sits beside it on the classpath (edu/alumni/engine/**/XMapper.xml)
    for (Class<?> mapper : List.of(AlumnusMapper.class, GiftMapper.class, CatalogueMapper.class, ReunionMapper.class,
        StewardshipMapper.class, ContactReportMapper.class, OwnerDecisionMapper.class, RegistryFactsMapper.class,
        SegmentationMapper.class)) {
      configuration.addMapper(mapper);
    }
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  private void deployProcesses() {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("process-tests");
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      int diagrams = 0;
      for (String pattern : List.of("classpath:processes/*.bpmn", "classpath:processes/forms/*.form")) {
        for (Resource resource : resolver.getResources(pattern)) {
          String folder = pattern.contains("forms") ? "processes/forms/" : "processes/";
          try (InputStream in = resource.getInputStream()) {
            deployment.addString(folder + resource.getFilename(),
                new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          diagrams += pattern.endsWith(".bpmn") ? 1 : 0;
        }
      }
      if (diagrams != 3) {
        throw new IllegalStateException("expected the three diagrams on the classpath under processes/, found "
            + diagrams);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deployment.deploy();
  }

  /** The camunda-bpm-junit5 extension over this engine (register it after this fixture). */
  public ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine).build();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    BpmnAwareTests.init(engine);
    setClock(BASE_TIME);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    engine.getIdentityService().clearAuthentication();
    BpmnAwareTests.reset();
    ClockUtil.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      engine.close();
    } finally {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        // the pool is closed next anyway
      }
      dataSource.close();
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // Rules, compiled once per JVM from the shipped DRL
  // ------------------------------------------------------------------------------------------------------------

  private static RuleSet shipped(String name) {
    return SHIPPED_RULES.computeIfAbsent(name, n -> RuleSet.compile(BuiltInRules.sources(n)));
  }

  public static RuleSet assignmentRules() {
    return shipped(BuiltInRules.ASSIGNMENT);
  }

  public static RuleSet followUpRules() {
    return shipped(BuiltInRules.FOLLOW_UPS);
  }

  /** Makes these segment rules the active ones, as an upload to the rule book would; null: the shipped ones. */
  public void useSegmentRules(RuleSet rules) {
    activeSegmentRules.set(rules);
  }

  public static RuleSet segmentRules() {
    return shipped(BuiltInRules.SEGMENTS);
  }

  public static RuleSet giftRules() {
    return shipped(BuiltInRules.GIFT_CLASSIFICATION);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Access
  // ------------------------------------------------------------------------------------------------------------

  /** The owner decisions made so far by this engine's assignment rules. */
  public int assignmentDecisions() {
    return assignmentDecisions.get();
  }

  public ProcessEngine engine() {
    return engine;
  }

  public AlumnusMapper alumni() {
    return alumni;
  }

  public GiftMapper gifts() {
    return gifts;
  }

  public ReunionMapper reunions() {
    return reunions;
  }

  public StewardshipMapper stewardship() {
    return stewardship;
  }

  public ContactReportMapper contactReports() {
    return contactReports;
  }

  public OwnerDecisionMapper ownerDecisions() {
    return ownerDecisions;
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  /** Rows of a query on the test database, columns by lower-case label. */
  public List<Map<String, Object>> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // Time
  // ------------------------------------------------------------------------------------------------------------

  public static Date date(LocalDateTime time) {
    return Date.from(time.atZone(ZONE).toInstant());
  }

  public static LocalDateTime local(Date date) {
    return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZONE);
  }

  public void setClock(LocalDateTime time) {
    ClockUtil.setCurrentTime(date(time));
  }

  public LocalDateTime now() {
    return local(ClockUtil.getCurrentTime());
  }

  // ------------------------------------------------------------------------------------------------------------
  // Registry rows
  // ------------------------------------------------------------------------------------------------------------

  /** A fresh identifier for this test class' database: prefix and a counter. */
  public String nextId(String prefix) {
    return String.format("%s%05d", prefix, ids.incrementAndGet());
  }

  /**
   * Inserts an alumnus with the chapter its city maps to.
   *
   * @param email null for none
   * @param phone null for none
   */
  public Alumnus insertAlumnus(String studentNo, String college, int graduationYear, String city, String email,
      String phone, boolean consentContact, boolean consentFundraising, boolean deceased) {
    Alumnus alumnus = new Alumnus(studentNo, "校友" + studentNo, "F", college, "软件工程", "BACHELOR",
        graduationYear - 4, graduationYear, null, city, city == null ? null : catalogue.chapterOf(city).orElse(null),
        "中国", "示例科技有限公司", "互联网", "工程师", email, phone, null, consentContact, consentFundraising,
        deceased);
    alumni.insertAlumnus(alumnus);
    return alumnus;
  }

  /** A contactable, fundraisable, living alumnus with an e-mail and phone, under a fresh student number. */
  public Alumnus insertAlumnus(String college, int graduationYear, String city) {
    String studentNo = nextId("S");
    return insertAlumnus(studentNo, college, graduationYear, city, studentNo.toLowerCase(Locale.ROOT)
        + "@example.cn", "+8613800138000", true, true, false);
  }

  /** A gift of an alumnus under a fresh gift ref. */
  public Gift insertGift(String studentNo, String amountCny, String fundCode, LocalDate giftDate) {
    Gift gift = new Gift(nextId("G-"), studentNo, new BigDecimal(amountCny), giftDate, fundCode, null);
    gifts.insertGift(gift);
    return gift;
  }

  // ------------------------------------------------------------------------------------------------------------
  // Assertions
  // ------------------------------------------------------------------------------------------------------------

  /**
   * The task is owned by exactly this candidate group (no assignee, no other group) and the owner decision
   * recorded for it says the same, decided by a named rule of the shipped assignment rules, not the fallback.
   */
  public OwnerDecision assertOwner(Task task, String group) {
    assertThat(task).as("task").isNotNull();
    BpmnAwareTests.assertThat(task).hasCandidateGroup(group);
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
    assertThat(groups).as("candidate groups of %s", task.getTaskDefinitionKey()).containsExactly(group);
    assertThat(task.getAssignee()).as("assignee of %s", task.getTaskDefinitionKey()).isNull();
    OwnerDecision decision = ownerDecisions.selectByTaskId(task.getId());
    assertThat(decision).as("owner decision of %s", task.getTaskDefinitionKey()).isNotNull();
    assertThat(decision.taskKey()).isEqualTo(task.getTaskDefinitionKey());
    assertThat(decision.processInstanceId()).isEqualTo(task.getProcessInstanceId());
    assertThat(decision.candidateGroups()).isEqualTo(group);
    assertThat(decision.fallback()).as("fallback of %s", task.getTaskDefinitionKey()).isFalse();
    assertThat(decision.ruleName()).isNotBlank().isNotEqualTo(TaskOwners.FALLBACK_RULE);
    assertThat(decision.rulesetVersion()).isEqualTo(assignmentRules().version()).startsWith("sha256:");
    assertThat(decision.facts()).isNotBlank();
    assertThat(decision.dueAt()).isEqualTo(local(task.getDueDate()));
    return decision;
  }

  /** The task's due date, in the university's time zone. */
  public void assertDue(Task task, LocalDateTime expected) {
    assertThat(local(task.getDueDate())).as("due date of %s", task.getTaskDefinitionKey()).isEqualTo(expected);
  }

  /** Owner and due date. */
  public OwnerDecision assertOwner(Task task, String group, LocalDateTime due) {
    assertDue(task, due);
    return assertOwner(task, group);
  }

  /** The timer job of a timer event (boundary or intermediate) of an instance. */
  public Job timer(ProcessInstance instance, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).timers().singleResult();
    assertThat(job).as("timer job of %s", activityId).isNotNull();
    return job;
  }

  /** The open task of an instance by its key. */
  public Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
  }
}
