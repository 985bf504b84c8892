package edu.alumni.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The service starts whole: migrations, the Camunda engine with its REST API and webapps, the staff groups. */
@Tag("database")
class ApplicationBootTests extends HttpTestSupport {

  @Autowired
  DataSource dataSource;

  private String quote() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getIdentifierQuoteString();
    }
  }

  @Test
  void flywayAppliedBothMigrations() throws SQLException {
    String q = quote();
    List<Map<String, Object>> history = jdbc.queryForList("SELECT " + q + "version" + q + " AS v, " + q + "success"
        + q + " AS ok FROM " + q + "flyway_schema_history" + q + " WHERE " + q + "version" + q
        + " IS NOT NULL ORDER BY " + q + "installed_rank" + q);

    // V1 and V2 (the catalogue and the registry) first, later migrations may follow
    assertThat(history).extracting(row -> String.valueOf(row.get("v"))).startsWith("1", "2");
    assertThat(history).allSatisfy(row -> assertThat(row.get("ok")).isIn(true, 1, (byte) 1, (short) 1, 1L));
    // the registry tables of V2 are there and the catalogue of V1 is filled
    assertThat(count("alumnus")).isGreaterThanOrEqualTo(0);
    assertThat(count("gift")).isGreaterThanOrEqualTo(0);
    assertThat(count("college")).isEqualTo(12);
    assertThat(count("chapter")).isEqualTo(12);
    assertThat(count("fund")).isEqualTo(6);
  }

  @Autowired
  EngineIndexes engineIndexes;

  @Test
  void theEnginesExtraIndexesAreThereAndCreatingThemAgainChangesNothing() throws SQLException {
    engineIndexes.afterSingletonsInstantiated();

    try (Connection c = dataSource.getConnection()) {
      for (EngineIndexes.EngineIndex index : EngineIndexes.INDEXES) {
        assertThat(EngineIndexes.exists(c, index)).as(index.name()).isTrue();
      }
    }
  }

  @Test
  void onMysqlACandidateLinkCarriesItsTasksCreationTime() {
    boolean mysql = org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory.MYSQL.equals(
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getDatabaseType());
    org.camunda.bpm.engine.TaskService tasks = processEngine.getTaskService();
    org.camunda.bpm.engine.task.Task task = tasks.newTask();
    task.setName("boot-link-time");
    tasks.saveTask(task);
    try {
      tasks.addCandidateGroup(task.getId(), StaffGroups.MANAGERS);
      if (mysql) {
        java.sql.Timestamp onLink = jdbc.queryForObject("SELECT " + MysqlTaskQuery.TASK_CREATED_COLUMN
            + " FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ = ?", java.sql.Timestamp.class, task.getId());
        java.sql.Timestamp onTask = jdbc.queryForObject("SELECT CREATE_TIME_ FROM ACT_RU_TASK WHERE ID_ = ?",
            java.sql.Timestamp.class, task.getId());
        assertThat(onLink).isNotNull().isEqualTo(onTask);
      } else {
        // H2 keeps Camunda's statements and tables as they are
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = "
            + "'ACT_RU_IDENTITYLINK' AND COLUMN_NAME = ?", Long.class, MysqlTaskQuery.TASK_CREATED_COLUMN))
            .isZero();
      }
    } finally {
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void camundaEngineIsUpWithItsTables() {
    assertThat(processEngine).isNotNull();
    assertThat(processEngine.getName()).isEqualTo("default");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_PROPERTY WHERE NAME_ = 'schema.version'",
        Long.class)).isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class))
        .anySatisfy(version -> assertThat(version).startsWith("7.24"));
    assertThat(count("ACT_RU_TASK")).isGreaterThanOrEqualTo(0);
    assertThat(count("ACT_HI_PROCINST")).isGreaterThanOrEqualTo(0);
    assertThat(count("ACT_ID_GROUP")).isGreaterThanOrEqualTo(36);
    assertThat(processEngine.getIdentityService().createUserQuery().userId(adminUser).count()).isEqualTo(1);
    assertThat(processEngine.getIdentityService().createGroupQuery().groupMember(adminUser).list())
        .extracting(Group::getId).contains(StaffGroups.ADMINS);
  }

  @Test
  void engineRestAnswersWithCredentials() {
    Response r = get("/engine-rest/engine");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().findValuesAsText("name")).contains("default");
    assertThat(get("/engine-rest/version").status()).isEqualTo(200);
  }

  @Test
  void engineRestRefusesWithoutCredentials() {
    assertThat(get("/engine-rest/engine", null, null).status()).isEqualTo(401);
    assertThat(get("/engine-rest/version", null, null).status()).isEqualTo(401);
    assertThat(get("/engine-rest/task", null, null).status()).isEqualTo(401);
    assertThat(get("/engine-rest/engine/default/process-definition", null, null).status()).isEqualTo(401);
    // a wrong password locks the account for a few seconds (Camunda's login delay): never try it on admin
    createUser("boot-wrong-pw", "right-password", StaffGroups.ADMINS);
    assertThat(get("/engine-rest/task", "boot-wrong-pw", "wrong-password").status()).isEqualTo(401);
    deleteUser("boot-wrong-pw");
  }

  @Test
  void tasklistWebappAnswers() {
    Response r = get("/camunda/app/tasklist/", null, null);

    assertThat(r.status()).as(r.toString()).isIn(200, 302, 303);
    if (r.status() == 200) {
      assertThat(r.body()).containsIgnoringCase("<html");
    }
    Response root = get("/", null, null);
    assertThat(root.status()).isIn(200, 302, 303);
  }

  @Test
  void staffGroupsOfDomainMdExist() {
    List<String> groups = identityService.createGroupQuery().list().stream().map(Group::getId).toList();

    assertThat(groups).contains("alumni-office", "foundation", "foundation-finance", "major-gifts",
        "president-office", "communications", "career-center", "student-affairs", "coordinators", "managers",
        "auditors", "camunda-admin");
    for (String college : List.of("cs", "ee", "me", "civil", "chem", "math", "phys", "econ", "mgmt", "law", "lit",
        "med")) {
      assertThat(groups).contains("college-" + college);
    }
    for (String chapter : List.of("bj", "sh", "gz", "sz", "hz", "nj", "wh", "cd", "xa", "sv", "sg", "ldn")) {
      assertThat(groups).contains("chapter-" + chapter);
    }
    assertThat(groups.stream().filter(g -> g.startsWith("college-"))).hasSize(12);
    assertThat(groups.stream().filter(g -> g.startsWith("chapter-"))).hasSize(12);
    Group cs = identityService.createGroupQuery().groupId("college-cs").singleResult();
    assertThat(cs.getName()).isEqualTo("计算机科学与技术学院");
    assertThat(cs.getType()).isEqualTo(StaffGroups.TYPE_UNIT);
    assertThat(identityService.createGroupQuery().groupId("auditors").singleResult().getType())
        .isEqualTo(StaffGroups.TYPE_ROLE);
  }
}
