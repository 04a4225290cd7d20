package vn.directivetracker.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the engine on a database whose Camunda schema belongs to another minor version.
 * Camunda's own check compares a constant ("fox") and never fails, and {@code schema-update: true}
 * only creates missing tables, so an old schema would start and break at the first query that
 * needs a newer column.
 */
@Component
public class CamundaSchemaVersionGuard extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(CamundaSchemaVersionGuard.class);

  private final DataSource dataSource;

  public CamundaSchemaVersionGuard(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    String engineVersion = ProductPropertiesUtil.getProductVersion();
    Optional<String> schemaVersion = readSchemaVersion();
    if (schemaVersion.isEmpty()) {
      log.info("No Camunda schema yet: the engine will create it (Camunda {})", engineVersion);
      return;
    }
    if (!minorVersion(schemaVersion.get()).equals(minorVersion(engineVersion))) {
      throw new SchemaVersionMismatchException(
          "The database holds a Camunda " + schemaVersion.get() + " schema, but this application runs Camunda "
              + engineVersion + ".");
    }
  }

  /** The newest entry of ACT_GE_SCHEMA_LOG, or empty when Camunda's tables do not exist yet. */
  Optional<String> readSchemaVersion() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (!hasSchemaLog(connection)) {
        return Optional.empty();
      }
      try (ResultSet rows = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
        String newest = null;
        while (rows.next()) {
          String version = rows.getString(1);
          if (newest == null || compareVersions(version, newest) > 0) {
            newest = version;
          }
        }
        return Optional.ofNullable(newest);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the Camunda schema version: " + e.getMessage(), e);
    }
  }

  private static boolean hasSchemaLog(Connection connection) throws SQLException {
    for (String name : new String[] {"ACT_GE_SCHEMA_LOG", "act_ge_schema_log"}) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  static String minorVersion(String version) {
    String[] parts = version.split("[.-]");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
  }

  static int compareVersions(String a, String b) {
    String[] left = a.split("[.-]");
    String[] right = b.split("[.-]");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int l = parseOrZero(left[i]);
      int r = parseOrZero(right[i]);
      if (l != r) {
        return Integer.compare(l, r);
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static int parseOrZero(String part) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Start-up failure with a message a database administrator can act on. */
  public static class SchemaVersionMismatchException extends RuntimeException {
    public SchemaVersionMismatchException(String message) {
      super(message);
    }
  }
}
