package vn.directivetracker.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * A node shut down while its job executor is busy leaves no job locked: it stops acquiring, lets
 * the jobs in hand finish and hands back (unlocks) the ones it had not started, before the
 * connection pool closes; another node can run them at once.
 */
class JobExecutorShutdownPostgresTest {

  static final int INSTANCES = 300;

  @Test
  void closingANodeWhileJobsRunLeavesNoJobLocked() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
      long closeMillis;
      ConfigurableApplicationContext node = AppInstance.startWithJobExecutor("postgres", AppInstance.postgres(database));
      try {
        ProcessEngine engine = node.getBean(ProcessEngine.class);
        engine.getRepositoryService().createDeployment().addModelInstance("slow.bpmn", slowProcess()).deploy();
        int before = SlowJob.RUNS.get();
        // in one transaction, so that every job is there when the executor starts on them
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(commandContext -> {
              for (int i = 0; i < INSTANCES; i++) {
                engine.getRuntimeService().startProcessInstanceByKey("slowJobs", "slow/" + i);
              }
              return null;
            });
        long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (SlowJob.RUNS.get() - before < 10 && System.nanoTime() < waitUntil) {
          Thread.sleep(50);
        }
        assertThat(SlowJob.RUNS.get() - before).as("jobs run before the close").isGreaterThanOrEqualTo(10);
      } finally {
        long started = System.nanoTime();
        node.close();
        closeMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      }
      System.out.printf("Node closed in %d ms%n", closeMillis);
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        assertThat(count(statement, "select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null or LOCK_EXP_TIME_ is not null"))
            .as("jobs still locked after the close").isZero();
        assertThat(count(statement, "select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null or RETRIES_ < 3"))
            .as("jobs that failed on the close").isZero();
        long open = count(statement, "select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null and PROC_DEF_KEY_ = 'slowJobs'");
        long jobs = count(statement, "select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = 'async-continuation'");
        assertThat(jobs).as("every unfinished instance keeps its job").isEqualTo(open);
        assertThat(open).as("some work was left for another node").isGreaterThan(0);
        System.out.printf("Instances finished: %d, left with an unlocked job: %d%n", INSTANCES - open, open);
      }
      assertThat(closeMillis).as("close time").isLessThan(30_000);
    }
  }

  private static BpmnModelInstance slowProcess() {
    return Bpmn.createExecutableProcess("slowJobs").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_Slow").camundaAsyncBefore().camundaClass(SlowJob.class.getName())
        .endEvent()
        .done();
  }

  private static long count(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
