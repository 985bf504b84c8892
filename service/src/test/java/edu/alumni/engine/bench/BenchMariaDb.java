package edu.alumni.engine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The MariaDB server a benchmark runs against, from {@code bench.mariadb.url|user|password|options} (root over
 * 127.0.0.1 and the README's Connector/J flags by default); each harness drops and recreates a database of its own.
 */
record BenchMariaDb(String url, String user, String password, String options) {

  static BenchMariaDb fromSettings() {
    return new BenchMariaDb(SegmentationBenchmark.setting("bench.mariadb.url", "jdbc:mysql://127.0.0.1:3306"),
        SegmentationBenchmark.setting("bench.mariadb.user", "root"),
        SegmentationBenchmark.setting("bench.mariadb.password", ""),
        SegmentationBenchmark.setting("bench.mariadb.options", SegmentationBenchmark.MARIADB_OPTIONS));
  }

  /** Drops the database if it is there and creates it empty. */
  void recreate(String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(url + "/?sslMode=DISABLED", user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
    }
  }

  /** The JDBC URL of the database, with the options. */
  String urlOf(String database) {
    return url + "/" + database + "?" + options;
  }

  /** The service's start arguments for the database, with its mysql profile and the given others. */
  List<String> serviceArguments(String database, String profiles) {
    return List.of("--spring.profiles.active=mysql," + profiles, "--spring.datasource.url=" + urlOf(database),
        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password);
  }
}
