package vn.directivetracker.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges of open work per process definition key, tag {@code process}:
 * {@code dt.process.instances}, {@code dt.tasks.open}, {@code dt.incidents.open}; and
 * {@code dt.jobs.due}, the jobs waiting for a job executor in the whole cluster.
 *
 * <p>All gauges read one cached {@link ProcessCounts}: the first gauge read after the interval
 * ({@link MetricsSettings#processCountsInterval()}) runs {@link ProcessCountQueries} once, the others
 * read the same numbers, and concurrent scrapes wait for that one count. So the database sees a few
 * grouped queries at most once per interval however often, and by however many scrapers, the
 * endpoint is read. {@code dt.process.counts.refresh} times those queries.
 *
 * <p>A process key is registered when a count first sees it (at start-up, once the processes are
 * deployed, and after a later deployment with the next count); its gauges then stay, at 0 when
 * nothing is open.
 */
@Component
public class ProcessCountMetrics implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(ProcessCountMetrics.class);

  private final Supplier<ProcessCounts> query;
  private final long intervalNanos;
  private final LongSupplier nanoTime;

  private final Set<String> registeredProcesses = new HashSet<>();
  private volatile MeterRegistry registry;
  private Timer refreshTimer;

  private volatile ProcessCounts counts = ProcessCounts.NONE;
  /** When {@link #counts} was taken ({@link #nanoTime}); null before the first count. */
  private volatile Long takenAt;

  @Autowired
  public ProcessCountMetrics(ProcessCountQueries queries, MetricsSettings settings) {
    this(queries::count, settings.processCountsInterval(), System::nanoTime);
  }

  /** @param nanoTime a monotonic clock: the engine's clock may be moved, the interval must not be */
  ProcessCountMetrics(Supplier<ProcessCounts> query, Duration interval, LongSupplier nanoTime) {
    this.query = query;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    this.registry = registry;
    refreshTimer = Timer.builder("dt.process.counts.refresh")
        .description("Time taken by the grouped count queries behind the dt.process/tasks/incidents/jobs gauges")
        .register(registry);
    Gauge.builder("dt.jobs.due", this, metrics -> metrics.current().dueJobs())
        .description("Jobs due and not locked, with retries left: waiting for a job executor (all nodes)")
        .register(registry);
    registerProcesses(counts.processes());
  }

  /** After the processes are deployed: their gauges exist before the first scrape. */
  @EventListener(ApplicationReadyEvent.class)
  public void countOnceReady() {
    current();
  }

  /** The cached counts, counted again first when they are older than the interval. */
  public ProcessCounts current() {
    if (fresh()) {
      return counts;
    }
    synchronized (this) {
      // another scrape may have counted while this one waited
      if (!fresh()) {
        refresh();
      }
      return counts;
    }
  }

  private boolean fresh() {
    Long at = takenAt;
    return at != null && nanoTime.getAsLong() - at < intervalNanos;
  }

  private void refresh() {
    long start = nanoTime.getAsLong();
    try {
      counts = query.get();
    } catch (RuntimeException e) {
      // keep the last numbers; the next interval tries again rather than every gauge of this scrape
      log.warn("Could not count open work per process for the metrics: {}", e.toString());
    } finally {
      long end = nanoTime.getAsLong();
      takenAt = end;
      if (refreshTimer != null) {
        refreshTimer.record(Duration.ofNanos(end - start));
      }
    }
    registerProcesses(counts.processes());
  }

  private synchronized void registerProcesses(Set<String> processes) {
    if (registry == null) {
      return;
    }
    for (String process : processes) {
      if (registeredProcesses.add(process)) {
        gauge("dt.process.instances", "Running process instances", process, ProcessCounts::instances);
        gauge("dt.tasks.open", "Open user tasks", process, ProcessCounts::tasks);
        gauge("dt.incidents.open", "Open incidents", process, ProcessCounts::incidents);
      }
    }
  }

  private void gauge(String name, String description, String process, Function<ProcessCounts, Map<String, Long>> of) {
    Gauge.builder(name, this, metrics -> of.apply(metrics.current()).getOrDefault(process, 0L))
        .description(description + " per process definition key")
        .tag("process", process)
        .register(registry);
  }
}
