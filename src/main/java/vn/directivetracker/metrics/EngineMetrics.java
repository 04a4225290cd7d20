package vn.directivetracker.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's own metrics as Micrometer counters, read from memory on each scrape (no database
 * query): {@code camunda.<engine name with dots>}, e.g. {@code job-successful} becomes
 * {@code camunda.job.successful} ({@code camunda_job_successful_total} in Prometheus). They count
 * this node since it started (see {@link CountingMetricsRegistry}); sum them over the nodes in the
 * query. With {@code camunda.bpm.metrics.enabled: false} the engine creates no meters and there are
 * none.
 */
@Component
public class EngineMetrics implements MeterBinder {

  /** What the engine's names mean, for the scrape's HELP lines; other meters get a generic line. */
  private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
      Map.entry(Metrics.JOB_ACQUISITION_ATTEMPT, "Job acquisition cycles run by this node's job executor"),
      Map.entry(Metrics.JOB_ACQUIRED_SUCCESS, "Jobs this node's job executor acquired (selected and locked)"),
      Map.entry(Metrics.JOB_ACQUIRED_FAILURE, "Jobs selected but not locked: another node locked them first"),
      Map.entry(Metrics.JOB_EXECUTION_REJECTED, "Acquired jobs the executor's queue refused (queue full)"),
      Map.entry(Metrics.JOB_SUCCESSFUL, "Job executions that succeeded"),
      Map.entry(Metrics.JOB_FAILED, "Job executions that failed (every failed attempt, retries included)"),
      Map.entry(Metrics.JOB_LOCKED_EXCLUSIVE, "Exclusive jobs locked and run at once after the job that created them"),
      Map.entry(Metrics.ACTIVTY_INSTANCE_START, "BPMN activity instances started"),
      Map.entry(Metrics.ACTIVTY_INSTANCE_END, "BPMN activity instances ended"),
      Map.entry(Metrics.ROOT_PROCESS_INSTANCE_START, "Root process instances started"),
      Map.entry(Metrics.EXECUTED_DECISION_INSTANCES, "DMN decision instances evaluated"),
      Map.entry(Metrics.EXECUTED_DECISION_ELEMENTS, "DMN decision elements (rules x inputs) evaluated"));

  private final ProcessEngine engine;

  /** Taking the engine makes sure it is built, and its meters created, before they are bound. */
  public EngineMetrics(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    MetricsRegistry engineRegistry =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry();
    if (!(engineRegistry instanceof CountingMetricsRegistry counting)) {
      return;
    }
    for (String name : counting.names()) {
      FunctionCounter.builder(meterName(name), counting, meters -> meters.total(name))
          .description(DESCRIPTIONS.getOrDefault(name, "Camunda engine metric " + name))
          .register(registry);
    }
  }

  /** {@code job-successful} becomes {@code camunda.job.successful}. */
  static String meterName(String engineName) {
    return "camunda." + engineName.replace('-', '.');
  }
}
