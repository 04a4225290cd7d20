package vn.directivetracker.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code directive-tracker.metrics}.
 *
 * @param processCountsInterval how long the per-process counts ({@link ProcessCountMetrics}) are kept
 *     before a gauge read counts again; default 30 s, at least 1 s (every gauge of a scrape reads the
 *     same counts, so the queries must not run again within one scrape)
 */
@ConfigurationProperties("directive-tracker.metrics")
public record MetricsSettings(@DefaultValue("30s") Duration processCountsInterval) {

  public MetricsSettings {
    if (processCountsInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "directive-tracker.metrics.process-counts-interval must be at least 1s, was " + processCountsInterval);
    }
  }
}
