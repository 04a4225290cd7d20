package vn.directivetracker.metrics;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

// Spring Boot tests export no metrics unless asked: the Prometheus endpoint is what is tested
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = MetricsScrapePaths.COUNT_INTERVAL)
class MetricsScrapeH2Test extends MetricsScrapePaths {}
