package vn.directivetracker.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * What several nodes must never break, checked by SQL on the shared database: every directive's
 * business key once, as many directives as the notice fans out to, no incident, the read model's
 * rows the engine's directives; and who ran the jobs (the job log's host name, one per node).
 */
final class ClusterChecks {

  /** Items of the test notice: 4 to all 34 provincial committees, 2 to the 17 ministries, the rest to one lead. */
  static final int ITEMS = 150;
  static final int PROVINCE_ITEMS = 4;
  static final int MINISTRY_ITEMS = 2;
  static final int DIRECTIVES = directivesFor(ITEMS);
  static final String MONTHLY_TIMER = "StartEvent_MonthlyReportDue";
  private static final String[] LEADS = {"BCA", "BKHCN", "BTC", "BTP", "BYT", "BXD", "BCT", "BNV", "VPCP", "BCYCP"};

  private final PostgresTestDatabase database;

  ClusterChecks(PostgresTestDatabase database) {
    this.database = database;
  }

  /** A notice of {@link #ITEMS} items fanning out to {@link #DIRECTIVES} directives, as the benchmarks build them. */
  static JsonNode notice(String number) {
    return notice(number, ITEMS);
  }

  /** Directives a notice of this many items fans out to (at least {@code PROVINCE_ITEMS + MINISTRY_ITEMS} items). */
  static int directivesFor(int itemCount) {
    return PROVINCE_ITEMS * 34 + MINISTRY_ITEMS * 17 + (itemCount - PROVINCE_ITEMS - MINISTRY_ITEMS);
  }

  /** A notice of this many items fanning out to {@link #directivesFor} directives. */
  static JsonNode notice(String number, int itemCount) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode notice = mapper.createObjectNode();
    notice.put("number", number).put("issuer", "VPCP").put("standingOffice", "VPCP")
        .put("title", "Thông báo thử nghiệm chạy trên nhiều nút").put("issuedOn", "2026-11-20");
    ArrayNode items = notice.putArray("items");
    for (int i = 1; i <= itemCount; i++) {
      ObjectNode item = items.addObject();
      item.put("ref", (i / 10 + 1) + "." + "abcdeghikl".charAt(i % 10) + "." + i);
      item.put("text", "Nhiệm vụ thử nghiệm số " + i + ".");
      if (i <= PROVINCE_ITEMS) {
        item.put("leadClass", "PROVINCIAL_PEOPLES_COMMITTEES");
      } else if (i <= PROVINCE_ITEMS + MINISTRY_ITEMS) {
        item.put("leadClass", "MINISTRIES_AND_MINISTERIAL_AGENCIES");
      } else {
        item.put("lead", LEADS[i % LEADS.length]);
      }
      ObjectNode deadline = item.putObject("deadline");
      if (i % 3 == 0) {
        deadline.put("kind", "ONGOING");
      } else {
        deadline.put("kind", "DATE").put("date", "2027-0" + (1 + i % 9) + "-15").put("phrase", "Hoàn thành trong quý");
      }
    }
    return notice;
  }

  long number(String sql) throws SQLException {
    try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  long directives() throws SQLException {
    return number("select count(*) from act_hi_procinst where proc_def_key_ = 'directive'");
  }

  /** Async continuations of the fan-out (notice and item instances) still to run. */
  long fanOutJobs() throws SQLException {
    return number("select count(*) from act_ru_job where type_ = 'message' and process_def_key_ in ('notice', 'noticeItem')");
  }

  /** Waits until the notice's directives all exist and no fan-out job is left; returns seconds waited. */
  double awaitFanOut(long expected, long since, int timeoutSeconds) throws Exception {
    while (directives() < expected || fanOutJobs() > 0) {
      if (seconds(since) > timeoutSeconds) {
        throw new AssertionError("fan-out not done after " + timeoutSeconds + " s: " + directives() + " of " + expected
            + " directives, " + fanOutJobs() + " fan-out jobs left");
      }
      Thread.sleep(250);
    }
    return seconds(since);
  }

  /** Every business key once, the expected number of directives, no incident, the read model equal to the engine. */
  void assertExactlyOnce(long expectedDirectives) throws SQLException {
    assertThat(directives()).as("directive instances").isEqualTo(expectedDirectives);
    assertThat(number("select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = 'directive'"
        + " group by business_key_ having count(*) > 1) d")).as("business keys started more than once").isZero();
    assertThat(number("select count(*) from act_ru_incident")).as("incidents").isZero();
    assertThat(number("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2"
        + " group by job_id_ having count(*) > 1) j")).as("jobs that succeeded twice").isZero();
    assertThat(rows("select p.id_ || ' ' || p.business_key_ from act_ru_execution p join act_re_procdef d on d.id_ = p.proc_def_id_"
        + " where p.id_ = p.proc_inst_id_ and d.key_ = 'directive'"))
        .as("read model rows = running directives").isEqualTo(rows("select process_instance_id || ' ' || business_key from dt_directive_state"));
  }

  private Set<String> rows(String sql) throws SQLException {
    Set<String> rows = new HashSet<>();
    try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }

  /** Successful jobs of the given processes per node (the job log's host name). */
  Map<String, Long> jobsPerNode(String... processKeys) throws SQLException {
    Map<String, Long> perNode = new LinkedHashMap<>();
    try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
        "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and process_def_key_ = any (?)"
            + " group by hostname_ order by hostname_")) {
      s.setArray(1, c.createArrayOf("varchar", processKeys));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          perNode.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return perNode;
  }

  /** Jobs locked now (by any node). */
  long lockedJobs() throws SQLException {
    try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
        "select count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ > ?")) {
      s.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Failed job attempts (optimistic-locking collisions among them), for the log. */
  long failedAttempts() throws SQLException {
    return number("select count(*) from act_hi_job_log where job_state_ = 1");
  }

  /** Makes every monthly report timer due now (the month-end storm); returns how many. */
  int makeMonthlyTimersDue() throws SQLException {
    try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
        "update act_ru_job set duedate_ = ? where type_ = 'timer' and duedate_ > ?"
            + " and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = '" + MONTHLY_TIMER + "')")) {
      // the JVM's zone, as the engine writes due dates
      Timestamp now = new Timestamp(System.currentTimeMillis() - 1_000);
      s.setTimestamp(1, now);
      s.setTimestamp(2, now);
      return s.executeUpdate();
    }
  }

  long dueMonthlyTimers() throws SQLException {
    try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
        "select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= ?"
            + " and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = '" + MONTHLY_TIMER + "')")) {
      s.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Each fired monthly timer opened exactly one report task in its directive: one per directive, as many as fired. */
  void assertMonthlyTimersFiredOnce(long fired) throws SQLException {
    assertThat(number("select count(*) from act_ru_task where task_def_key_ = 'Task_SubmitMonthlyReport'"))
        .as("monthly report tasks").isEqualTo(fired);
    assertThat(number("select count(*) from (select proc_inst_id_ from act_ru_task where task_def_key_ = 'Task_SubmitMonthlyReport'"
        + " group by proc_inst_id_ having count(*) > 1) t")).as("directives with two monthly report tasks").isZero();
    assertThat(number("select count(*) from act_hi_actinst where act_id_ = '" + MONTHLY_TIMER + "'"))
        .as("monthly timer events in history").isEqualTo(fired);
    assertThat(number("select count(*) from act_ru_incident")).as("incidents").isZero();
  }

  /**
   * Confirms and acknowledges every directive (the engines taking turns), which sets each directive's
   * monthly report timer; returns how many monthly report timers there are.
   */
  long confirmAndAcknowledgeAll(List<ProcessEngine> engines) throws Exception {
    completeAll(engines, "Task_ConfirmAssignment", Map.of());
    completeAll(engines, "Task_AcknowledgeDirective", Map.of("responsibleUnit", "Văn phòng",
        "responsiblePerson", "Nguyễn Văn An", "plan", "Triển khai theo kế hoạch năm"));
    return number("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
        + " where d.act_id_ = '" + MONTHLY_TIMER + "'");
  }

  /** Completes every open task of a kind and waits until none is open and no async step is left. */
  private void completeAll(List<ProcessEngine> engines, String taskKey, Map<String, Object> variables) throws Exception {
    long since = System.nanoTime();
    while (seconds(since) < 180) {
      List<Task> open = engines.get(0).getTaskService().createTaskQuery().taskDefinitionKey(taskKey).list();
      if (open.isEmpty() && number("select count(*) from act_ru_job where type_ = 'message'") == 0) {
        return;
      }
      for (int i = 0; i < open.size(); i++) {
        TaskService tasks = engines.get(i % engines.size()).getTaskService();
        try {
          tasks.complete(open.get(i).getId(), variables);
        } catch (OptimisticLockingException | NullValueException collidedOrGone) {
          // a job of the same directive ran meanwhile; the next round completes it
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError(taskKey + " still open after 180 s");
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
