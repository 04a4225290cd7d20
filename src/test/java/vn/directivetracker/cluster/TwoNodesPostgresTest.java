package vn.directivetracker.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.notice.NoticeImporter;
import vn.directivetracker.notice.NoticeValidator;
import vn.directivetracker.notice.Registrar;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * Two whole application instances (two Spring contexts, each with its job executor) on one
 * PostgreSQL database: a notice imported on node A is fanned out by both nodes, then every monthly
 * report timer is made due at once and both executors fire them. Exactly-once is checked by SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesPostgresTest {

  private PostgresTestDatabase database;
  private ConfigurableApplicationContext nodeA;
  private ConfigurableApplicationContext nodeB;
  private ClusterChecks checks;

  @BeforeAll
  void startTwoNodes() {
    database = PostgresTestDatabase.create();
    checks = new ClusterChecks(database);
    nodeA = AppInstance.startWithJobExecutor("postgres", idleWaitOneSecond(node(database, "node-a")));
    nodeB = AppInstance.startWithJobExecutor("postgres", idleWaitOneSecond(node(database, "node-b")));
  }

  /**
   * An idle node asks for jobs every second instead of every 5 s (production), so that whether node B
   * takes part does not depend on where in its idle wait the import lands: a fan-out of this size takes
   * 5 to 12 s here and might take under 5 s on a faster machine.
   */
  private static String[] idleWaitOneSecond(String[] properties) {
    List<String> all = new ArrayList<>(List.of(properties));
    all.add("camunda.bpm.job-execution.wait-time-in-millis=1000");
    all.add("camunda.bpm.job-execution.max-wait=1000");
    return all.toArray(String[]::new);
  }

  /** The postgres properties and a host name of its own, which the engine writes into the job log. */
  static String[] node(PostgresTestDatabase database, String name) {
    List<String> properties = new ArrayList<>(List.of(AppInstance.postgres(database)));
    properties.add("camunda.bpm.generic-properties.properties.hostname=" + name);
    return properties.toArray(String[]::new);
  }

  @AfterAll
  void stop() {
    try {
      if (nodeB != null) {
        nodeB.close();
      }
      if (nodeA != null) {
        nodeA.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  @Test
  @Order(1)
  void noticeImportedOnOneNodeFansOutOverBoth() throws Exception {
    long started = System.nanoTime();
    nodeA.getBean(NoticeImporter.class).importNotice(
        nodeA.getBean(NoticeValidator.class).validate(ClusterChecks.notice("CLUSTER/TB-VPCP")), Registrar.system("test"));
    double seconds = checks.awaitFanOut(ClusterChecks.DIRECTIVES, started, 240);

    Map<String, Long> perNode = checks.jobsPerNode("notice", "noticeItem");
    System.out.printf("Two nodes, fan-out of %d items -> %d directives in %.1f s; fan-out jobs per node %s;"
            + " failed attempts %d; directive instances %d%n", ClusterChecks.ITEMS, ClusterChecks.DIRECTIVES, seconds,
        perNode, checks.failedAttempts(), checks.directives());
    checks.assertExactlyOnce(ClusterChecks.DIRECTIVES);
    assertThat(perNode).as("fan-out jobs per node").containsOnlyKeys("node-a", "node-b");
    assertThat(perNode.values()).as("fan-out jobs per node").allSatisfy(jobs -> assertThat(jobs).isPositive());
  }

  @Test
  @Order(2)
  void timerStormFiredByBothNodesFiresEachTimerOnce() throws Exception {
    // every directive confirmed and acknowledged (half through each node): its monthly report timer is then set
    long monthlyTimers = checks.confirmAndAcknowledgeAll(List.of(nodeA.getBean(ProcessEngine.class), nodeB.getBean(ProcessEngine.class)));
    assertThat(monthlyTimers).as("monthly report timers").isEqualTo(ClusterChecks.DIRECTIVES);

    Map<String, Long> before = checks.jobsPerNode("directive");
    long started = System.nanoTime();
    int fired = checks.makeMonthlyTimersDue();
    assertThat(fired).as("monthly report timers made due").isEqualTo(monthlyTimers);
    while (checks.dueMonthlyTimers() > 0) {
      assertThat(ClusterChecks.seconds(started)).as("seconds waiting for the storm").isLessThan(240);
      Thread.sleep(250);
    }
    double seconds = ClusterChecks.seconds(started);
    Map<String, Long> after = checks.jobsPerNode("directive");
    after.replaceAll((node, jobs) -> jobs - before.getOrDefault(node, 0L));
    System.out.printf("Two nodes, storm of %d monthly report timers drained in %.1f s (%.0f jobs/s); jobs per node %s;"
        + " failed attempts %d%n", fired, seconds, fired / seconds, after, checks.failedAttempts());
    checks.assertMonthlyTimersFiredOnce(fired);
    checks.assertExactlyOnce(ClusterChecks.DIRECTIVES);
    assertThat(after.values()).as("storm jobs per node").hasSize(2).allSatisfy(jobs -> assertThat(jobs).isPositive());
  }
}
