package vn.directivetracker.metrics;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the engine a {@link CountingMetricsRegistry} before it creates its own (the engine keeps a
 * registry it is given and creates its default meters in it), so that {@link EngineMetrics} can
 * expose running totals.
 */
@Component
public class EngineMetricsPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineMetricsPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getMetricsRegistry() != null) {
      // someone else's registry: keep it (the engine's metrics are then not exposed to Prometheus)
      log.warn("The engine already has a metrics registry ({}); its metrics are not exposed as counters",
          configuration.getMetricsRegistry().getClass().getName());
      return;
    }
    configuration.setMetricsRegistry(new CountingMetricsRegistry());
  }
}
