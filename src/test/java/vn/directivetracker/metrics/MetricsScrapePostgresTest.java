package vn.directivetracker.metrics;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.directivetracker.support.PostgresTestDatabase;

/** The same scrape on PostgreSQL (demo logins on, seed import off): the count queries' SQL runs there too. */
// Spring Boot tests export no metrics unless asked: the Prometheus endpoint is what is tested
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "directive-tracker.demo.import-seed-notices=false", MetricsScrapePaths.COUNT_INTERVAL})
@ActiveProfiles({"postgres", "demo"})
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@DirtiesContext
class MetricsScrapePostgresTest extends MetricsScrapePaths {}
