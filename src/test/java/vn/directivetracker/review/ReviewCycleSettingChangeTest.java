package vn.directivetracker.review;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.review.ReviewCycleProcessTest.at;

import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.support.AppInstance;

/**
 * An operator changes the review cadence and restarts: the processes are unchanged, so nothing is
 * redeployed and the start timer keeps the review already scheduled; from its firing on, the new
 * setting applies (reevaluateTimeCycleWhenDue). Two real start-ups on one H2 file.
 */
class ReviewCycleSettingChangeTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aChangedCadenceAppliesFromTheReviewAlreadyScheduled(@TempDir Path dataDir) {
    String database = "spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath() + "/dt";
    String noSeedNotices = "directive-tracker.demo.import-seed-notices=false";
    ClockUtil.setCurrentTime(at("2026-11-20T09:00"));
    try (ConfigurableApplicationContext every5Days = AppInstance.start(null, database, noSeedNotices)) {
      assertThat(reviewTimer(every5Days).getDuedate()).isEqualTo(at("2026-11-24T08:00"));
    }

    // weekly from now on, counted from the review already scheduled
    try (ConfigurableApplicationContext weekly = AppInstance.start(null, database, noSeedNotices,
        "directive-tracker.review-cycle.every-days=7", "directive-tracker.review-cycle.first-review=2026-11-24T08:00")) {
      ProcessEngine engine = weekly.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count())
          .isEqualTo(vn.directivetracker.deployment.DeploymentUnits.of(vn.directivetracker.deployment.ModelFiles.fromClasspath()).size());
      Job scheduled = reviewTimer(weekly);
      assertThat(scheduled.getDuedate()).isEqualTo(at("2026-11-24T08:00"));

      ClockUtil.setCurrentTime(at("2026-11-24T08:00"));
      engine.getManagementService().executeJob(scheduled.getId());
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ReviewCycle.PROCESS_KEY)
          .processInstanceBusinessKey("RS-2026-11-24").count()).isOne();
      // without re-evaluation the old cycle would say 29/11
      assertThat(reviewTimer(weekly).getDuedate()).isEqualTo(at("2026-12-01T08:00"));
    }
  }

  private static Job reviewTimer(ConfigurableApplicationContext app) {
    return app.getBean(ProcessEngine.class).getManagementService().createJobQuery()
        .processDefinitionKey(ReviewCycle.PROCESS_KEY).activityId("Timer_ReviewDue").singleResult();
  }
}
