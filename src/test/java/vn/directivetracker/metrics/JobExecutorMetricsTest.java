package vn.directivetracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import vn.directivetracker.support.Http;

/**
 * With the job executor running as in production: a notice's fan-out jobs are acquired and run by the
 * executor, and the scrape shows it (acquisition counters, successful jobs, the executor's thread
 * pool). The context is closed afterwards, so its job executor does not run on beside other tests.
 */
// Spring Boot tests export no metrics unless asked: the Prometheus endpoint is what is tested
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true", "directive-tracker.demo.import-seed-notices=false",
    MetricsScrapePaths.COUNT_INTERVAL})
@DirtiesContext
class JobExecutorMetricsTest {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @BeforeEach
  void serveThisEngineOnARunningClock() {
    ProcessEngines.registerProcessEngine(engine);
    ClockUtil.reset();
  }

  @Test
  void theJobExecutorsWorkAndPoolAreInTheScrape() throws Exception {
    String number = "J" + UUID.randomUUID().toString().substring(0, 8) + "/TB-VPCP";
    HttpResponse<String> imported = Http.call(port, "POST", "/api/notices", "reviewer-vpcp", "application/yaml", """
        number: "%s"
        issuer: VPCP
        standingOffice: VPCP
        title: "Kết luận về theo dõi vận hành hệ thống"
        issuedOn: 2026-11-20
        items:
          - ref: "1"
            text: "Bộ Công an rà soát an toàn thông tin các hệ thống dùng chung."
            lead: BCA
            deadline: {kind: DATE, date: 2027-06-30, phrase: "Hoàn thành trước ngày 30 tháng 6 năm 2027"}
        """.formatted(number));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

    // the executor starts the directive by itself
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number + "/1/BCA")
        .count() == 0) {
      assertThat(System.nanoTime()).as("the job executor did not start the directive within 60 s").isLessThan(deadline);
      Thread.sleep(200);
    }

    HttpResponse<String> response = Http.call(port, "GET", "/actuator/prometheus", "admin", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    Scrape scrape = new Scrape(response.body());
    assertThat(scrape.value("camunda_job_acquisition_attempt_total").orElseThrow()).isPositive();
    assertThat(scrape.value("camunda_job_acquired_success_total").orElseThrow()).isPositive();
    assertThat(scrape.value("camunda_job_successful_total").orElseThrow()).isPositive();
    Map<String, String> pool = Map.of("name", "camundaTaskExecutor");
    for (String gauge : new String[] {"executor_active_threads", "executor_queued_tasks", "executor_pool_size_threads",
        "executor_pool_max_threads", "executor_queue_remaining_tasks"}) {
      assertThat(scrape.value(gauge, pool)).as(gauge).isPresent();
    }
  }
}
