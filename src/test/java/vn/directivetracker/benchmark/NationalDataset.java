package vn.directivetracker.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.notice.NoticeDocument;
import vn.directivetracker.notice.NoticeFanOut;
import vn.directivetracker.notice.NoticeImporter;
import vn.directivetracker.notice.NoticeRepository;
import vn.directivetracker.notice.NoticeValidator;
import vn.directivetracker.notice.Registrar;
import vn.directivetracker.reporting.StatusSnapshots;

/**
 * Builds a realistic year of directives through the real application, phase by phase, each phase
 * recorded in the database's marker table so an interrupted build resumes after its last finished
 * phase. Everything goes through the engine API as the system (no authenticated user).
 *
 * <p>Notices of 1 000 items fan out to 10 000 directives each: a quarter of the items address every
 * provincial People's Committee (34 directives each), some every ministry (17), the rest one lead
 * agency, every tenth with coordinators. Nine notices are the Government's (standing office VPCP),
 * every tenth the Central Steering Committee's (VPTWD, addressed to the provincial Party committees).
 * A third of the items are ongoing duties; of the dated ones, three in eight were due in the past.
 */
final class NationalDataset {

  static final int DIRECTIVES_PER_NOTICE = 10_000;
  private static final String[] LEADS = {"BCA", "BKHCN", "BTC", "BTP", "BYT", "BXD", "BCT", "BNV", "VPCP", "BCYCP"};
  private static final int THREADS = 4;
  /** Shares of the open tasks moved on (percent, chosen by a hash of the instance id so they spread over agencies). */
  static final int CONFIRMED = 88;
  static final int ACKNOWLEDGED = 90;
  static final int SUBMITTED = 20;
  static final int ACCEPTED = 85;
  static final int MONTHLY_SUBMITTED = 40;
  static final String MONTHLY_TIMER = "StartEvent_MonthlyReportDue";

  private final ConfigurableApplicationContext app;
  private final ProcessEngine engine;
  private final BenchDatabase database;
  private final int target;

  NationalDataset(ConfigurableApplicationContext app, BenchDatabase database, int target) {
    this.app = app;
    this.engine = app.getBean(ProcessEngine.class);
    this.database = database;
    this.target = target;
  }

  /** The notices of the dataset: ten per 100 000 directives, the last one smaller when needed. */
  static List<JsonNode> notices(int directives) {
    List<JsonNode> notices = new ArrayList<>();
    for (int k = 0, left = directives; left > 0; k++, left -= DIRECTIVES_PER_NOTICE) {
      notices.add(notice(k, Math.min(left, DIRECTIVES_PER_NOTICE)));
    }
    return notices;
  }

  /** One notice of about {@code directives} directives (10 000: 248 × 34 + 51 × 17 + 701). */
  static JsonNode notice(int k, int directives) {
    boolean party = k % 10 == 9;
    int provinceItems = directives * 248 / DIRECTIVES_PER_NOTICE;
    int ministryItems = directives * 51 / DIRECTIVES_PER_NOTICE;
    int singleItems = directives - provinceItems * 34 - ministryItems * 17;
    ObjectNode notice = new ObjectMapper().createObjectNode();
    String number = String.format("%d/TB-%s-NS", k + 1, party ? "BCDTW" : "VPCP");
    LocalDate issued = LocalDate.of(2025, 12, 1).plusMonths(k % 6).plusDays(k % 20);
    notice.put("number", number).put("issuer", party ? "BCDTW" : "VPCP").put("standingOffice", party ? "VPTWD" : "VPCP")
        .put("title", "Thông báo kết luận số " + (k + 1) + " (dữ liệu đo hiệu năng cấp quốc gia)")
        .put("issuedOn", issued.toString());
    ArrayNode items = notice.putArray("items");
    int total = provinceItems + ministryItems + singleItems;
    for (int i = 1; i <= total; i++) {
      ObjectNode item = items.addObject();
      item.put("ref", (i / 10 + 1) + "." + "abcdeghikl".charAt(i % 10) + "." + i);
      item.put("text", "Nhiệm vụ số " + i + " của thông báo " + number + ": triển khai chuyển đổi số, cải cách thủ tục"
          + " hành chính và báo cáo kết quả.");
      // classes spread through the notice, as real notices mix them
      if (i % 4 == 0 && provinceItems-- > 0) {
        item.put("leadClass", party ? "PROVINCIAL_PARTY_COMMITTEES" : "PROVINCIAL_PEOPLES_COMMITTEES");
      } else if (i % 4 == 1 && ministryItems-- > 0) {
        item.put("leadClass", "MINISTRIES_AND_MINISTERIAL_AGENCIES");
      } else if (singleItems-- > 0) {
        String lead = LEADS[i % LEADS.length];
        item.put("lead", lead);
        if (i % 10 == 3) {
          item.putArray("coordinators").add(LEADS[(i + 3) % LEADS.length]).add(LEADS[(i + 5) % LEADS.length]);
        }
      } else if (provinceItems-- > 0) {
        item.put("leadClass", party ? "PROVINCIAL_PARTY_COMMITTEES" : "PROVINCIAL_PEOPLES_COMMITTEES");
      } else {
        ministryItems--;
        item.put("leadClass", "MINISTRIES_AND_MINISTERIAL_AGENCIES");
      }
      ObjectNode deadline = item.putObject("deadline");
      if (i % 3 == 0) {
        deadline.put("kind", "ONGOING");
      } else if (i % 8 < 3) {
        // due in the past: overdue and escalated, or completed late
        String date = i % 8 == 2 ? "2026-10-15" : "2026-0" + (7 + i % 3) + "-15";
        deadline.put("kind", "DATE").put("date", date).put("phrase", "Hoàn thành trước ngày " + date);
      } else {
        String date = "2027-0" + (1 + i % 9) + "-15";
        deadline.put("kind", "DATE").put("date", date).put("phrase", "Hoàn thành trước ngày " + date);
      }
      item.put("keyTask", i % 5 == 0);
    }
    return notice;
  }

  /**
   * Runs the phases the marker table does not list as finished; returns the directive count. Analyzes
   * the database every five minutes meanwhile, as autovacuum would (CI's server runs without it, and a
   * never-analyzed table gets plans for an empty one).
   */
  int build(Figures figures) throws Exception {
    ScheduledExecutorService analyzer = Executors.newSingleThreadScheduledExecutor();
    analyzer.scheduleWithFixedDelay(() -> {
      try {
        database.sql("analyze");
      } catch (Exception e) {
        System.out.println("  analyze failed: " + e.getMessage());
      }
    }, 1, 5, TimeUnit.MINUTES);
    try {
      return buildPhases(figures);
    } finally {
      analyzer.shutdownNow();
    }
  }

  private int buildPhases(Figures figures) throws Exception {
    var done = database.phases();
    List<NoticeDocument> notices = new ArrayList<>();
    int directives = 0;
    for (JsonNode json : notices(target)) {
      NoticeDocument notice = app.getBean(NoticeValidator.class).validate(json);
      notices.add(notice);
      directives += app.getBean(NoticeFanOut.class).expand(notice).size();
    }
    System.out.printf("%nBUILD %s: %d notices, %d directives; phases finished before: %s%n", database.name,
        notices.size(), directives, done.keySet());
    final int total = directives;
    TaskService tasks = engine.getTaskService();
    String today = LocalDate.now(WorkingDayCalendar.ZONE).toString();

    phase("import and fan-out to the first task", directives, done, figures, () -> {
      NoticeRepository repository = app.getBean(NoticeRepository.class);
      for (NoticeDocument notice : notices) {
        if (!repository.exists(notice.number())) {
          app.getBean(NoticeImporter.class).importNotice(notice, Registrar.system("benchmark"));
        }
      }
      return waitForDirectives(notices.size(), total);
    });
    phase("confirm assignments (" + CONFIRMED + "%)", directives, done, figures, () -> {
      int n = completeShare("Task_ConfirmAssignment", CONFIRMED, task -> tasks.complete(task.getId()));
      waitForIdleJobExecutor();
      return n + " confirmed";
    });
    phase("acknowledge (" + ACKNOWLEDGED + "% of the confirmed)", directives, done, figures, () -> {
      int n = completeShare("Task_AcknowledgeDirective", ACKNOWLEDGED, task -> tasks.complete(task.getId(), Map.of(
          "responsibleUnit", "Văn phòng", "responsiblePerson", "Nguyễn Văn An", "plan", "Triển khai theo kế hoạch năm")));
      return n + " acknowledged";
    });
    phase("past deadlines: reminders, overdue and escalation timers drained", directives, done, figures, () -> {
      waitForIdleJobExecutor();
      return engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_FollowUpOverdueDirective").count()
          + " follow-ups, " + engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_DirectOverdueDirective")
          .count() + " leadership tasks";
    });
    phase("completion reports submitted (" + SUBMITTED + "%) and accepted (" + ACCEPTED + "%)", directives, done,
        figures, () -> {
          int submitted = completeShare("Task_SubmitCompletionReport", SUBMITTED, task -> tasks.complete(task.getId(),
              Map.of("resultSummary", "Đã hoàn thành nhiệm vụ", "resultDocumentNumber", "12/BC", "resultDocumentDate",
                  today, "evidenceLinks", "https://vanban.chinhphu.vn/12")));
          int accepted = completeShare("Task_ReviewCompletionReport", ACCEPTED,
              task -> tasks.complete(task.getId(), Map.of("reviewDecision", "accept")));
          waitForIdleJobExecutor();
          return submitted + " submitted, " + accepted + " accepted";
        });
    phase("monthly report timers fired (build's month-end) and " + MONTHLY_SUBMITTED + "% submitted", directives, done,
        figures, () -> {
          long jobs = makeMonthlyTimersDue();
          long storm = System.nanoTime();
          waitForMonthlyTimersFired();
          double stormSeconds = seconds(storm);
          int submitted = completeShare("Task_SubmitMonthlyReport", MONTHLY_SUBMITTED, task -> tasks.complete(task.getId(),
              Map.of("progressSummary", "Đã triển khai các nội dung trong kỳ", "percentComplete", 50)));
          waitForIdleJobExecutor();
          return String.format("%d timers fired in %.0f s (%.0f jobs/s), %d reports submitted", jobs, stormSeconds,
              jobs / stormSeconds, submitted);
        });
    phase("month frozen as a snapshot", directives, done, figures, () -> {
      // the next cut-off: stop the job executor (the moved clock would fire a month of timers), then freeze it
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().shutdown();
      StatusSnapshots snapshots = app.getBean(StatusSnapshots.class);
      YearMonth next = snapshots.periodEndingBy(LocalDate.now(WorkingDayCalendar.ZONE)).plusMonths(1);
      try {
        ClockUtil.setCurrentTime(Date.from(next.atDay(15).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
        return next + ": " + snapshots.freeze(next).directiveCount() + " directives";
      } finally {
        ClockUtil.reset();
      }
    });
    phase("vacuum analyze (what autovacuum would have done during the year)", directives, done, figures, () -> {
      database.sql("vacuum analyze");
      return "done";
    });
    database.markPhase(BenchDatabase.COMPLETE, directives, 0, "dataset complete");
    return directives;
  }

  /** The period the build froze (the one after the last cut-off before the build). */
  static String frozenPeriod(BenchDatabase database) throws Exception {
    try (var c = database.connect(); var s = c.createStatement();
        var row = s.executeQuery("select max(period) from dt_status_snapshot")) {
      row.next();
      return row.getString(1);
    }
  }

  private interface Phase {
    Object run() throws Exception;
  }

  private void phase(String name, int directives, Map<String, Double> done, Figures figures, Phase phase) throws Exception {
    if (done.containsKey(name)) {
      figures.fact("build phase (earlier run) %-75s %8.0f s", name, done.get(name));
      return;
    }
    long start = System.nanoTime();
    System.out.printf("  ... %s%n", name);
    Object detail = phase.run();
    double seconds = seconds(start);
    database.markPhase(name, directives, seconds, String.valueOf(detail));
    figures.fact("build phase %-75s %8.0f s  (%s)", name, seconds, detail);
  }

  private String waitForDirectives(int notices, long total) throws InterruptedException {
    long since = System.nanoTime();
    while (engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("directive").count() < total
        || executableJobs() > 0) {
      Thread.sleep(1_000);
      if (seconds(since) > 6 * 3_600) {
        throw new IllegalStateException("gave up after 6 h waiting for " + total + " directives");
      }
    }
    return String.format("%d notices, %d directives, %.0f directives/s", notices, total, total / seconds(since));
  }

  interface Completion {
    void complete(Task task);
  }

  /** Completes the open tasks of a kind whose instance falls in the share, on several threads; returns how many. */
  int completeShare(String key, int percent, Completion completion) throws Exception {
    List<Task> chosen = new ArrayList<>();
    for (Task task : engine.getTaskService().createTaskQuery().taskDefinitionKey(key).orderByTaskId().asc().list()) {
      if (inShare(task.getProcessInstanceId(), key, percent)) {
        chosen.add(task);
      }
    }
    ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    AtomicInteger completed = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Task task : chosen) {
        futures.add(workers.submit(() -> {
          StatusReportBenchmark.completeRetrying(completion::complete, task);
          int n = completed.incrementAndGet();
          if (n % 5_000 == 0) {
            System.out.printf("      %s: %d of %d (%.0f/s)%n", key, n, chosen.size(), n / seconds(start));
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      workers.shutdown();
    }
    return chosen.size();
  }

  static boolean inShare(String processInstanceId, String salt, int percent) {
    return Math.floorMod((processInstanceId + salt).hashCode(), 100) < percent;
  }

  /** Sets every monthly report timer due now; returns how many. */
  long makeMonthlyTimersDue() throws Exception {
    try (var c = database.connect(); var s = c.createStatement()) {
      return s.executeUpdate("update act_ru_job set duedate_ = now() - interval '1 second' where type_ = 'timer'"
          + " and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = '" + MONTHLY_TIMER + "')"
          + " and duedate_ > now()");
    }
  }

  /** Monthly report timers still due (each fired one is replaced by next month's). */
  long dueMonthlyTimers() throws Exception {
    return database.number("select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= now()"
        + " and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = '" + MONTHLY_TIMER + "')");
  }

  void waitForMonthlyTimersFired() throws Exception {
    long since = System.nanoTime();
    while (dueMonthlyTimers() > 0) {
      Thread.sleep(500);
      if (seconds(since) > 3 * 3_600) {
        throw new IllegalStateException("gave up after 3 h waiting for the monthly timers");
      }
    }
  }

  long executableJobs() {
    return engine.getManagementService().createJobQuery().executable().count();
  }

  void waitForIdleJobExecutor() throws InterruptedException {
    long since = System.nanoTime();
    while (executableJobs() > 0) {
      Thread.sleep(1_000);
      if (seconds(since) > 3 * 3_600) {
        throw new IllegalStateException("gave up after 3 h waiting for the job executor to settle");
      }
    }
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
