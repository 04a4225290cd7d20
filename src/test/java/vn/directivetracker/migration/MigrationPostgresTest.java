package vn.directivetracker.migration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.directivetracker.support.PostgresTestDatabase;

/** The same migrations on PostgreSQL, in a database of its own (demo logins on, seed import off). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "directive-tracker.demo.import-seed-notices=false")
@ActiveProfiles({"postgres", "demo"})
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DirtiesContext
class MigrationPostgresTest extends MigrationPaths {}
