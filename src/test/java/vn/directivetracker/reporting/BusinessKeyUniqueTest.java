package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.directivetracker.support.PostgresTestDatabase;

/** The database itself refuses a second directive with a business key already taken (V4), on both databases. */
class BusinessKeyUniqueTest {

  @Test
  void h2RefusesASecondDirectiveWithTheSameBusinessKey() throws SQLException {
    String url = "jdbc:h2:mem:business-key-unique;DB_CLOSE_DELAY=-1";
    assertRefusesDuplicate(url, "sa", "");
  }

  @Test
  void postgresRefusesASecondDirectiveWithTheSameBusinessKey() throws SQLException {
    try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
      assertRefusesDuplicate(database.jdbcUrl(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }
  }

  private static void assertRefusesDuplicate(String url, String user, String password) throws SQLException {
    Flyway.configure().dataSource(url, user, password).table("dt_schema_history").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      insert(connection, "instance-1", "315/TB-VPCP/1.b/BCA");
      insert(connection, "instance-2", "315/TB-VPCP/1.b/BKHCN");
      assertThatThrownBy(() -> insert(connection, "instance-3", "315/TB-VPCP/1.b/BCA"))
          .isInstanceOf(SQLException.class).satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage().toLowerCase()).contains("dt_directive_state_business_key"));
    }
  }

  private static void insert(Connection connection, String id, String businessKey) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into dt_directive_state (process_instance_id, business_key, updated_at) values (?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, businessKey);
      insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
      insert.executeUpdate();
    }
  }
}
