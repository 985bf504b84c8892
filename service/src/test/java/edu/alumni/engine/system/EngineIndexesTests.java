package edu.alumni.engine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The indexes on the engine's tables, created once however many nodes start at the same moment. */
class EngineIndexesTests {

  static ProcessEngine engine;
  static DataSource dataSource;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName("engine-indexes-tests").setJdbcUrl("jdbc:h2:mem:engine-indexes-tests;DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false).buildProcessEngine();
    dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void noIndexes() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (EngineIndexes.EngineIndex index : EngineIndexes.INDEXES) {
        s.execute("DROP INDEX IF EXISTS " + index.name());
      }
    }
  }

  private static boolean allExist() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      for (EngineIndexes.EngineIndex index : EngineIndexes.INDEXES) {
        if (!EngineIndexes.exists(c, index)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The data source of a node that checks, finds no index, and is overtaken: just before each of its CREATE INDEX
   * statements, "another node" creates the same index; or, without {@code otherNodeSucceeds}, nobody creates it
   * and the statement fails for another reason.
   */
  private static DataSource overtaken(boolean otherNodeSucceeds) {
    return results(DataSource.class, dataSource, (method, made) -> method.getName().equals("getConnection")
        ? overtaken((Connection) made, otherNodeSucceeds) : made);
  }

  private static Connection overtaken(Connection connection, boolean otherNodeSucceeds) {
    return results(Connection.class, connection, (method, made) -> method.getName().equals("createStatement")
        ? overtaken((Statement) made, otherNodeSucceeds) : made);
  }

  private static Statement overtaken(Statement statement, boolean otherNodeSucceeds) {
    return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
        (proxy, method, args) -> {
          if (method.getName().equals("execute") && args[0] instanceof String sql && sql.startsWith("CREATE INDEX")) {
            if (!otherNodeSucceeds) {
              throw new SQLException("the disk is full");
            }
            try (Connection other = dataSource.getConnection(); Statement o = other.createStatement()) {
              o.execute(sql);
            }
          }
          return invoke(statement, method, args);
        });
  }

  /** What a call's result becomes. */
  private interface Result {
    Object of(Method method, Object result) throws Throwable;
  }

  /** A {@code type} that calls {@code target} and hands each result through {@code result}. */
  private static <T> T results(Class<T> type, T target, Result result) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> result.of(method, invoke(target, method, args))));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void missingIndexesAreCreatedAndExistingOnesLeftAlone() throws SQLException {
    new EngineIndexes(dataSource, engine).afterSingletonsInstantiated();
    assertThat(allExist()).isTrue();

    new EngineIndexes(dataSource, engine).afterSingletonsInstantiated(); // a restart: nothing to do, no error
    assertThat(allExist()).isTrue();
  }

  @Test
  void aNodeOvertakenByAnotherStartsAsIfItHadCreatedThem() throws SQLException {
    new EngineIndexes(overtaken(true), engine).afterSingletonsInstantiated();

    assertThat(allExist()).isTrue();
  }

  @Test
  void aFailureThatLeavesNoIndexStopsTheStart() throws SQLException {
    assertThatThrownBy(() -> new EngineIndexes(overtaken(false), engine).afterSingletonsInstantiated())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("the disk is full");
    assertThat(allExist()).isFalse();
  }
}
