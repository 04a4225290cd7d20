package vn.directivetracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.support.Http;
import vn.directivetracker.support.NoticeJobs;

/**
 * The Prometheus scrape over real HTTP: only administrators read it (401 without a challenge, 403 for
 * everyone else), health stays open, and the figures follow what the test does: the engine's job
 * counters, the per-process counts after a notice fans out into two directives, the request timer per
 * area, the connection pool. Run on H2 and PostgreSQL with a 1 s count interval ({@link #COUNT_INTERVAL}).
 */
abstract class MetricsScrapePaths {

  /** Subclasses start the app with this: the per-process counts are at most 1 s old. */
  static final String COUNT_INTERVAL = "directive-tracker.metrics.process-counts-interval=1s";

  private static final String PATH = "/actuator/prometheus";

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @BeforeEach
  void serveThisEngineOnARunningClock() {
    // other cached test contexts register an engine too; the authentication filter must use this one
    ProcessEngines.registerProcessEngine(engine);
    // due jobs are compared with the engine clock; another test may have left it frozen
    ClockUtil.reset();
  }

  @Test
  void anonymousScrapeGets401WithAProblemBodyAndNoBasicChallenge() throws Exception {
    HttpResponse<String> response = Http.call(port, "GET", PATH, null, null, null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":401", "Authentication required").doesNotContain("camunda_");
  }

  @Test
  void signedInCallersWhoAreNotAdministratorsGet403() throws Exception {
    for (String user : new String[] {"officer-bca", "manager", "reviewer-vpcp"}) {
      HttpResponse<String> response = Http.call(port, "GET", PATH, user, null, null);
      assertThat(response.statusCode()).as(user).isEqualTo(403);
      assertThat(response.headers().firstValue("WWW-Authenticate")).as(user).isEmpty();
      assertThat(response.body()).as(user).contains("\"status\":403", "camunda-admin").doesNotContain("camunda_job");
    }
  }

  @Test
  void healthAndItsProbesStayOpen() throws Exception {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      assertThat(Http.call(port, "GET", path, null, null, null).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void anAdministratorScrapesWithBasicCredentials() throws Exception {
    HttpResponse<String> response = Http.call(port, "GET", PATH, "admin", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    Scrape scrape = new Scrape(response.body());
    for (String counter : new String[] {"camunda_job_acquisition_attempt_total", "camunda_job_acquired_success_total",
        "camunda_job_acquired_failure_total", "camunda_job_execution_rejected_total", "camunda_job_successful_total",
        "camunda_job_failed_total", "camunda_root_process_instance_start_total", "camunda_activity_instance_start_total",
        "dt_jobs_due"}) {
      assertThat(scrape.value(counter)).as(counter).isPresent();
    }
    for (String process : new String[] {"directive", "notice", "noticeItem", "reviewCycle", "statusSnapshot"}) {
      for (String gauge : new String[] {"dt_process_instances", "dt_tasks_open", "dt_incidents_open"}) {
        assertThat(scrape.value(gauge, Map.of("process", process))).as(gauge + " " + process).isPresent();
      }
    }
    assertThat(scrape.value("hikaricp_connections_max")).isPresent();
    assertThat(scrape.value("hikaricp_connections")).isPresent();
    assertThat(response.body()).contains("# TYPE camunda_job_successful_total counter",
        "# TYPE dt_process_instances gauge");
  }

  @Test
  void aNoticeWithTwoItemsRaisesTheDirectiveCountsByTwoAndItsJobsAreCounted() throws Exception {
    Scrape before = scrape();
    double directives = before.value("dt_process_instances", Map.of("process", "directive")).orElseThrow();
    double tasks = before.value("dt_tasks_open", Map.of("process", "directive")).orElseThrow();
    double succeeded = before.value("camunda_job_successful_total").orElseThrow();
    double rootStarts = before.value("camunda_root_process_instance_start_total").orElseThrow();

    String number = "M" + UUID.randomUUID().toString().substring(0, 8) + "/TB-VPCP";
    HttpResponse<String> imported = Http.call(port, "POST", "/api/notices", "reviewer-vpcp", "application/yaml",
        noticeWithTwoItems(number));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    ProcessInstance notice = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice")
        .processInstanceBusinessKey(number).singleResult();
    int executed = NoticeJobs.run(engine, notice);
    assertThat(executed).isPositive();

    // the counts are at most COUNT_INTERVAL old: the next ones show both directives and their first tasks
    Scrape after = scrapeUntil(scrape -> scrape.valueOrZero("dt_process_instances", Map.of("process", "directive"))
        == directives + 2);
    assertThat(after.value("dt_tasks_open", Map.of("process", "directive"))).hasValue(tasks + 2);
    assertThat(after.value("dt_process_instances", Map.of("process", "directive"))).hasValue(
        (double) engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive").count());
    assertThat(after.value("dt_tasks_open", Map.of("process", "directive"))).hasValue(
        (double) engine.getTaskService().createTaskQuery().processDefinitionKey("directive").count());
    // the engine's counters are read from memory, on every scrape
    assertThat(after.value("camunda_job_successful_total")).hasValue(succeeded + executed);
    assertThat(after.value("camunda_root_process_instance_start_total")).hasValue(rootStarts + 1);
  }

  @Test
  void dueJobsAreTheJobsAJobExecutorCouldTakeNow() throws Exception {
    long executable = engine.getManagementService().createJobQuery().executable().active().count();
    Scrape scrape = scrapeUntil(s -> s.valueOrZero("dt_jobs_due", Map.of()) == executable);
    assertThat(scrape.value("dt_jobs_due")).hasValue((double) executable);
  }

  @Test
  void requestsAreTimedByAreaWithoutPathsInTheTags() throws Exception {
    Map<String, String> engineRest = Map.of("area", "engine-rest", "method", "GET", "status", "2xx");
    Map<String, String> api = Map.of("area", "api", "method", "GET", "status", "2xx");
    Map<String, String> refusedApi = Map.of("area", "api", "method", "GET", "status", "4xx");
    Scrape before = scrape();

    assertThat(Http.call(port, "GET", "/engine-rest/task?maxResults=1", "manager", null, null).statusCode())
        .isEqualTo(200);
    assertThat(Http.call(port, "GET", "/engine-rest/process-definition/key/directive", "manager", null, null)
        .statusCode()).isEqualTo(200);
    assertThat(Http.call(port, "GET", "/api/reports/viewer", "manager", null, null).statusCode()).isEqualTo(200);
    assertThat(Http.call(port, "GET", "/api/reports/viewer", null, null, null).statusCode()).isEqualTo(401);
    Http.call(port, "GET", "/camunda/api/admin/auth/user/default", null, null, null);

    Scrape after = scrape();
    String count = RequestTimingFilter.METER.replace('.', '_') + "_seconds_count";
    assertThat(after.valueOrZero(count, engineRest)).isEqualTo(before.valueOrZero(count, engineRest) + 2);
    assertThat(after.valueOrZero(count, api)).isEqualTo(before.valueOrZero(count, api) + 1);
    assertThat(after.valueOrZero(count, refusedApi)).isEqualTo(before.valueOrZero(count, refusedApi) + 1);
    assertThat(after.value(count, Map.of("area", "webapp-api", "method", "GET"))).isPresent();
    assertThat(after.text()).doesNotContain("dt_http_requests_seconds_count{uri", "process-definition/key");
  }

  // ------------------------------------------------------------------ helpers

  private Scrape scrape() throws Exception {
    HttpResponse<String> response = Http.call(port, "GET", PATH, "admin", null, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new Scrape(response.body());
  }

  /** Scrapes until the condition holds (the counts are refreshed once the interval has passed), for at most 15 s. */
  private Scrape scrapeUntil(Predicate<Scrape> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    Scrape scrape = scrape();
    while (!condition.test(scrape)) {
      assertThat(System.nanoTime()).as("condition not met by the scrapes within 15 s; last:\n" + scrape.text())
          .isLessThan(deadline);
      Thread.sleep(200);
      scrape = scrape();
    }
    return scrape;
  }

  private static String noticeWithTwoItems(String number) {
    return """
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
          - ref: "2"
            text: "Bộ Y tế kết nối dữ liệu khám chữa bệnh."
            lead: BYT
            deadline: {kind: DATE, date: 2027-06-30, phrase: "Hoàn thành trước ngày 30 tháng 6 năm 2027"}
        """.formatted(number);
  }
}
