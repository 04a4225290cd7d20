package vn.directivetracker.database;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the usual database start-up failures (server down, server silent, wrong database or
 * credentials, schema of another Camunda version) into one readable line instead of a long trace.
 */
public class DatabaseStartupFailureAnalyzer implements FailureAnalyzer {

  private static final String ACTION =
      "Check DB_URL, DB_USER and DB_PASSWORD (postgres profile) or directive-tracker.data-dir (embedded H2), "
          + "and that the database server is running.";

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CamundaSchemaVersionGuard.SchemaVersionMismatchException mismatch) {
        return new FailureAnalysis(mismatch.getMessage(),
            "Upgrade the database with Camunda's SQL upgrade scripts for 7.24, or point DB_URL at the right database.",
            failure);
      }
      String reason = describe(cause);
      if (reason != null) {
        return new FailureAnalysis("Cannot use the database: " + reason, ACTION, failure);
      }
    }
    return null;
  }

  private static String describe(Throwable cause) {
    if (cause instanceof ConnectException) {
      return "connection refused (" + cause.getMessage() + ").";
    }
    if (cause instanceof SocketTimeoutException) {
      return "the server accepted the connection but did not answer in time (" + cause.getMessage() + ").";
    }
    if (cause instanceof UnknownHostException) {
      return "unknown host " + cause.getMessage() + ".";
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      // 08: connection exceptions; 28: authorisation; 3D000: database does not exist.
      if (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")) {
        return sql.getMessage().lines().findFirst().orElse(state) + " (SQL state " + state + ").";
      }
    }
    return null;
  }
}
