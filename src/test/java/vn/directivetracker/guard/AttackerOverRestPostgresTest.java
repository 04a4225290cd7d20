package vn.directivetracker.guard;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.directivetracker.support.PostgresTestDatabase;

/** The same attempts on PostgreSQL, whose column limits are strict (demo logins on, seed import off). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "directive-tracker.demo.import-seed-notices=false")
@ActiveProfiles({"postgres", "demo"})
@DirtiesContext
class AttackerOverRestPostgresTest extends AttackerPaths {

  private static PostgresTestDatabase database;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    database = PostgresTestDatabase.createFor(registry);
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }
}
