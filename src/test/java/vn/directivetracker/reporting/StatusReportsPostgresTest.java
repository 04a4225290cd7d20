package vn.directivetracker.reporting;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.directivetracker.support.PostgresTestDatabase;

/** The same report paths on PostgreSQL, in a database of its own. */
@SpringBootTest
@ActiveProfiles("postgres")
@DirtiesContext
class StatusReportsPostgresTest extends StatusReportPaths {

  private static PostgresTestDatabase database;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    database = PostgresTestDatabase.createFor(registry);
    registry.add("DT_ADMIN_USER", () -> "admin");
    registry.add("DT_ADMIN_PASSWORD", () -> "test-admin-secret");
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }
}
