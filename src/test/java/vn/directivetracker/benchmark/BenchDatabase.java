package vn.directivetracker.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * A benchmark database on the test server: either kept under a given name ({@code -Dbenchmark.database})
 * and reused when its marker says the dataset is complete, or a throwaway one dropped at the end.
 * The marker table {@code dt_bench_marker} holds one row per finished build phase (so an interrupted
 * build resumes after its last finished phase) and a row {@code complete} with the directive count.
 */
final class BenchDatabase implements AutoCloseable {

  static final String COMPLETE = "complete";

  final String name;
  private final boolean kept;

  private BenchDatabase(String name, boolean kept) {
    this.name = name;
    this.kept = kept;
  }

  /** The named database (created when missing), or a new throwaway one when {@code name} is blank. */
  static BenchDatabase open(String name) throws SQLException {
    boolean kept = name != null && !name.isBlank();
    String database = kept ? name : "dt_bench_tmp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("benchmark.database must be a plain lower-case name: " + database);
    }
    if (!exists(database)) {
      admin("create database " + database + " encoding 'UTF8' template template0");
    }
    BenchDatabase bench = new BenchDatabase(database, kept);
    bench.sql("create table if not exists dt_bench_marker (phase text primary key, directives integer not null,"
        + " seconds double precision, detail text, finished_at timestamptz not null default now())");
    return bench;
  }

  boolean kept() {
    return kept;
  }

  String jdbcUrl() {
    return jdbcUrl(name);
  }

  private static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/" + database;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }

  /** The directive count of the finished dataset, or -1 when the build has not finished. */
  int completeDirectives() throws SQLException {
    return phases().containsKey(COMPLETE) ? directivesOf(COMPLETE) : -1;
  }

  /** Directives started in this database, finished or not (a build stopped part-way). */
  int startedDirectives() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select count(*) from dt_directive_state")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Finished phases with their durations in seconds, in the order they finished. */
  Map<String, Double> phases() throws SQLException {
    Map<String, Double> phases = new LinkedHashMap<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select phase, seconds from dt_bench_marker order by finished_at")) {
      while (rows.next()) {
        phases.put(rows.getString(1), rows.getDouble(2));
      }
    }
    return phases;
  }

  int directivesOf(String phase) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select directives from dt_bench_marker where phase = ?")) {
      s.setString(1, phase);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? row.getInt(1) : -1;
      }
    }
  }

  void markPhase(String phase, int directives, double seconds, String detail) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement("insert into dt_bench_marker"
        + " (phase, directives, seconds, detail) values (?, ?, ?, ?) on conflict (phase) do update set"
        + " directives = excluded.directives, seconds = excluded.seconds, detail = excluded.detail, finished_at = now()")) {
      s.setString(1, phase);
      s.setInt(2, directives);
      s.setDouble(3, seconds);
      s.setString(4, detail);
      s.executeUpdate();
    }
  }

  void sql(String statement) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  long number(String query) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * A throwaway copy of this (kept) database for one measuring run, so the month-end storm and the
   * extra import change the copy and the kept dataset stays as built. Needs no open connection to
   * this database.
   */
  BenchDatabase copy() throws SQLException {
    String copy = name + "_run";
    admin("drop database if exists " + copy + " with (force)");
    admin("create database " + copy + " template " + name);
    return new BenchDatabase(copy, false);
  }

  @Override
  public void close() throws SQLException {
    if (!kept) {
      admin("drop database if exists " + name + " with (force)");
    }
  }

  private static boolean exists(String database) throws SQLException {
    try (Connection admin = adminConnection();
        PreparedStatement s = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
      s.setString(1, database);
      try (ResultSet row = s.executeQuery()) {
        return row.next();
      }
    }
  }

  private static void admin(String statement) throws SQLException {
    try (Connection admin = adminConnection(); Statement s = admin.createStatement()) {
      s.execute(statement);
    }
  }

  private static Connection adminConnection() throws SQLException {
    DriverManager.setLoginTimeout(5);
    return DriverManager.getConnection(jdbcUrl("postgres") + "?connectTimeout=5", PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD);
  }
}
