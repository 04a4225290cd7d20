package vn.directivetracker.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An optimistic-locking collision is retried in seconds; any other failure keeps the step's R5/PT5M cycle. */
class CollisionRetryPluginTest {

  private ProcessEngine engine;
  private final Date now = new Date(1_800_000_000_000L);

  @BeforeEach
  void engine() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:collision-retry;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new CollisionRetryPlugin(Duration.ofSeconds(2))));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("step.bpmn",
        Bpmn.createExecutableProcess("step").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("Task_Step").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R5/PT5M")
            .camundaClass(Failing.class.getName()).endEvent().done()).deploy();
    ClockUtil.setCurrentTime(now);
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
    engine.close();
  }

  @Test
  void aCollisionIsRetriedWithinSecondsAndCostsNoRetry() {
    Job job = failOnce(true);
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getDuedate()).isBetween(new Date(now.getTime() + 1_000), new Date(now.getTime() + 3_000), true, true);
  }

  @Test
  void anyOtherFailureFollowsTheRetryCycle() {
    Job job = failOnce(false);
    assertThat(job.getRetries()).isEqualTo(4);
    assertThat(job.getDuedate()).isEqualTo(new Date(now.getTime() + Duration.ofMinutes(5).toMillis()));
  }

  @Test
  void aCollisionWrappedInAnotherExceptionIsACollision() {
    assertThat(CollisionRetryPlugin.isCollision(new IllegalStateException(new OptimisticLockingException("x")))).isTrue();
    assertThat(CollisionRetryPlugin.isCollision(new IllegalStateException("x"))).isFalse();
  }

  private Job failOnce(boolean collide) {
    engine.getRuntimeService().startProcessInstanceByKey("step", Map.of("collide", collide));
    Job job = engine.getManagementService().createJobQuery().singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()));
    return engine.getManagementService().createJobQuery().singleResult();
  }

  /** Fails as the variable {@code collide} says: a collision or an ordinary error. */
  public static class Failing implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      if (Boolean.TRUE.equals(execution.getVariable("collide"))) {
        throw new OptimisticLockingException("another node changed this directive");
      }
      throw new IllegalStateException("the step failed");
    }
  }
}
