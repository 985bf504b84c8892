package edu.alumni.engine.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that our queries need and Camunda does not ship. Camunda creates its tables
 * when the engine starts, after Flyway has run, so these cannot be Flyway migrations: they are created here, once,
 * at start-up (idempotent: an index that exists is left alone), before the web server takes requests.
 */
@Component
public class EngineIndexes implements SmartInitializingSingleton {

  /** An index on one of the engine's tables. */
  public record EngineIndex(String name, String table, String columns, String why) {
  }

  /** Tasklist's "tasks of my groups" query: the links of one group read from the index alone. */
  public static final EngineIndex TASKS_BY_GROUP = new EngineIndex("ALUMNI_IDX_IDLNK_GROUP_TASK",
      "ACT_RU_IDENTITYLINK", "GROUP_ID_, TYPE_, TASK_ID_", "task queries by candidate group");

  /** The audit's "newest instances of a process": a page read from the index instead of sorting them all. */
  public static final EngineIndex INSTANCES_BY_KEY_AND_START = new EngineIndex("IX_AUDIT_HI_PROCINST_KEY_START",
      "ACT_HI_PROCINST", "PROC_DEF_KEY_, START_TIME_", "the audit's instance list");

  static final List<EngineIndex> INDEXES = List.of(TASKS_BY_GROUP, INSTANCES_BY_KEY_AND_START);

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  private final DataSource dataSource;

  EngineIndexes(DataSource dataSource, ProcessEngine engine) {
    this.dataSource = dataSource; // the engine argument: its tables exist once it is built
  }

  @Override
  public void afterSingletonsInstantiated() {
    try (Connection c = dataSource.getConnection()) {
      for (EngineIndex index : INDEXES) {
        create(c, index, index.table());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the engine's additional indexes: " + e.getMessage(), e);
    }
  }

  /** Creates the index on the table (the index's own, or the same with the engine's table prefix) if it is not there. */
  static void create(Connection c, EngineIndex index, String table) throws SQLException {
    if (exists(c, index)) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX " + index.name() + " ON " + table + " (" + index.columns() + ")");
      log.info("Created index {} on {} ({}) for {}", index.name(), table, index.columns(), index.why());
    } catch (SQLException e) {
      if (!exists(c, index)) { // else a second node starting at the same moment created it: all that counts
        throw e;
      }
    }
  }

  /** Whether the table has the column in the connection's database. */
  public static boolean columnExists(Connection c, String table, String column) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    // MySQL keeps the names as created, H2 upper-cases them
    for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getColumns(c.getCatalog(), null, name, null)) {
        while (rs.next()) {
          if (column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether the index is on its table in the connection's database. */
  public static boolean exists(Connection c, EngineIndex index) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    // MySQL keeps the names as created, H2 upper-cases them
    for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), null, table, false, true)) {
        while (rs.next()) {
          if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
