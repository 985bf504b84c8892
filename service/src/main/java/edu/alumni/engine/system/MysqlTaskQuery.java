package edu.alumni.engine.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
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
      "selectTaskCountByQueryCriteria", NAMESPACE + ".selectTaskCountByQueryCriteria_alumniMysql");
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
    }
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
