package edu.alumni.engine.audit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An index the audit's instance list needs on Camunda's ACT_HI_PROCINST: (process key, start time), so "the newest
 * instances of a process" reads a page from the index instead of sorting all of them. Camunda creates its tables
 * itself, after Flyway, so the index is added here, once the engine is up, when it is missing (a second node
 * starting at the same moment may win the race: then it exists, which is all that counts).
 */
@Component
class HistoryIndexes {

  private static final Logger log = LoggerFactory.getLogger(HistoryIndexes.class);

  static final String TABLE = "ACT_HI_PROCINST";
  static final String INDEX = "IX_AUDIT_HI_PROCINST_KEY_START";
  static final String COLUMNS = "PROC_DEF_KEY_, START_TIME_";

  private final DataSource dataSource;

  HistoryIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensure() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (exists(c)) {
        return;
      }
      long start = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("CREATE INDEX " + INDEX + " ON " + TABLE + " (" + COLUMNS + ")");
        log.info("Created index {} on {} ({}) in {} ms", INDEX, TABLE, COLUMNS, (System.nanoTime() - start) / 1_000_000);
      } catch (SQLException e) {
        if (!exists(c)) {
          throw e;
        }
      }
    }
  }

  static boolean exists(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    for (String table : new String[] {TABLE, TABLE.toLowerCase(Locale.ROOT)}) {
      try (ResultSet indexes = meta.getIndexInfo(c.getCatalog(), null, table, false, true)) {
        while (indexes.next()) {
          if (INDEX.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
