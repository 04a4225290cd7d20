package vn.directivetracker.lifecycle;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.directivetracker.support.PostgresTestDatabase;

/** The same paths on PostgreSQL, in a database of its own. */
@SpringBootTest(properties = {"DT_ADMIN_USER=admin", "DT_ADMIN_PASSWORD=test-admin-secret"})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DirtiesContext
class PolicyInForcePostgresTest extends PolicyInForcePaths {}
