package vn.directivetracker.metrics;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;

/**
 * The engine's metrics registry, with a running total per meter that is never reset.
 *
 * <p>The engine's own meters cannot back a Prometheus counter: {@code DbMetricsReporter} empties them
 * ({@code Meter.getAndClear}) each time it writes them to ACT_RU_METER_LOG (every 15 minutes and at
 * shutdown), so they fall back to zero. Summing the meter log instead would query the database on
 * every scrape and mix all nodes' counts with this node's unreported ones. The totals here count what
 * this node did since it started, which is what a Prometheus counter is ({@code rate()} copes with
 * restarts); the engine's reporting to the database is left as it was.
 *
 * <p>Every engine meter is marked through {@link #markOccurrence(String, long)} (the job executor, the
 * job listeners, the BPMN, CMMN and DMN listeners, task creation: checked against the 7.24 source).
 */
public class CountingMetricsRegistry extends MetricsRegistry {

  private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();

  @Override
  public void createMeter(String name) {
    super.createMeter(name);
    totals.putIfAbsent(name, new AtomicLong());
  }

  @Override
  public void createDbMeter(String name) {
    super.createDbMeter(name);
    totals.putIfAbsent(name, new AtomicLong());
  }

  @Override
  public void markOccurrence(String name, long times) {
    super.markOccurrence(name, times);
    AtomicLong total = totals.get(name);
    if (total != null) {
      total.addAndGet(times);
    }
  }

  /** The engine's meter names ({@code org.camunda.bpm.engine.management.Metrics}), once the engine has created them. */
  public Set<String> names() {
    return new TreeSet<>(totals.keySet());
  }

  /** Everything marked on the meter since this registry was created; 0 for an unknown name. */
  public long total(String name) {
    AtomicLong total = totals.get(name);
    return total == null ? 0 : total.get();
  }
}
