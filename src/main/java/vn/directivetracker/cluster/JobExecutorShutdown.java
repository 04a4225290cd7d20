package vn.directivetracker.cluster;

import java.time.Duration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A node that shuts down (SIGTERM, context close) hands its jobs back before anything else closes.
 *
 * <p>Without it Spring's own order ran against the job executor: the executor's thread pool refused
 * new work as soon as the context closed while acquisition went on locking jobs (refused jobs stay
 * locked), the pool's lifecycle waited 30 s for running jobs, and the connection pool then closed
 * under them (ENGINE-14006, jobs left locked for the whole lock time, as after a crash).
 *
 * <p>Here, first of all listeners of the context's close: acquisition stops; each job thread
 * finishes the job it runs and unlocks the ones it holds but has not started (the engine does this
 * once the executor is inactive); this waits up to {@code directive-tracker.cluster.shutdown-wait}
 * for them; then every job still locked by this node is unlocked in the database with its revision
 * raised, so a job still running past the wait cannot commit over another node's run of it.
 */
@Component
public class JobExecutorShutdown {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

  private final ObjectProvider<JobExecutor> jobExecutor;
  private final ObjectProvider<TaskExecutor> threads;
  private final JdbcTemplate jdbc;
  private final Duration wait;
  private final ApplicationContext context;

  public JobExecutorShutdown(ObjectProvider<JobExecutor> jobExecutor,
      @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> threads, JdbcTemplate jdbc,
      @Value("${directive-tracker.cluster.shutdown-wait:20s}") Duration wait, ApplicationContext context) {
    this.context = context;
    this.jobExecutor = jobExecutor;
    this.threads = threads;
    this.jdbc = jdbc;
    this.wait = wait;
  }

  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void contextClosing(ContextClosedEvent event) {
    if (event.getApplicationContext() != context) {
      return; // a child context closing, not the application
    }
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executor == null || !executor.isActive()) {
      return;
    }
    long started = System.nanoTime();
    executor.shutdown();
    boolean idle = awaitIdle(threads.getIfAvailable(), System.nanoTime() + wait.toNanos());
    int unlocked = jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1"
        + " where LOCK_OWNER_ = ?", executor.getLockOwner());
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (idle) {
      log.info("Job executor stopped in {} ms; {} jobs acquired but not started handed back", millis, unlocked);
    } else {
      log.warn("Job executor stopped: jobs still running after {} ms (directive-tracker.cluster.shutdown-wait);"
          + " {} jobs handed back, a job still running will be rolled back", millis, unlocked);
    }
  }

  private static boolean awaitIdle(TaskExecutor threads, long deadline) {
    if (!(threads instanceof ThreadPoolTaskExecutor pool)) {
      return true;
    }
    try {
      while (pool.getActiveCount() > 0 || !pool.getThreadPoolExecutor().getQueue().isEmpty()) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(50);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
