package edu.alumni.engine.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's task query, rewritten for MySQL and MariaDB (MysqlTaskQuery.xml says what changed). With authorization
 * on, Camunda joins the user's grants to every task on "resource id = task id OR = definition key OR = '*'";
 * MariaDB can use no index for that OR and runs a block-nested-loop join, so a coordinator's Tasklist query over
 * 100,000 open tasks took minutes. The rewrite answers the same rows (MysqlTaskQueryTests) through index lookups.
 *
 * <p>Installed after the engine is built: the statements are parsed into the engine's own MyBatis configuration,
 * and the engine's statement mappings send its two task query statements there. Other databases keep Camunda's.
 */
@Component
public class MysqlTaskQuery extends AbstractProcessEnginePlugin {

  static final String RESOURCE = "edu/alumni/engine/system/MysqlTaskQuery.xml";
  static final String NAMESPACE = MysqlTaskQuery.class.getName();
  static final String LIST = NAMESPACE + ".selectTaskByQueryCriteria_alumniMysql";
  static final String RECENT = NAMESPACE + ".selectRecentTaskByQueryCriteria_alumniMysql";
  static final String GROUP_RECENT = NAMESPACE + ".selectGroupRecentTaskByQueryCriteria_alumniMysql";
  /** Camunda's statement → ours. */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", LIST,
      "selectTaskCountByQueryCriteria", NAMESPACE + ".selectTaskCountByQueryCriteria_alumniMysql",
      "insertIdentityLink", NAMESPACE + ".insertIdentityLink_alumniMysql");
  /**
   * The creation time of a link's task, on the identity link: Camunda keeps it on the task alone, so no index
   * served "a group's newest tasks", and the group window read every link of the group and looked each task up
   * (30 ms for a group of 16,667 open tasks on MariaDB; with this column and its index, under 1 ms).
   */
  static final String TASK_CREATED_COLUMN = "ALUMNI_TASK_CREATED_";
  /** A group's links in the order of their tasks' creation, read from the index alone (the group window). */
  static final EngineIndexes.EngineIndex TASKS_BY_GROUP_AND_CREATION = new EngineIndexes.EngineIndex(
      "ALUMNI_IDX_IDLNK_GROUP_CREATED", "ACT_RU_IDENTITYLINK", "GROUP_ID_, TYPE_, " + TASK_CREATED_COLUMN + ", TASK_ID_",
      "the task query's group window");
  /**
   * How many of the first open tasks a page is looked for in before all of them (RecentTasksFirst): a group with
   * 4 % of 100,000 open tasks fills a page of 50 there; reading the window took 17-25 ms on MariaDB.
   */
  static final int RECENT_TASK_ROWS = 2000;
  /**
   * How many of the first tasks of the candidate links a page is looked for in next (RecentTasksFirst): twice the
   * largest page, as a user's grants rarely leave out tasks of their own group.
   */
  static final int GROUP_TASK_ROWS = 2 * RecentTasksFirst.LARGEST_PAGE;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (DbSqlSessionFactory.MYSQL.equals(configuration.getDatabaseType())) {
      install(configuration, RECENT_TASK_ROWS, GROUP_TASK_ROWS);
      // the links' column must be there before the engine writes its first link (a deployment's starter groups)
      SchemaOperationsCommand schema = configuration.getSchemaOperationsCommand();
      configuration.setSchemaOperationsCommand(context -> {
        schema.execute(context);
        try {
          addTaskCreationToLinks(context.getDbSqlSession().getSqlSession().getConnection(),
              configuration.getDatabaseTablePrefix(), configuration.getDatabaseType());
        } catch (SQLException e) {
          throw new IllegalStateException("cannot add " + TASK_CREATED_COLUMN + " to the engine's identity links: "
              + e.getMessage(), e);
        }
        return null;
      });
    }
  }

  /**
   * Adds the task's creation time to the identity links, with its index, where they are not yet there (a database
   * the service starts on for the first time, or one written by an earlier version): the links there get their
   * task's time, and the links written after by {@code insertIdentityLink_alumniMysql} bring it along.
   */
  static void addTaskCreationToLinks(Connection c, String prefix, String databaseType) throws SQLException {
    EngineIndexes.EngineIndex index = TASKS_BY_GROUP_AND_CREATION;
    String links = prefix + index.table();
    try (Statement s = c.createStatement()) {
      if (!EngineIndexes.columnExists(c, links, TASK_CREATED_COLUMN)) {
        try {
          // MySQL's DATETIME, as Camunda's own CREATE_TIME_ (its TIMESTAMP would follow the session's time zone)
          s.execute("alter table " + links + " add " + TASK_CREATED_COLUMN
              + (DbSqlSessionFactory.MYSQL.equals(databaseType) ? " datetime" : " timestamp") + " null");
        } catch (SQLException e) {
          if (!EngineIndexes.columnExists(c, links, TASK_CREATED_COLUMN)) {
            throw e;
          } // else a second node starting at the same moment added it; the times below are the same either way
        }
        s.executeUpdate("update " + links + " set " + TASK_CREATED_COLUMN + " = (select T.CREATE_TIME_ from "
            + prefix + "ACT_RU_TASK T where T.ID_ = " + links + ".TASK_ID_) where TASK_ID_ is not null");
      }
    }
    EngineIndexes.create(c, index, links);
  }

  /**
   * Parses the statements into the engine's MyBatis configuration and routes the task queries to them; a page is
   * looked for among the first {@code recentTaskRows} tasks first, then among the first {@code groupTaskRows} of
   * the group's.
   */
  static void install(ProcessEngineConfigurationImpl configuration, int recentTaskRows, int groupTaskRows) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    synchronized (mybatis) { // a shared SqlSessionFactory (useSharedSqlSessionFactory) is parsed into once
      if (!mybatis.isResourceLoaded(RESOURCE)) {
        // values the statements are parsed with, as Camunda's own ${prefix} or ${limitAfter}
        mybatis.getVariables().setProperty("alumniRecentTaskRows", Integer.toString(recentTaskRows));
        mybatis.getVariables().setProperty("alumniGroupTaskRows", Integer.toString(groupTaskRows));
        // the join order the statements are written in (MySQL would otherwise pick its own); H2 has no STRAIGHT_JOIN
        mybatis.getVariables().setProperty("alumniStraightJoin",
            DbSqlSessionFactory.MYSQL.equals(configuration.getDatabaseType()) ? "straight_join" : "inner join");
        try (InputStream in = MysqlTaskQuery.class.getClassLoader().getResourceAsStream(RESOURCE)) {
          if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path");
          }
          new XMLMapperBuilder(in, mybatis, RESOURCE, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        mybatis.addInterceptor(new RecentTasksFirst(LIST, RECENT, GROUP_RECENT, recentTaskRows, groupTaskRows));
      }
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // a copy: the map Camunda hands out is shared by every engine of the database type in this JVM
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(STATEMENTS);
    sessions.setStatementMappings(mappings);
  }

  /** Sends the task queries back to Camunda's statements (the tests compare both). */
  static void uninstall(ProcessEngineConfigurationImpl configuration) {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = new HashMap<>(sessions.getStatementMappings());
    STATEMENTS.keySet().forEach(mappings::remove);
    sessions.setStatementMappings(mappings);
  }
}
