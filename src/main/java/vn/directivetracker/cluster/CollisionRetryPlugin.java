package vn.directivetracker.cluster;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A job that lost an optimistic-locking race (two nodes on the same directive at the same moment)
 * is tried again within seconds, not after the step's retry cycle ({@code R5/PT5M}: five minutes).
 *
 * <p>The engine already keeps such a job's retries (a collision is not the job's fault) but gives it
 * the cycle's next due date. Here the engine's own retry command runs as always, and for a collision
 * the due date becomes now + {@code directive-tracker.cluster.collision-retry-delay} (0.5 to 1.5 times
 * it, so the two nodes do not meet again in step). Every other failure follows the BPMN's cycle.
 */
@Component
public class CollisionRetryPlugin extends AbstractProcessEnginePlugin {

  private final Duration delay;

  public CollisionRetryPlugin(@Value("${directive-tracker.cluster.collision-retry-delay:2s}") Duration delay) {
    this.delay = delay;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // after the engine's and the starter's defaults, which set the factory in init
    configuration.setFailedJobCommandFactory((jobId, exception) -> new RetryCmd(jobId, exception, delay));
  }

  /** Is this failure, or any cause of it, an optimistic-locking collision? */
  static boolean isCollision(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  static final class RetryCmd extends DefaultJobRetryCmd {

    private final Duration delay;

    RetryCmd(String jobId, Throwable exception, Duration delay) {
      super(jobId, exception);
      this.delay = delay;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      Object result = super.execute(commandContext);
      if (isCollision(exception)) {
        JobEntity job = getJob();
        if (job != null && job.getRetries() > 0) {
          long millis = delay.toMillis() / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, delay.toMillis()));
          job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + millis));
        }
      }
      return result;
    }
  }
}
