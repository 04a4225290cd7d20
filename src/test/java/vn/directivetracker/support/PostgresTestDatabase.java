package vn.directivetracker.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * A throwaway PostgreSQL database on the server the postgres profile uses by default
 * (127.0.0.1:5432, user postgres; the same settings as docker-compose.yml). When the server is not
 * reachable the test is skipped, unless DT_REQUIRE_POSTGRES=true (as in CI), where it fails.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  public static final String HOST = env("DT_TEST_PG_HOST", "127.0.0.1");
  public static final String PORT = env("DT_TEST_PG_PORT", "5432");
  public static final String USER = env("DB_USER", "postgres");
  public static final String PASSWORD = env("DB_PASSWORD", "");

  private final String name;

  private PostgresTestDatabase(String name) {
    this.name = name;
  }

  public static PostgresTestDatabase create() {
    String name = "dt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
      statement.execute("create database " + name + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("DT_REQUIRE_POSTGRES"))) {
        throw new IllegalStateException("PostgreSQL required (DT_REQUIRE_POSTGRES=true) but not usable: " + e.getMessage(), e);
      }
      Assumptions.abort("PostgreSQL not reachable on " + HOST + ":" + PORT + ": " + e.getMessage());
    }
    return new PostgresTestDatabase(name);
  }

  /**
   * Gives a Spring test context a database of its own on the postgres profile's server, dropped
   * when the context closes: {@code @ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)}
   * with {@code @DirtiesContext}, so that the context (and its database) do not outlive the class.
   */
  public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      PostgresTestDatabase database = create();
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test-database",
          Map.of("DB_URL", database.jdbcUrl(), "DB_USER", USER, "DB_PASSWORD", PASSWORD)));
      context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> database.close());
    }
  }

  public String name() {
    return name;
  }

  /** The JDBC URL without options: the postgres profile appends its timeouts (DB_URL_OPTIONS). */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
  }

  @Override
  public void close() {
    try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop test database " + name, e);
    }
  }

  private static Connection adminConnection() throws SQLException {
    DriverManager.setLoginTimeout(5);
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres?connectTimeout=5", USER, PASSWORD);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
