package vn.directivetracker.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.notice.NoticeImporter;
import vn.directivetracker.notice.NoticeValidator;
import vn.directivetracker.notice.Registrar;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.ChildNode;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * The longer run of {@link KilledNodePostgresTest}: two nodes (A in this JVM, B in its own) both at
 * work; round after round a notice is imported on A and B is killed with SIGKILL at a random point of
 * its fan-out and started again; at the end a storm of every monthly report timer, with B killed in
 * the middle. After each step the exactly-once checks; prints one line per round.
 * Run: {@code ./mvnw -Pbenchmark test -Dtest=ClusterSoakBenchmark [-Dbenchmark.soak.rounds=5]
 * [-Dbenchmark.soak.items=500]}.
 */
@Tag("benchmark")
class ClusterSoakBenchmark {

  @Test
  void killANodeRoundAfterRound() throws Exception {
    int rounds = Integer.getInteger("benchmark.soak.rounds", 5);
    int items = Integer.getInteger("benchmark.soak.items", 500);
    int perNotice = ClusterChecks.directivesFor(items);
    Random random = new Random(14);
    try (PostgresTestDatabase database = PostgresTestDatabase.create();
        ConfigurableApplicationContext nodeA = AppInstance.startWithJobExecutor("postgres",
            TwoNodesPostgresTest.node(database, "node-a"))) {
      ClusterChecks checks = new ClusterChecks(database);
      List<String> properties = new ArrayList<>(List.of(TwoNodesPostgresTest.node(database, "node-b")));
      properties.add("camunda.bpm.job-execution.enabled=true");
      String[] nodeB = properties.toArray(String[]::new);
      Duration childStart = Duration.ofMinutes(3);
      ChildNode b = ChildNode.start("node-b", "postgres", childStart, nodeB);
      List<String> lines = new ArrayList<>();
      try {
        for (int round = 1; round <= rounds; round++) {
          long expected = (long) round * perNotice;
          Map<String, Long> before = checks.jobsPerNode("notice", "noticeItem");
          double killAt = 0.2 + 0.6 * random.nextDouble();
          long started = System.nanoTime();
          nodeA.getBean(NoticeImporter.class).importNotice(nodeA.getBean(NoticeValidator.class)
              .validate(ClusterChecks.notice("SOAK-" + round + "/TB-VPCP", items)), Registrar.system("benchmark"));
          while (checks.directives() < expected - perNotice + (long) (perNotice * killAt)) {
            Thread.sleep(20);
          }
          long locked = checks.lockedJobs();
          long at = checks.directives() - (expected - perNotice);
          b.kill();
          long killed = System.nanoTime();
          b = ChildNode.start("node-b", "postgres", childStart, nodeB);
          double restarted = ClusterChecks.seconds(killed);
          double done = checks.awaitFanOut(expected, killed, 1_800);
          checks.assertExactlyOnce(expected);
          Map<String, Long> perNode = new HashMap<>(checks.jobsPerNode("notice", "noticeItem"));
          perNode.replaceAll((node, jobs) -> jobs - before.getOrDefault(node, 0L));
          String line = String.format("round %d: %d directives in %.1f s; B killed at %d holding %d locked jobs,"
                  + " up again after %.1f s, fan-out done %.1f s after the kill; jobs per node %s; failed attempts so far %d",
              round, perNotice, ClusterChecks.seconds(started), at, locked, restarted, done, perNode, checks.failedAttempts());
          System.out.println(line);
          lines.add(line);
        }
        long total = (long) rounds * perNotice;
        long monthly = checks.confirmAndAcknowledgeAll(List.of(nodeA.getBean(ProcessEngine.class)));
        long started = System.nanoTime();
        int fired = checks.makeMonthlyTimersDue();
        while (checks.dueMonthlyTimers() > fired / 2) {
          Thread.sleep(20);
        }
        long locked = checks.lockedJobs();
        b.kill();
        long killed = System.nanoTime();
        b = ChildNode.start("node-b", "postgres", childStart, nodeB);
        while (checks.dueMonthlyTimers() > 0) {
          Thread.sleep(100);
        }
        double done = ClusterChecks.seconds(killed);
        checks.assertMonthlyTimersFiredOnce(fired);
        checks.assertExactlyOnce(total);
        String line = String.format("storm: %d of %d monthly timers; B killed at half holding %d locked jobs; storm done"
                + " %.1f s after the kill, %.1f s in all; failed attempts %d", fired, monthly, locked, done,
            ClusterChecks.seconds(started), checks.failedAttempts());
        lines.add(line);
        System.out.printf("%nBENCHMARK cluster soak on PostgreSQL: %d rounds of a %d-item notice (%d directives), node B"
            + " killed with SIGKILL in each; every business key once, no job twice, no incident, read model equal%n", rounds,
            items, perNotice);
        lines.forEach(l -> System.out.println("  " + l));
      } finally {
        b.close();
      }
    }
  }
}
