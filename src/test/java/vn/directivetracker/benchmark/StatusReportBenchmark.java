package vn.directivetracker.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.notice.NoticeImporter;
import vn.directivetracker.notice.NoticeValidator;
import vn.directivetracker.notice.Registrar;
import vn.directivetracker.lifecycle.DirectiveStatus;
import vn.directivetracker.reporting.DirectiveFilter;
import vn.directivetracker.reporting.ReportQuery;
import vn.directivetracker.reporting.StatusExports;
import vn.directivetracker.reporting.StatusReport;
import vn.directivetracker.reporting.StatusReports;
import vn.directivetracker.reporting.StatusSnapshot;
import vn.directivetracker.reporting.StatusSnapshots;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * Loads 10 000 directives through the real engine on PostgreSQL (a synthetic notice fanned out
 * as imports do), moves part of them along (confirmed, acknowledged, completed on time and late;
 * past deadlines make others overdue), then prints p50/p95 of the all-agency status query, one
 * agency's directive list and the XLSX export of everything, in the service and over HTTP.
 * Prints figures, asserts nothing about speed. Run: {@code ./mvnw -Pbenchmark test -Dtest=StatusReportBenchmark}.
 *
 * <p>{@code -Dbenchmark.scaleTo=100000} then copies the read model's rows (new process instance ids
 * and business keys, the same facts under other notice numbers) until dt_directive_state holds that
 * many, and measures the same: reports read only the read model, so this measures them at that
 * scale without hours of engine load.
 */
@Tag("benchmark")
class StatusReportBenchmark {

  private static final int DIRECTIVES = 10_000;
  private static final int RUNS = 40;
  private static final int WARM_UP = 15;
  private static final String AGENCY = "BCA";
  /** A search that matches part of the directives ("Nhiệm vụ tổng hợp số 12…"), typed with diacritics. */
  private static final String SEARCH = "tổng hợp số 12";
  /** Fewer runs for the files: each takes seconds at scale. */
  private static final int FILE_RUNS = 10;
  private static final int FILE_WARM_UP = 3;

  @Test
  void statusQueriesAndExportsOverTenThousandDirectives() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.create();
        ConfigurableApplicationContext app = AppInstance.startWithJobExecutor("postgres", AppInstance.postgres(database))) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);

      long started = System.nanoTime();
      ObjectNode notice = (ObjectNode) NoticeImportBenchmark.syntheticNotice("BENCH/TB-VPCP");
      // a third of the dated items were due before today: they turn overdue, or are completed late
      ArrayNode items = (ArrayNode) notice.get("items");
      for (int i = 0; i < items.size(); i++) {
        ObjectNode deadline = (ObjectNode) items.get(i).get("deadline");
        if ("DATE".equals(deadline.path("kind").asText()) && i % 3 == 1) {
          deadline.put("date", "2026-0" + (1 + i % 9) + "-15");
        }
      }
      app.getBean(NoticeImporter.class).importNotice(app.getBean(NoticeValidator.class).validate(notice),
          Registrar.system("benchmark"));
      waitForTasks(engine, "Task_ConfirmAssignment", DIRECTIVES);
      double loadSeconds = seconds(started);

      long moving = System.nanoTime();
      TaskService tasks = engine.getTaskService();
      int confirmed = completeEvery(engine, "Task_ConfirmAssignment", 2, task -> tasks.complete(task.getId()));
      waitForTasks(engine, "Task_AcknowledgeDirective", confirmed);
      waitForIdleJobExecutor(engine);
      // a moment with some directives confirmed and none acknowledged: the "as of a past moment" query
      Instant midway = Instant.now();
      Thread.sleep(1_000);
      int acknowledged = completeEvery(engine, "Task_AcknowledgeDirective", 1, task -> tasks.complete(task.getId(), Map.of(
          "responsibleUnit", "Văn phòng bộ", "responsiblePerson", "Nguyễn Văn An", "plan", "Theo kế hoạch")));
      String today = LocalDate.now(WorkingDayCalendar.ZONE).toString();
      int submitted = completeEvery(engine, "Task_SubmitCompletionReport", 3, task -> tasks.complete(task.getId(), Map.of(
          "resultSummary", "Đã hoàn thành", "resultDocumentNumber", "12/BC", "resultDocumentDate", today,
          "evidenceLinks", "https://vanban.chinhphu.vn/12")));
      int accepted = completeEvery(engine, "Task_ReviewCompletionReport", 1, task -> {
        engine.getIdentityService().setAuthentication("reviewer-vpcp", List.of("VPCP", "reviewers"));
        try {
          tasks.complete(task.getId(), Map.of("reviewDecision", "accept"));
        } finally {
          engine.getIdentityService().clearAuthentication();
        }
      });
      double moveSeconds = seconds(moving);
      // overdue directives' reminders and escalations run first: measure a quiet server, as at night
      long settling = System.nanoTime();
      waitForIdleJobExecutor(engine);
      double settleSeconds = seconds(settling);

      StatusReports reports = app.getBean(StatusReports.class);
      StatusExports exports = app.getBean(StatusExports.class);
      int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
      int scaleTo = Integer.getInteger("benchmark.scaleTo", 0);
      String copied = "";
      if (scaleTo > DIRECTIVES) {
        long copying = System.nanoTime();
        int rows = scaleReadModel(app.getBean(JdbcTemplate.class), scaleTo);
        copied = String.format("; read model copied up to %,d rows in %.1f s (vacuum analyze included)", rows,
            seconds(copying));
      }
      StatusReport all = reports.report(ReportQuery.everything(null));

      System.out.printf("%nBENCHMARK status reports on PostgreSQL, %,d directives (2 cores)%n", all.totals().total());
      System.out.printf("  loaded through the engine in %.1f s; moved along in %.1f s (%d confirmed, %d acknowledged,"
          + " %d submitted, %d accepted); timers and escalations settled in %.1f s more%s%n", loadSeconds, moveSeconds,
          confirmed, acknowledged, submitted, accepted, settleSeconds, copied);
      System.out.printf("  statuses: %s%n", all.totals());
      System.out.printf("  directives whose deadline took another value (looked up as of a past moment): %,d%n",
          app.getBean(JdbcTemplate.class).queryForObject(
              "select count(*) from dt_directive_state where deadline_moved", Integer.class));
      measure("status report, all agencies, as of now (service, first page)",
          () -> reports.report(ReportQuery.everything(null)));
      measure("status report, all agencies, as of a past moment (service)",
          () -> reports.report(ReportQuery.everything(midway)));
      measure("one agency's report (service, " + AGENCY + ")",
          () -> reports.report(new ReportQuery(null, AGENCY, null, null)));
      DirectiveFilter search = new DirectiveFilter(null, SEARCH, 0, DirectiveFilter.DEFAULT_LIMIT);
      System.out.printf("  search \"%s\" matches %,d directives%n", SEARCH,
          reports.report(ReportQuery.everything(null), null, search).directivesTotal());
      measure("a page of a search (service, q=" + SEARCH + ")",
          () -> reports.report(ReportQuery.everything(null), null, search));
      measure("page 50 of the overdue (service, status=OVERDUE, offset=5000)",
          () -> reports.report(ReportQuery.everything(null), null, new DirectiveFilter(DirectiveStatus.OVERDUE, null, 5000, 100)));
      measure("XLSX of everything (aggregates + streamed rows + workbook)", FILE_WARM_UP, FILE_RUNS,
          () -> exports.writeXlsx(aggregates(reports), rows(reports), OutputStream.nullOutputStream()));
      measure("CSV of everything (aggregates + streamed rows)", FILE_WARM_UP, FILE_RUNS,
          () -> exports.writeCsv(rows(reports), OutputStream.nullOutputStream()));
      measure("GET /api/reports/status (JSON, all agencies)", () -> http(port, "/api/reports/status"));
      measure("GET /api/reports/status?agency=" + AGENCY, () -> http(port, "/api/reports/status?agency=" + AGENCY));
      measure("GET /api/reports/status?q=" + SEARCH, () -> http(port, "/api/reports/status?q="
          + java.net.URLEncoder.encode(SEARCH, UTF_8)));
      measure("GET /api/reports/status.xlsx (everything)", FILE_WARM_UP, FILE_RUNS,
          () -> http(port, "/api/reports/status.xlsx"));
      measure("GET /api/reports/status.csv (everything)", FILE_WARM_UP, FILE_RUNS,
          () -> http(port, "/api/reports/status.csv"));

      ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
      exports.writeXlsx(aggregates(reports), rows(reports), xlsx);
      System.out.printf("  XLSX of everything: %,d bytes; JSON (first page): %,d bytes%n", xlsx.size(),
          http(port, "/api/reports/status").length);
      // the next cut-off: stop the job executor (the moved clock would fire a month of timers), then freeze it
      ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getJobExecutor().shutdown();
      StatusSnapshots snapshots = app.getBean(StatusSnapshots.class);
      YearMonth next = snapshots.periodEndingBy(LocalDate.now(WorkingDayCalendar.ZONE)).plusMonths(1);
      ClockUtil.setCurrentTime(java.util.Date.from(next.atDay(15).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
      long freezing = System.nanoTime();
      StatusSnapshot frozen = snapshots.freeze(next);
      System.out.printf("  freezing the %s snapshot (%d directives): %.2f s%n", next, frozen.directiveCount(), seconds(freezing));
      String period = next.toString();
      measure("status report from the snapshot (service)", () -> reports.report(new ReportQuery(null, null, null, period)));
      measure("a page of a search in the snapshot (service)",
          () -> reports.report(new ReportQuery(null, null, null, period), null, search));
      System.out.printf("  heap after GC: %s%n", heapAfterGc());
      System.out.println();
    } finally {
      ClockUtil.reset();
    }
  }

  /** The report's aggregates without rows, as the exports ask for them. */
  private static StatusReport aggregates(StatusReports reports) {
    return reports.report(ReportQuery.everything(null), null, DirectiveFilter.firstPage().aggregatesOnly());
  }

  private static StatusExports.Rows rows(StatusReports reports) {
    StatusReport report = aggregates(reports);
    return each -> reports.forEachRow(report, null, DirectiveFilter.firstPage(), each);
  }

  /**
   * Copies the read model's rows (and the deadline history of those that moved) under new process
   * instance ids, business keys and notice numbers until it holds {@code target} rows; returns the
   * rows it then holds.
   */
  static int scaleReadModel(JdbcTemplate jdbc, int target) {
    String columns = "notice_number, item_ref, directive_text, lead_agency, lead_agency_name, coordinating_agencies,"
        + " standing_office, key_task, deadline_kind, deadline_phrase, stated_deadline, original_deadline, deadline,"
        + " started_at, acknowledged_at, completion_submitted_at, completed_at, closed_at, ended_at, cancelled,"
        + " last_monthly_report_at, last_monthly_report, updated_at, due_at, item_order, deadline_moved";
    int originals = jdbc.queryForObject("select count(*) from dt_directive_state", Integer.class);
    for (int copy = 1; ; copy++) {
      int rows = jdbc.queryForObject("select count(*) from dt_directive_state", Integer.class);
      if (rows >= target) {
        break;
      }
      // "copy" cannot begin an engine id (hexadecimal UUIDs)
      String prefix = "copy" + copy + ":";
      String shifted = "replace(notice_number, 'BENCH', 'BENCH" + copy + "')";
      jdbc.update("insert into dt_notice (number, issuer, standing_office, title, issued_on, meeting_on, chair,"
          + " implements_plan, note, process_instance, imported_at, imported_by) select replace(number, 'BENCH', 'BENCH"
          + copy + "'), issuer, standing_office, title, issued_on, meeting_on, chair, implements_plan, note,"
          + " process_instance, imported_at, imported_by from dt_notice where number like 'BENCH/%'");
      jdbc.update("insert into dt_directive_state (process_instance_id, business_key, search_text, " + columns + ")"
          + " select '" + prefix + "' || process_instance_id, replace(business_key, 'BENCH', 'BENCH" + copy + "'),"
          + " replace(search_text, 'bench/', 'bench" + copy + "/'), "
          + columns.replace("notice_number,", shifted + ",")
          + " from dt_directive_state where process_instance_id not like 'copy%' order by process_instance_id limit "
          + Math.min(originals, target - rows));
      jdbc.update("insert into dt_directive_deadline (process_instance_id, effective_from, deadline)"
          + " select '" + prefix + "' || d.process_instance_id, d.effective_from, d.deadline from dt_directive_deadline d"
          + " join dt_directive_state s on s.process_instance_id = '" + prefix + "' || d.process_instance_id");
    }
    // what an autovacuum would have done by the time such a table is read; outside a transaction
    jdbc.execute("vacuum analyze dt_directive_state");
    jdbc.execute("vacuum analyze dt_directive_deadline");
    return jdbc.queryForObject("select count(*) from dt_directive_state", Integer.class);
  }

  private static String heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    return String.format("%,d MiB used of %,d MiB max", used >> 20, runtime.maxMemory() >> 20);
  }

  private static byte[] http(int port, String path) throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + new String(response.body(), UTF_8));
    }
    return response.body();
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void measure(String what, Action action) throws Exception {
    measure(what, WARM_UP, RUNS, action);
  }

  private static void measure(String what, int warmUp, int runs, Action action) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      action.run();
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      action.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf("  %-62s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d runs)%n", what,
        millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1], millis[runs - 1], runs);
  }

  /** Completes every n-th open task of a kind, on two threads; returns how many. */
  private static int completeEvery(ProcessEngine engine, String key, int every, Consumer<Task> complete) throws Exception {
    List<Task> open = engine.getTaskService().createTaskQuery().taskDefinitionKey(key).orderByTaskId().asc().list();
    List<Task> chosen = new ArrayList<>();
    for (int i = 0; i < open.size(); i += every) {
      chosen.add(open.get(i));
    }
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Task task : chosen) {
        done.add(workers.submit(() -> completeRetrying(complete, task)));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      workers.shutdown();
    }
    return chosen.size();
  }

  /** As an officer would: a step that met a timer firing on the same directive is tried again. */
  static void completeRetrying(Consumer<Task> complete, Task task) {
    for (int attempt = 1; ; attempt++) {
      try {
        complete.accept(task);
        return;
      } catch (OptimisticLockingException e) {
        if (attempt == 10) {
          throw e;
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextInt(20, 100 * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static void waitForIdleJobExecutor(ProcessEngine engine) throws InterruptedException {
    long since = System.nanoTime();
    while (engine.getManagementService().createJobQuery().executable().count() > 0) {
      Thread.sleep(500);
      if (seconds(since) > 1_800) {
        throw new IllegalStateException("gave up after 30 min waiting for the job executor to settle");
      }
    }
  }

  private static void waitForTasks(ProcessEngine engine, String key, int count) throws InterruptedException {
    long since = System.nanoTime();
    while (engine.getTaskService().createTaskQuery().taskDefinitionKey(key).count() < count) {
      Thread.sleep(250);
      if (seconds(since) > 1_800) {
        throw new IllegalStateException("gave up after 30 min waiting for " + count + " " + key + " tasks");
      }
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
