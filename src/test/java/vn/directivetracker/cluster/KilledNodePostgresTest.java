package vn.directivetracker.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.notice.NoticeImporter;
import vn.directivetracker.notice.NoticeValidator;
import vn.directivetracker.notice.Registrar;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.ChildNode;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * A node in a JVM of its own is killed with SIGKILL in the middle of a notice's fan-out and again in the
 * middle of a timer storm; node A (in the test's JVM) carries on, the killed node is started again, and
 * the same exactly-once checks hold. Node A's job executor is held while node B works, so that B surely
 * holds jobs when it dies; it runs again from the moment of the kill.
 */
class KilledNodePostgresTest {

  private static final Duration CHILD_START = Duration.ofMinutes(3);

  @Test
  void nodeKilledDuringFanOutAndDuringStormLosesNothingAndRunsNothingTwice() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.create();
        ConfigurableApplicationContext nodeA = AppInstance.startWithJobExecutor("postgres",
            TwoNodesPostgresTest.node(database, "node-a"))) {
      ClusterChecks checks = new ClusterChecks(database);
      JobExecutor executorA = nodeA.getBean(JobExecutor.class);
      String[] nodeB = childProperties(database);

      // fan-out: B alone until it dies
      executorA.shutdown();
      ChildNode b = null;
      try {
        b = ChildNode.start("node-b", "postgres", CHILD_START, nodeB);
        long started = System.nanoTime();
        nodeA.getBean(NoticeImporter.class).importNotice(
            nodeA.getBean(NoticeValidator.class).validate(ClusterChecks.notice("KILL/TB-VPCP")), Registrar.system("test"));
        while (checks.directives() < ClusterChecks.DIRECTIVES / 4 || checks.lockedJobs() == 0) {
          assertThat(ClusterChecks.seconds(started)).as("seconds until node B is at work").isLessThan(120);
          Thread.sleep(20);
        }
        long lockedAtKill = checks.lockedJobs();
        long directivesAtKill = checks.directives();
        b.kill();
        long killed = System.nanoTime();
        executorA.start();
        b = ChildNode.start("node-b", "postgres", CHILD_START, nodeB);
        double restart = ClusterChecks.seconds(killed);
        double recovered = checks.awaitFanOut(ClusterChecks.DIRECTIVES, killed, 240);
        System.out.printf("Node B killed during the fan-out at %d of %d directives holding %d jobs; B up again after %.1f s;"
                + " fan-out done %.1f s after the kill; jobs per node %s; failed attempts %d%n", directivesAtKill,
            ClusterChecks.DIRECTIVES, lockedAtKill, restart, recovered, checks.jobsPerNode("notice", "noticeItem"),
            checks.failedAttempts());
        checks.assertExactlyOnce(ClusterChecks.DIRECTIVES);

        // storm: B alone until it dies
        executorA.shutdown();
        long monthlyTimers = checks.confirmAndAcknowledgeAll(List.of(nodeA.getBean(ProcessEngine.class)));
        long stormStarted = System.nanoTime();
        int fired = checks.makeMonthlyTimersDue();
        assertThat(fired).isEqualTo(monthlyTimers).isEqualTo(ClusterChecks.DIRECTIVES);
        while (checks.dueMonthlyTimers() > fired * 3L / 4 || checks.lockedJobs() == 0) {
          assertThat(ClusterChecks.seconds(stormStarted)).as("seconds until node B is in the storm").isLessThan(120);
          Thread.sleep(20);
        }
        lockedAtKill = checks.lockedJobs();
        long dueAtKill = checks.dueMonthlyTimers();
        b.kill();
        killed = System.nanoTime();
        executorA.start();
        while (checks.dueMonthlyTimers() > 0) {
          assertThat(ClusterChecks.seconds(killed)).as("seconds until the storm is done").isLessThan(240);
          Thread.sleep(100);
        }
        recovered = ClusterChecks.seconds(killed);
        b = ChildNode.start("node-b", "postgres", CHILD_START, nodeB);
        Thread.sleep(2_000);
        System.out.printf("Node B killed during a storm of %d timers with %d still due, holding %d jobs; storm done %.1f s"
            + " after the kill; failed attempts %d%n", fired, dueAtKill, lockedAtKill, recovered, checks.failedAttempts());
        checks.assertMonthlyTimersFiredOnce(fired);
        checks.assertExactlyOnce(ClusterChecks.DIRECTIVES);
      } finally {
        if (b != null) {
          b.close();
        }
      }
    }
  }

  private static String[] childProperties(PostgresTestDatabase database) {
    List<String> properties = new ArrayList<>(List.of(TwoNodesPostgresTest.node(database, "node-b")));
    properties.add("camunda.bpm.job-execution.enabled=true");
    return properties.toArray(String[]::new);
  }
}
