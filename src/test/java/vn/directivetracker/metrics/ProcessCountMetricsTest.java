package vn.directivetracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The per-process gauges share one count per interval, however many gauges and scrapes read them. */
class ProcessCountMetricsTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final AtomicInteger queries = new AtomicInteger();
  private final AtomicReference<ProcessCounts> next = new AtomicReference<>(counts(Map.of("directive", 5L), 1));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ProcessCountMetrics metrics = new ProcessCountMetrics(() -> {
    queries.incrementAndGet();
    return next.get();
  }, Duration.ofSeconds(30), nanos::get);

  @Test
  void everyGaugeOfManyScrapesWithinTheIntervalReadsOneCount() {
    metrics.bindTo(registry);
    metrics.countOnceReady();
    assertThat(queries).hasValue(1);
    for (int scrape = 0; scrape < 5; scrape++) {
      assertThat(gauge("dt.process.instances", "directive")).isEqualTo(5);
      assertThat(gauge("dt.tasks.open", "directive")).isEqualTo(2);
      assertThat(gauge("dt.incidents.open", "directive")).isZero();
      assertThat(registry.get("dt.jobs.due").gauge().value()).isEqualTo(1);
      nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    }
    assertThat(queries).as("25 s of scrapes, 20 gauge reads").hasValue(1);

    next.set(counts(Map.of("directive", 7L), 3));
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(gauge("dt.process.instances", "directive")).isEqualTo(7);
    assertThat(registry.get("dt.jobs.due").gauge().value()).isEqualTo(3);
    assertThat(queries).hasValue(2);
  }

  @Test
  void aProcessFirstSeenByACountGetsItsGaugesAndAProcessWithNothingOpenReadsZero() {
    metrics.bindTo(registry);
    metrics.countOnceReady();
    assertThat(registry.find("dt.process.instances").tag("process", "notice").gauge()).isNull();

    next.set(new ProcessCounts(Set.of("directive", "notice"), Map.of("notice", 1L), Map.of(), Map.of(), 0));
    nanos.addAndGet(Duration.ofSeconds(31).toNanos());
    metrics.current();
    assertThat(gauge("dt.process.instances", "notice")).isEqualTo(1);
    assertThat(gauge("dt.process.instances", "directive")).isZero();
    assertThat(gauge("dt.tasks.open", "notice")).isZero();
  }

  @Test
  void aFailedCountKeepsTheLastNumbersAndIsNotRetriedWithinTheInterval() {
    AtomicInteger failures = new AtomicInteger();
    ProcessCountMetrics failing = new ProcessCountMetrics(() -> {
      if (failures.incrementAndGet() > 1) {
        throw new IllegalStateException("database gone");
      }
      return next.get();
    }, Duration.ofSeconds(30), nanos::get);
    SimpleMeterRegistry other = new SimpleMeterRegistry();
    failing.bindTo(other);
    failing.countOnceReady();
    nanos.addAndGet(Duration.ofSeconds(31).toNanos());
    for (int read = 0; read < 3; read++) {
      assertThat(other.get("dt.process.instances").tag("process", "directive").gauge().value()).isEqualTo(5);
    }
    assertThat(failures).hasValue(2);
  }

  @Test
  void theRefreshIsTimed() {
    metrics.bindTo(registry);
    metrics.countOnceReady();
    assertThat(registry.get("dt.process.counts.refresh").timer().count()).isEqualTo(1);
  }

  @Test
  void theIntervalIsAtLeastOneSecond() {
    assertThat(new MetricsSettings(Duration.ofSeconds(1)).processCountsInterval()).hasSeconds(1);
    assertThatThrownBy(() -> new MetricsSettings(Duration.ZERO))
        .hasMessageContaining("process-counts-interval must be at least 1s");
  }

  private double gauge(String name, String process) {
    Gauge gauge = registry.get(name).tag("process", process).gauge();
    return gauge.value();
  }

  private static ProcessCounts counts(Map<String, Long> instances, long dueJobs) {
    return new ProcessCounts(Set.of("directive"), instances, Map.of("directive", 2L), Map.of(), dueJobs);
  }
}
