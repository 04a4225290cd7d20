package vn.directivetracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Test;

/** The totals keep counting when the engine empties its meters into the database. */
class CountingMetricsRegistryTest {

  @Test
  void totalsSurviveTheEnginesReportToTheDatabase() {
    CountingMetricsRegistry registry = new CountingMetricsRegistry();
    registry.createDbMeter(Metrics.JOB_SUCCESSFUL);
    registry.createMeter(Metrics.ROOT_PROCESS_INSTANCE_START);

    registry.markOccurrence(Metrics.JOB_SUCCESSFUL);
    registry.markOccurrence(Metrics.JOB_SUCCESSFUL, 4);
    registry.markOccurrence(Metrics.ROOT_PROCESS_INSTANCE_START);
    // what DbMetricsReporter's MetricsCollectionTask does every 15 minutes
    registry.getDbMeters().values().forEach(Meter::getAndClear);
    registry.markOccurrence(Metrics.JOB_SUCCESSFUL, 2);

    assertThat(registry.getDbMeterByName(Metrics.JOB_SUCCESSFUL).get()).as("the engine's own meter").isEqualTo(2);
    assertThat(registry.total(Metrics.JOB_SUCCESSFUL)).isEqualTo(7);
    assertThat(registry.total(Metrics.ROOT_PROCESS_INSTANCE_START)).isEqualTo(1);
    assertThat(registry.getDiagnosticsMeters().get(Metrics.ROOT_PROCESS_INSTANCE_START).get()).isEqualTo(1);
  }

  @Test
  void namesTheEngineDidNotCreateAreNotCounted() {
    CountingMetricsRegistry registry = new CountingMetricsRegistry();
    registry.markOccurrence("no-such-meter", 3);
    assertThat(registry.total("no-such-meter")).isZero();
    assertThat(registry.names()).isEmpty();
  }

  @Test
  void meterNamesFollowTheEnginesNames() {
    assertThat(EngineMetrics.meterName(Metrics.JOB_SUCCESSFUL)).isEqualTo("camunda.job.successful");
    assertThat(EngineMetrics.meterName(Metrics.JOB_ACQUIRED_SUCCESS)).isEqualTo("camunda.job.acquired.success");
  }
}
