package vn.directivetracker.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches whether the database answers, so that an outage is handled in one place instead of by
 * every request and every job thread on its own:
 *
 * <ul>
 *   <li>readiness goes DOWN (a load balancer stops sending users here) while liveness stays UP (the
 *       node needs no restart, it recovers by itself);
 *   <li>one readable line is logged when the database stops answering and one when it is back,
 *       instead of a stack trace from the job acquisition every few seconds;
 *   <li>the job executor stops acquiring during the outage and starts again after it, so timers that
 *       fell due meanwhile fire then;
 *   <li>requests to the APIs are answered 503 at once ({@link DatabaseOutageFilter}) rather than after
 *       the pool's connection timeout with a 500.
 * </ul>
 *
 * <p>The probe borrows a connection from the application's own pool and asks it {@code isValid}:
 * what it sees is what requests and jobs would see. It runs on its own thread, so a probe waiting for
 * the pool's connection timeout delays nothing else.
 */
@Component
public class DatabaseReachability implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DatabaseReachability.class);

  private final DataSource dataSource;
  private final ApplicationEventPublisher events;
  private final ProcessEngineConfigurationImpl engine;
  private final Duration interval;
  private final Clock clock = Clock.systemUTC();

  private ScheduledExecutorService probe;
  private volatile boolean reachable = true;
  private volatile Instant unreachableSince;
  private boolean jobExecutorPaused;

  public DatabaseReachability(DataSource dataSource, ApplicationEventPublisher events,
      ProcessEngineConfigurationImpl engine,
      @Value("${directive-tracker.database.probe-interval:2s}") Duration interval) {
    this.dataSource = dataSource;
    this.events = events;
    this.engine = engine;
    this.interval = interval;
  }

  /** False from the first failed probe until the next one that succeeds. */
  public boolean reachable() {
    return reachable;
  }

  void check() {
    String problem = probeOnce();
    if (problem != null && reachable) {
      // a pooled connection the server closed long ago fails once; the pool's next one tells the truth
      problem = probeOnce();
    }
    if (problem == null && !reachable) {
      Duration outage = Duration.between(unreachableSince, clock.instant());
      reachable = true;
      boolean resumed = resumeJobExecutor();
      events.publishEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
      log.info("Database answers again after {} s: readiness UP{}", outage.toSeconds(),
          resumed ? ", job executor acquiring again" : "");
    } else if (problem != null && reachable) {
      reachable = false;
      unreachableSince = clock.instant();
      events.publishEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
      boolean paused = pauseJobExecutor();
      log.warn("Database does not answer ({}): readiness DOWN, {}; checking every {} s until it answers",
          problem, paused ? "job executor paused" : "no job executor running here", interval.toSeconds());
    }
  }

  /** Null when the database answered, otherwise what went wrong, in one line without a stack trace. */
  private String probeOnce() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid((int) Math.max(1, interval.toSeconds())) ? null : "connection not valid";
    } catch (SQLException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return message.replaceAll("\\s+", " ");
    }
  }

  private boolean pauseJobExecutor() {
    JobExecutor jobExecutor = engine.getJobExecutor();
    if (jobExecutor == null || !jobExecutor.isActive()) {
      return false;
    }
    jobExecutor.shutdown();
    jobExecutorPaused = true;
    return true;
  }

  private boolean resumeJobExecutor() {
    if (!jobExecutorPaused) {
      return false;
    }
    engine.getJobExecutor().start();
    jobExecutorPaused = false;
    return true;
  }

  @Override
  public void start() {
    probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "database-reachability");
      thread.setDaemon(true);
      return thread;
    });
    probe.scheduleWithFixedDelay(this::checkSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      // the probe must outlive anything it meets, or the node would stay DOWN for good
      log.warn("Database reachability check failed: {}", e.toString());
    }
  }

  /** Closing: the probe must not start the job executor again that cluster/JobExecutorShutdown stops. */
  @EventListener(ContextClosedEvent.class)
  public void closing(ContextClosedEvent closed) {
    if (closed.getApplicationContext().getParent() == null) {
      stop();
    }
  }

  @Override
  public void stop() {
    if (probe != null) {
      probe.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return probe != null && !probe.isShutdown();
  }

  /** Stops before the job executor and the pool do (Spring stops higher phases first). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
