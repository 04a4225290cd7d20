package vn.directivetracker.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * The jobs a node had locked when it died are run by the surviving node within seconds. The dead
 * node is its mark in the database: jobs locked by an owner that never comes back, with the lock's
 * expiry the engine writes at acquisition (now + lock time). With
 * {@code -Ddt.test.engineJobDefaults=true} the node runs with the engine's defaults instead (5-minute
 * lock, 60 s idle wait), to measure what the settings changed; that run takes about 6 minutes.
 */
class DeadNodePostgresTest {

  static final int INSTANCES = 40;

  @Test
  void jobsLockedByADeadNodeArePickedUpWithinSeconds() throws Exception {
    boolean engineDefaults = Boolean.getBoolean("dt.test.engineJobDefaults");
    String previous = System.setProperty("dt.test.slowJobMillis", "100");
    try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
      List<String> properties = new ArrayList<>(List.of(AppInstance.postgres(database)));
      if (engineDefaults) {
        properties.add("camunda.bpm.job-execution.lock-time-in-millis=300000");
        properties.add("camunda.bpm.job-execution.max-wait=60000");
      }
      try (ConfigurableApplicationContext node = AppInstance.startWithJobExecutor("postgres", properties.toArray(String[]::new))) {
        ProcessEngine engine = node.getBean(ProcessEngine.class);
        int lockTime = node.getBean(JobExecutor.class).getLockTimeInMillis();
        engine.getRepositoryService().createDeployment().addModelInstance("slow.bpmn",
            Bpmn.createExecutableProcess("slowJobs").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_Slow").camundaAsyncBefore().camundaClass(SlowJob.class.getName()).endEvent().done())
            .deploy();
        // the dead node's acquisition: this node's acquisition is held meanwhile, so that it never sees the jobs unlocked
        JobExecutor jobExecutor = node.getBean(JobExecutor.class);
        jobExecutor.shutdown();
        for (int i = 0; i < INSTANCES; i++) {
          engine.getRuntimeService().startProcessInstanceByKey("slowJobs", "dead/" + i);
        }
        int locked;
        try (Connection connection = database.connect(); PreparedStatement lock = connection.prepareStatement(
            "update ACT_RU_JOB set LOCK_OWNER_ = 'dead-node', LOCK_EXP_TIME_ = ? where LOCK_OWNER_ is null and PROCESS_DEF_KEY_ = 'slowJobs'")) {
          lock.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime() + lockTime));
          locked = lock.executeUpdate();
        }
        jobExecutor.start();
        assertThat(locked).isEqualTo(INSTANCES);
        long died = System.nanoTime();

        long deadline = died + Duration.ofMillis(lockTime + 120_000).toNanos();
        long firstDone = -1;
        while (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("slowJobs").count() > 0
            && System.nanoTime() < deadline) {
          if (firstDone < 0 && engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("slowJobs")
              .finished().count() > 0) {
            firstDone = System.nanoTime();
          }
          Thread.sleep(200);
        }
        long allDone = System.nanoTime();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("slowJobs").count())
            .as("instances left").isZero();
        double first = Duration.ofNanos(firstDone - died).toMillis() / 1000.0;
        double all = Duration.ofNanos(allDone - died).toMillis() / 1000.0;
        System.out.printf("Dead node's %d jobs (lock time %d ms): first picked up after %.1f s, all done after %.1f s%n",
            INSTANCES, lockTime, first, all);
        if (!engineDefaults) {
          assertThat(all).as("seconds until the dead node's jobs are done").isLessThan(45);
        }
      }
    } finally {
      if (previous == null) {
        System.clearProperty("dt.test.slowJobMillis");
      } else {
        System.setProperty("dt.test.slowJobMillis", previous);
      }
    }
  }
}
