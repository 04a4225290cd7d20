package vn.directivetracker.access;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.directivetracker.support.PostgresTestDatabase;

/** The same HTTP tricks on PostgreSQL (demo logins on, seed import off). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "directive-tracker.demo.import-seed-notices=false",
    HttpHygienePaths.REQUEST_LIMIT, HttpHygienePaths.NOTICE_LIMIT})
@ActiveProfiles({"postgres", "demo"})
@DirtiesContext
class HttpHygienePostgresTest extends HttpHygienePaths {

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
