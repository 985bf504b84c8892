package edu.alumni.engine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rewritten task query answers what Camunda's answers, query by query, with authorization on. Each query runs
 * twice on the same engine and data, once through Camunda's statement and once through ours, and both answers must
 * be equal (in order where the query sorts); a few are also checked against the tasks they must find.
 *
 * <p>On MariaDB when DB_URL names a MySQL-protocol server (the CI's second run; in a database of its own there),
 * else on an H2 database of its own: the rewrite is plain SQL, so H2 checks its logic and MariaDB the dialect it is
 * installed for.
 */
@Tag("database")
class MysqlTaskQueryTests {

  static final String MARIADB_DATABASE = "alumni_task_query_test";

  static final int WINDOW = 3;
  static final int GROUP_WINDOW = 2;
  /** SHA-256 of Camunda 7.24.0's Task.xml, which MysqlTaskQuery.xml is a copy of. */
  static final String CAMUNDA_TASK_XML_SHA256 = "616c3e9cdf4055cab8493558ece2d3bce0a3edb7bb9fe88570758b5103caf821";
  /** SHA-256 of Camunda 7.24.0's IdentityLink.xml, whose link insert MysqlTaskQuery.xml copies. */
  static final String CAMUNDA_IDENTITY_LINK_XML_SHA256 =
      "4ac841406f81fed5e211e11088ce0924bd4496f126cf1ce64fdeb11f84578566";

  static HikariDataSource dataSource;
  static ProcessEngine engine;
  static ProcessEngineConfigurationImpl configuration;
  static TaskService tasks;
  static IdentityService identity;
  static AuthorizationService authorizations;

  /** Names of this run: the MariaDB database is shared with other test classes and kept between builds. */
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String USER = "mtq-u-" + RUN;
  static final String ALL_SEEING = "mtq-v-" + RUN;
  static final String OTHER = "mtq-w-" + RUN;
  static final String GROUP_A = "mtq-a-" + RUN;
  static final String GROUP_B = "mtq-b-" + RUN;
  static final String GROUP_C = "mtq-c-" + RUN;
  static final String GROUP_D = "mtq-d-" + RUN;
  static final String PROCESS = "mtqWork" + RUN.replace("-", "");
  static final String OTHER_PROCESS = "mtqOther" + RUN.replace("-", "");

  static String inA;
  static String inB;
  static String inAandB;
  static String forUser;
  static String assignedToUser;
  static String assignedElsewhereInA;
  static String otherProcessInC;
  static String standaloneInA;
  static final List<String> created = new ArrayList<>();
  static final Instant CREATED = Instant.parse("2026-03-02T02:00:00Z");
  static int minutes;

  @BeforeAll
  static void engineAndTasks() throws SQLException {
    String url = System.getenv("DB_URL");
    HikariConfig pool = new HikariConfig();
    if (url != null && url.startsWith("jdbc:mysql:")) {
      // a database of its own beside the tests' one: this engine's tables must not come before Flyway's there
      try (Connection c = DriverManager.getConnection(url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + MARIADB_DATABASE);
      }
      pool.setJdbcUrl(url.replaceFirst("^(jdbc:mysql://[^/]+/)[^?]*", "$1" + MARIADB_DATABASE)
          + "&createDatabaseIfNotExist=true");
      pool.setUsername(System.getenv("DB_USER"));
      pool.setPassword(System.getenv("DB_PASSWORD"));
    } else {
      pool.setJdbcUrl("jdbc:h2:mem:mysql-task-query-" + RUN + ";DB_CLOSE_DELAY=-1");
      pool.setUsername("sa");
    }
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED"); // what Camunda needs, as in application.yaml
    pool.setMaximumPoolSize(4);
    dataSource = new HikariDataSource(pool);
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("mysql-task-query-" + RUN);
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setJobExecutorActivate(false);
    config.setAuthorizationEnabled(true);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    engine = config.buildProcessEngine();
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // what the plugin does after the engine's schema operations: this engine is built without it
    try (Connection c = dataSource.getConnection()) {
      MysqlTaskQuery.addTaskCreationToLinks(c, configuration.getDatabaseTablePrefix(),
          configuration.getDatabaseType());
    }
    // on H2 too: the rewrite is what is tested here; a window of three tasks, so that pages fill it or not
    MysqlTaskQuery.install(configuration, WINDOW, GROUP_WINDOW);
    tasks = engine.getTaskService();
    identity = engine.getIdentityService();
    authorizations = engine.getAuthorizationService();
    RuntimeService runtime = engine.getRuntimeService();

    for (String process : List.of(PROCESS, OTHER_PROCESS)) {
      engine.getRepositoryService().createDeployment().addModelInstance(process + ".bpmn",
          Bpmn.createExecutableProcess(process).camundaHistoryTimeToLive(1).startEvent()
              .userTask("work").endEvent().done()).deploy();
    }
    inA = start(runtime, PROCESS, GROUP_A, "", "", "x");
    inB = start(runtime, PROCESS, GROUP_B, "", "", "y");
    inAandB = start(runtime, PROCESS, GROUP_A + "," + GROUP_B, "", "", "x");
    forUser = start(runtime, PROCESS, "", USER, "", "y");
    assignedToUser = start(runtime, PROCESS, "", "", USER, "x");
    assignedElsewhereInA = start(runtime, PROCESS, GROUP_A, "", OTHER, "z");
    otherProcessInC = start(runtime, OTHER_PROCESS, GROUP_C, "", "", "x");
    nextMinute();
    Task standalone = tasks.newTask();
    standalone.setName("standalone");
    tasks.saveTask(standalone);
    tasks.addCandidateGroup(standalone.getId(), GROUP_A);
    standaloneInA = standalone.getId();
    created.add(standaloneInA);

    ClockUtil.reset();
    // the user may read the tasks of the other process through its definition; another user reads all tasks
    grant(USER, Resources.PROCESS_DEFINITION, OTHER_PROCESS, ProcessDefinitionPermissions.READ_TASK);
    grant(ALL_SEEING, Resources.TASK, Authorization.ANY, Permissions.READ);
  }

  /** Each task a minute after the one before: an order by creation time without ties. */
  private static void nextMinute() {
    ClockUtil.setCurrentTime(Date.from(CREATED.plus(minutes++, ChronoUnit.MINUTES)));
  }

  /** Starts an instance and gives its task the groups (comma-separated), candidate user and assignee given. */
  private static String start(RuntimeService runtime, String process, String groups, String user, String assignee,
      String kind) {
    nextMinute();
    String instance = runtime.startProcessInstanceByKey(process, Map.of("kind", kind)).getId();
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    for (String group : groups.split(",")) {
      if (!group.isEmpty()) {
        tasks.addCandidateGroup(task, group); // the engine grants the group the task, as for the diagrams' tasks
      }
    }
    if (!user.isEmpty()) {
      tasks.addCandidateUser(task, user);
    }
    if (!assignee.isEmpty()) {
      tasks.setAssignee(task, assignee);
    }
    return task;
  }

  private static void grant(String user, Resources resource, String resourceId, org.camunda.bpm.engine.authorization
      .Permission permission) {
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setUserId(user);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.addPermission(permission);
    authorizations.saveAuthorization(a);
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
    MysqlTaskQuery.install(configuration, WINDOW, GROUP_WINDOW);
  }

  @AfterAll
  static void close() {
    identity.clearAuthentication();
    engine.getRepositoryService().createDeploymentQuery().list().stream()
        .filter(d -> engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(d.getId()).list()
            .stream().anyMatch(p -> p.getKey().equals(PROCESS) || p.getKey().equals(OTHER_PROCESS)))
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    created.forEach(id -> tasks.deleteTask(id, true));
    authorizations.createAuthorizationQuery().userIdIn(USER, ALL_SEEING, OTHER).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    authorizations.createAuthorizationQuery().groupIdIn(GROUP_A, GROUP_B, GROUP_C, GROUP_D).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    engine.close();
    dataSource.close();
  }

  /** Both statements' answers: the list's ids (in order), the count, the first page of two. */
  private record Answer(List<String> ids, long count, List<String> firstPage) {
  }

  private static Answer answer(Supplier<TaskQuery> query) {
    return new Answer(query.get().list().stream().map(Task::getId).toList(), query.get().count(),
        query.get().listPage(0, 2).stream().map(Task::getId).toList());
  }

  /** Runs the query through Camunda's statement and through ours; returns the ids of ours after comparing. */
  private static List<String> same(Supplier<TaskQuery> query) {
    MysqlTaskQuery.uninstall(configuration);
    Answer camunda = answer(query);
    MysqlTaskQuery.install(configuration, WINDOW, GROUP_WINDOW);
    Answer ours = answer(query);
    assertThat(ours).isEqualTo(camunda);
    assertThat(ours.count()).isEqualTo(ours.ids().size());
    return ours.ids();
  }

  private static void signIn(String user, String... groups) {
    identity.setAuthentication(user, List.of(groups));
  }

  @Test
  void candidateGroupsAsACoordinator() {
    signIn(USER, GROUP_A);

    assertThat(same(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A)))
        .containsExactlyInAnyOrder(inA, inAandB, standaloneInA);
    assertThat(same(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A).includeAssignedTasks()))
        .containsExactlyInAnyOrder(inA, inAandB, standaloneInA, assignedElsewhereInA);
    // the grant is the group's: a task of group B alone stays hidden even when asked for
    assertThat(same(() -> tasks.createTaskQuery().taskCandidateGroupIn(List.of(GROUP_A, GROUP_B))))
        .containsExactlyInAnyOrder(inA, inAandB, standaloneInA);
    assertThat(same(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_B))).containsExactly(inAandB);
    same(() -> tasks.createTaskQuery().taskCandidateGroupLike("mtq-%-" + RUN));
    same(() -> tasks.createTaskQuery().withCandidateGroups());
    same(() -> tasks.createTaskQuery().withoutCandidateGroups());
    same(() -> tasks.createTaskQuery().withCandidateUsers());
  }

  @Test
  void everyTaskTheUserMayRead() {
    signIn(USER, GROUP_A);

    assertThat(same(() -> tasks.createTaskQuery().processDefinitionKeyIn(PROCESS, OTHER_PROCESS)))
        .containsExactlyInAnyOrder(inA, inAandB, forUser, assignedToUser, assignedElsewhereInA, otherProcessInC);
    assertThat(same(() -> tasks.createTaskQuery())).contains(standaloneInA).doesNotContain(inB);
    assertThat(same(() -> tasks.createTaskQuery().processDefinitionKey(OTHER_PROCESS)))
        .containsExactly(otherProcessInC);
    assertThat(same(() -> tasks.createTaskQuery().taskCandidateUser(USER))).contains(forUser);
    assertThat(same(() -> tasks.createTaskQuery().taskAssignee(USER))).containsExactly(assignedToUser);
  }

  @Test
  void involvedUserOrQueriesAndVariables() {
    signIn(USER, GROUP_A);

    assertThat(same(() -> tasks.createTaskQuery().taskInvolvedUser(USER)))
        .containsExactlyInAnyOrder(forUser, assignedToUser);
    same(() -> tasks.createTaskQuery().taskInvolvedUser(USER).taskCandidateGroup(GROUP_A).includeAssignedTasks());
    assertThat(same(() -> tasks.createTaskQuery().or().taskCandidateGroup(GROUP_B).taskAssignee(USER).endOr()))
        .containsExactlyInAnyOrder(inAandB, assignedToUser);
    assertThat(same(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A)
        .processVariableValueEquals("kind", "x"))).containsExactlyInAnyOrder(inA, inAandB);
  }

  @Test
  void sortedPages() {
    signIn(USER, GROUP_A);

    assertThat(same(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A).orderByTaskCreateTime().desc()
        .orderByTaskId().asc())).hasSize(3);
    same(() -> tasks.createTaskQuery().processDefinitionKeyIn(PROCESS, OTHER_PROCESS).orderByProcessVariable("kind",
        ValueType.STRING).asc().orderByTaskId().asc());
    same(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A).orderByDueDate().asc().orderByTaskId().desc());
  }

  @Test
  void aGrantOnAllTasksAndNoAuthenticationAtAll() {
    signIn(ALL_SEEING);
    assertThat(same(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_B)))
        .containsExactlyInAnyOrder(inB, inAandB);

    identity.clearAuthentication(); // the engine checks nothing for a caller it does not know
    assertThat(same(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_C))).containsExactly(otherProcessInC);
  }

  @Test
  void aRevokedGrantTakesCamundasOwnCheck() {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(USER);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(inAandB);
    revoke.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoke);
    try {
      signIn(USER, GROUP_A);
      assertThat(same(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A)))
          .containsExactlyInAnyOrder(inA, standaloneInA);
    } finally {
      identity.clearAuthentication();
      authorizations.deleteAuthorization(revoke.getId());
    }
  }

  /** A page of the query through Camunda's statement and through ours, which must be equal. */
  private static List<String> page(Supplier<TaskQuery> query, int first, int max) {
    MysqlTaskQuery.uninstall(configuration);
    List<String> camunda = query.get().listPage(first, max).stream().map(Task::getId).toList();
    MysqlTaskQuery.install(configuration, WINDOW, GROUP_WINDOW);
    List<String> ours = query.get().listPage(first, max).stream().map(Task::getId).toList();
    assertThat(ours).isEqualTo(camunda);
    return ours;
  }

  @Test
  void aPageIsLookedForAmongTheFirstTasksThenAmongTheGroupsBeforeAllOfThem() {
    RecentTasksFirst window = configuration.getSqlSessionFactory().getConfiguration().getInterceptors().stream()
        .filter(RecentTasksFirst.class::isInstance).map(RecentTasksFirst.class::cast).findFirst().orElseThrow();
    signIn(USER, GROUP_A);
    long fromWindow = window.fromWindow.get();
    long fromGroupWindow = window.fromGroupWindow.get();
    long fromAll = window.fromAll.get();

    // the three newest tasks hold one open task of group A: a page of one fills; for a page of two, the two newest
    // tasks of group A hold one open task too (the other is assigned), so the full statement answers
    Supplier<TaskQuery> newest = () -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A).orderByTaskCreateTime()
        .desc();
    assertThat(page(newest, 0, 1)).containsExactly(standaloneInA);
    assertThat(window.fromWindow.get()).isEqualTo(fromWindow + 1);
    assertThat(page(newest, 0, 2)).containsExactly(standaloneInA, inAandB);
    assertThat(window.fromAll.get()).isEqualTo(fromAll + 1);

    // the three oldest hold two: the first page of two fills; the second needs three, more than the group window
    Supplier<TaskQuery> oldest = () -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A).orderByTaskCreateTime()
        .asc();
    assertThat(page(oldest, 0, 2)).containsExactly(inA, inAandB);
    assertThat(window.fromWindow.get()).isEqualTo(fromWindow + 2);
    assertThat(page(oldest, 1, 2)).containsExactly(inAandB, standaloneInA);
    assertThat(window.fromAll.get()).isEqualTo(fromAll + 2);

    // group B has no task among the three newest; its two newest tasks make the page
    signIn(ALL_SEEING);
    assertThat(page(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_B).orderByTaskCreateTime().desc(), 0, 2))
        .containsExactly(inAandB, inB);
    assertThat(window.fromGroupWindow.get()).isEqualTo(fromGroupWindow + 1);
    // asked again, it is looked for in the group's window first: one window read
    long reads = window.windowReads.get();
    assertThat(page(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_B).orderByTaskCreateTime().desc(), 0, 2))
        .containsExactly(inAandB, inB);
    assertThat(window.fromGroupWindow.get()).isEqualTo(fromGroupWindow + 2);
    assertThat(window.windowReads.get()).isEqualTo(reads + 1);
    // by id (the ids' order is the id generator's): from one window or the other, never the full statement
    assertThat(page(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_B).orderByTaskId().desc(), 0, 2))
        .hasSize(2);
    assertThat(window.fromAll.get()).isEqualTo(fromAll + 2);
    signIn(USER, GROUP_A);

    // an order the windows cannot be read in, and a page larger than the window, go to the full statement
    page(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A).orderByTaskName().asc(), 0, 1);
    page(newest, 0, WINDOW + 1);
    assertThat(window.fromWindow.get() + window.fromGroupWindow.get() + window.fromAll.get())
        .isEqualTo(fromWindow + fromGroupWindow + fromAll + 7);
  }

  @Test
  void aLinkWrittenWithoutItsTasksCreationTimeIsInEveryGroupWindow() throws SQLException {
    RecentTasksFirst window = configuration.getSqlSessionFactory().getConfiguration().getInterceptors().stream()
        .filter(RecentTasksFirst.class::isInstance).map(RecentTasksFirst.class::cast).findFirst().orElseThrow();
    // three tasks of group D, older than all others; the newest one's link written by Camunda's own statement (as
    // an engine without the plugin would), so it has no creation time and sorts last in the links' index
    List<String> inD = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ClockUtil.setCurrentTime(Date.from(CREATED.minus(10 - i, ChronoUnit.MINUTES)));
      Task task = tasks.newTask();
      task.setName("d" + i);
      tasks.saveTask(task);
      created.add(task.getId());
      inD.add(task.getId());
      if (i == 2) {
        MysqlTaskQuery.uninstall(configuration);
      }
      tasks.addCandidateGroup(task.getId(), GROUP_D);
      MysqlTaskQuery.install(configuration, WINDOW, GROUP_WINDOW);
    }
    ClockUtil.reset();
    assertThat(taskCreatedOnLink(inD.get(1))).isEqualTo(tasks.createTaskQuery().taskId(inD.get(1)).singleResult()
        .getCreateTime().getTime());
    assertThat(taskCreatedOnLink(inD.get(2))).isNull();

    // none of group D among the three newest tasks: the group's window holds the page, the link without a time too
    signIn(ALL_SEEING);
    long fromGroupWindow = window.fromGroupWindow.get();
    assertThat(page(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_D).orderByTaskCreateTime().desc(), 0, 2))
        .containsExactly(inD.get(2), inD.get(1));
    assertThat(window.fromGroupWindow.get()).isEqualTo(fromGroupWindow + 1);
  }

  @Test
  void aDatabaseOfAnEarlierVersionGetsTheColumnAndItsLinksTheirTasksTimes() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      dropLinksColumnAndIndex(s);
      assertThat(EngineIndexes.columnExists(c, "ACT_RU_IDENTITYLINK", MysqlTaskQuery.TASK_CREATED_COLUMN)).isFalse();

      MysqlTaskQuery.addTaskCreationToLinks(c, configuration.getDatabaseTablePrefix(),
          configuration.getDatabaseType());
      // and again: what is there is left alone
      MysqlTaskQuery.addTaskCreationToLinks(c, configuration.getDatabaseTablePrefix(),
          configuration.getDatabaseType());

      assertThat(EngineIndexes.exists(c, MysqlTaskQuery.TASKS_BY_GROUP_AND_CREATION)).isTrue();
    }
    for (String task : List.of(inA, inAandB, standaloneInA)) {
      assertThat(taskCreatedOnLink(task)).as(task)
          .isEqualTo(tasks.createTaskQuery().taskId(task).singleResult().getCreateTime().getTime());
    }
    signIn(ALL_SEEING);
    page(() -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A).orderByTaskCreateTime().desc(), 0, 2);
  }

  @Test
  void aColumnAndIndexAnotherNodeAddsAtTheSameMomentAreTakenAsAdded() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      dropLinksColumnAndIndex(s);

      // each ALTER and CREATE INDEX finds its work done by the other node first, and fails as the database would
      MysqlTaskQuery.addTaskCreationToLinks(otherNodeFirst(c), configuration.getDatabaseTablePrefix(),
          configuration.getDatabaseType());

      assertThat(EngineIndexes.columnExists(c, "ACT_RU_IDENTITYLINK", MysqlTaskQuery.TASK_CREATED_COLUMN)).isTrue();
      assertThat(EngineIndexes.exists(c, MysqlTaskQuery.TASKS_BY_GROUP_AND_CREATION)).isTrue();
    }
    assertThat(taskCreatedOnLink(inA))
        .isEqualTo(tasks.createTaskQuery().taskId(inA).singleResult().getCreateTime().getTime());
  }

  @Test
  void anAlterTheDatabaseRefusesIsNotTakenAsDone() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      dropLinksColumnAndIndex(s);
      try {
        // a database user without the right to alter the engine's tables
        Connection refusing = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("createStatement")
                ? statement(c.createStatement(), sql -> {
                  throw new SQLException("ALTER command denied to user 'alumni'", "42000", 1142);
                })
                : method.invoke(c, args));

        assertThatThrownBy(() -> MysqlTaskQuery.addTaskCreationToLinks(refusing,
            configuration.getDatabaseTablePrefix(), configuration.getDatabaseType()))
            .isInstanceOf(SQLException.class).hasMessageContaining("ALTER command denied");
        assertThat(EngineIndexes.columnExists(c, "ACT_RU_IDENTITYLINK", MysqlTaskQuery.TASK_CREATED_COLUMN))
            .isFalse();
      } finally {
        MysqlTaskQuery.addTaskCreationToLinks(c, configuration.getDatabaseTablePrefix(),
            configuration.getDatabaseType());
      }
    }
  }

  /** Takes the links' column and index away, as in a database the service ran on before them. */
  private static void dropLinksColumnAndIndex(Statement s) throws SQLException {
    String index = MysqlTaskQuery.TASKS_BY_GROUP_AND_CREATION.name();
    s.execute(DbSqlSessionFactory.MYSQL.equals(configuration.getDatabaseType())
        ? "DROP INDEX " + index + " ON ACT_RU_IDENTITYLINK" : "DROP INDEX " + index);
    s.execute("ALTER TABLE ACT_RU_IDENTITYLINK DROP COLUMN " + MysqlTaskQuery.TASK_CREATED_COLUMN);
  }

  /** A statement that hands its schema changes (ALTER, CREATE) to {@code schemaChange}, the rest to the real one. */
  private static Statement statement(Statement real, SchemaChange schemaChange) {
    return (Statement) java.lang.reflect.Proxy.newProxyInstance(MysqlTaskQueryTests.class.getClassLoader(),
        new Class<?>[] {Statement.class}, (proxy, method, args) -> {
          if (method.getName().equals("execute") && args != null && args.length == 1
              && args[0] instanceof String sql && sql.toLowerCase(java.util.Locale.ROOT).matches("(alter|create) .*")) {
            schemaChange.run(sql);
            return false;
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** A connection on which every schema change is made by "another node" just before this one's fails. */
  private static Connection otherNodeFirst(Connection c) {
    return (Connection) java.lang.reflect.Proxy.newProxyInstance(MysqlTaskQueryTests.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("createStatement") && args == null) {
            return statement(c.createStatement(), sql -> {
              try (Statement other = c.createStatement()) {
                other.execute(sql);
              }
              throw new SQLException("already there: " + sql);
            });
          }
          try {
            return method.invoke(c, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private interface SchemaChange {
    void run(String sql) throws SQLException;
  }

  /** The creation time the task's candidate link carries (epoch millis), null when it carries none. */
  private static Long taskCreatedOnLink(String taskId) throws SQLException {
    try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
        "select " + MysqlTaskQuery.TASK_CREATED_COLUMN + " from ACT_RU_IDENTITYLINK where TASK_ID_ = ?")) {
      s.setString(1, taskId);
      try (java.sql.ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        java.sql.Timestamp at = rs.getTimestamp(1);
        return at == null ? null : at.getTime();
      }
    }
  }

  /** Pages of every kind of candidate criteria and order the windows serve, each equal to Camunda's page. */
  @Test
  void everyKindOfCandidateQueryGetsCamundasPageFromTheWindows() {
    List<Supplier<TaskQuery>> queries = List.of(
        () -> tasks.createTaskQuery().taskCandidateUser(USER),
        () -> tasks.createTaskQuery().taskCandidateUser(USER).includeAssignedTasks(),
        () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of(GROUP_A, GROUP_C)),
        () -> tasks.createTaskQuery().taskCandidateGroupLike("mtq-%-" + RUN),
        () -> tasks.createTaskQuery().taskCandidateGroup(GROUP_A).processDefinitionKey(PROCESS));
    for (String user : List.of(USER, ALL_SEEING)) {
      signIn(user, GROUP_A);
      for (Supplier<TaskQuery> query : queries) {
        for (int first = 0; first <= 1; first++) {
          for (int max = 1; max <= 2; max++) {
            page(() -> query.get().orderByTaskCreateTime().desc(), first, max);
            page(() -> query.get().orderByTaskCreateTime().asc(), first, max);
            page(() -> query.get().orderByTaskId().asc(), first, max);
            page(() -> query.get().orderByTaskId().desc(), first, max);
            page(query, first, max);
          }
        }
      }
    }
  }

  @Test
  void aCoordinatorsQueryIsLedByTheGroupsLinksAndLooksGrantsUp() {
    TaskQueryImpl query = (TaskQueryImpl) tasks.createTaskQuery().taskCandidateGroup(GROUP_A).orderByTaskCreateTime()
        .desc();
    AuthorizationCheck check = query.getAuthCheck(); // as the engine fills it in for a signed-in coordinator
    check.setAuthorizationCheckEnabled(true);
    check.setShouldPerformAuthorizatioCheck(true);
    check.setAuthUserId(USER);
    check.setAuthGroupIds(List.of(GROUP_A));
    // the builder asks the command context whether a permission is switched off
    check.setAtomicPermissionChecks(configuration.getCommandExecutorTxRequired().execute(context ->
        new PermissionCheckBuilder().disjunctive()
            .atomicCheck(Resources.TASK, "RES.ID_", Permissions.READ)
            .atomicCheck(Resources.PROCESS_DEFINITION, "D.KEY_", ProcessDefinitionPermissions.READ_TASK)
            .getAtomicChecks()));
    org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();

    // bound as the engine binds it: inside a command
    Function<String, String> sql = statement -> configuration.getCommandExecutorTxRequired().execute(context ->
        mybatis.getMappedStatement(statement).getBoundSql(query).getSql()).replaceAll("\\s+", " ");
    String camundas = sql.apply("selectTaskByQueryCriteria");
    String ours = sql.apply(MysqlTaskQuery.LIST);
    String recent = sql.apply(MysqlTaskQuery.RECENT);
    String groupRecent = sql.apply(MysqlTaskQuery.GROUP_RECENT);

    assertThat(camundas).containsIgnoringCase("select distinct").contains("left join ACT_RU_IDENTITYLINK I")
        .contains("AUTH ON");
    // led by the group's links, each task once; grants looked up by resource id
    assertThat(ours).doesNotContainIgnoringCase("select distinct RES").doesNotContain("join ACT_RU_IDENTITYLINK")
        .doesNotContain("AUTH.", "AUTH ON")
        .contains("from (select distinct I.TASK_ID_ from ACT_RU_IDENTITYLINK I where I.TYPE_ = 'candidate'")
        .contains("ACT_RU_TASK RES on RES.ID_ = IL.TASK_ID_")
        .contains("and A.RESOURCE_ID_ = RES.ID_ limit 1) = 1", "and A.RESOURCE_ID_ = D.KEY_ limit 1) = 1",
            "and A.RESOURCE_ID_ = '*' limit 1) = 1");
    // the window: the newest tasks from the index, each checked for a link of the group
    assertThat(recent).contains("from (select W.ID_ from ACT_RU_TASK W order by W.CREATE_TIME_ desc limit 3) WIN")
        .contains("(select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = WIN.ID_ and I.TYPE_ = 'candidate'")
        .doesNotContain("AUTH.", "AUTH ON");
    // the group's window: the group's newest tasks, from the links alone (and any link without its task's time)
    assertThat(groupRecent)
        .contains("from (select distinct WL.TASK_ID_ as ID_ from ( (select L.TASK_ID_ from ( ( select I.TASK_ID_, "
            + "I.ALUMNI_TASK_CREATED_ from ACT_RU_IDENTITYLINK I where I.TASK_ID_ is not null and I.TYPE_ = "
            + "'candidate' and ( I.GROUP_ID_ IN ( ? ) ) and I.GROUP_ID_ = ? order by I.ALUMNI_TASK_CREATED_ desc "
            + "limit 2 ) ) L order by L.ALUMNI_TASK_CREATED_ desc limit 2) union all (select I.TASK_ID_ from "
            + "ACT_RU_IDENTITYLINK I where I.TASK_ID_ is not null and I.ALUMNI_TASK_CREATED_ is null and I.TYPE_ = "
            + "'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) ) WL) WIN")
        .contains("ACT_RU_TASK RES on RES.ID_ = WIN.ID_")
        .contains("and A.RESOURCE_ID_ = RES.ID_ limit 1) = 1").doesNotContain("AUTH.", "AUTH ON");
  }

  /**
   * MysqlTaskQuery.xml is a copy of Camunda 7.24's Task.xml (and of IdentityLink.xml's link insert) with changes.
   * When Camunda is upgraded, this fails until the copy has been compared with the new files (and their digests
   * are written here).
   */
  @Test
  void theCopyIsOfTheXmlOfThisCamunda() throws Exception {
    assertCopyOf("org/camunda/bpm/engine/impl/mapping/entity/Task.xml", CAMUNDA_TASK_XML_SHA256);
    assertCopyOf("org/camunda/bpm/engine/impl/mapping/entity/IdentityLink.xml", CAMUNDA_IDENTITY_LINK_XML_SHA256);
  }

  private static void assertCopyOf(String camundas, String sha256) throws Exception {
    try (InputStream in = ProcessEngine.class.getClassLoader().getResourceAsStream(camundas)) {
      assertThat(in).as(camundas).isNotNull();
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
      assertThat(digest).as("Camunda's " + camundas + " has changed: compare " + MysqlTaskQuery.RESOURCE
          + " with it, carry the changes over, then put the new digest in this test")
          .isEqualTo(sha256);
    }
  }

  @Test
  void theEngineTakesItOnMysqlOnly() {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("mysql-task-query-plugin-" + RUN);
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.getProcessEnginePlugins().add(new MysqlTaskQuery());
    ProcessEngine second = config.buildProcessEngine();
    try {
      String statement = config.getDbSqlSessionFactory().mapStatement("selectTaskCountByQueryCriteria");
      if (config.getDatabaseType().equals("mysql")) {
        assertThat(statement).isEqualTo(MysqlTaskQuery.NAMESPACE + ".selectTaskCountByQueryCriteria_alumniMysql");
        assertThat(second.getTaskService().createTaskQuery().taskCandidateGroup(GROUP_A).count()).isEqualTo(3);
      } else {
        assertThat(statement).isEqualTo("selectTaskCountByQueryCriteria");
      }
    } finally {
      second.close();
    }
  }
}
