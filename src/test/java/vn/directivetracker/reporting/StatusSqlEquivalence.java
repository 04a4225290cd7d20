package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.lifecycle.Dates;
import vn.directivetracker.lifecycle.DirectiveStatus;
import vn.directivetracker.lifecycle.DirectiveStatusCalculator;

/**
 * The status rule in SQL ({@link StatusSql}) gives what the Java rule ({@link StatusReports#rowAt},
 * {@link DirectiveStatusCalculator}) gives: for a grid of facts written into dt_directive_state and
 * a grid of report moments around their boundaries, with extensions counted as on time and not,
 * the same status and days overdue per directive, the same totals, league table, notices and
 * months, and the same exception-first order. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class StatusSqlEquivalence {

  /** The report's "now": moments before it are past (deadline history), this one is not. */
  static final String NOW = "2026-08-01T12:00";
  static final List<String> MOMENTS = List.of("2026-06-01T12:00", "2026-06-02T08:00", "2026-06-20T10:00",
      "2026-06-30T23:00", "2026-06-30T23:59:59", "2026-07-01T00:00", "2026-07-01T00:00:01", "2026-07-01T08:45",
      "2026-07-02T10:00", "2026-07-15T23:59:59", "2026-07-16T00:00", "2026-07-25T09:00", "2026-07-31T23:59:59",
      "2026-08-01T00:00:01", NOW);

  @Autowired DirectiveStateRepository states;
  @Autowired StatusSnapshotRepository snapshots;
  @Autowired WorkingDayCalendar calendar;
  @Autowired AgencyRegistry agencies;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  String run;
  /** Unique lead agencies, so the report sees only this grid: the viewer "may see" these two. */
  List<String> leads;
  final Map<String, String> cases = new LinkedHashMap<>();

  @BeforeEach
  void writeTheGrid() {
    ClockUtil.setCurrentTime(at(NOW));
    run = UUID.randomUUID().toString().substring(0, 6);
    leads = List.of("QA" + run, "QB" + run);
    String dated = "DATE";
    String a = "EQ" + run + "/A";
    String b = "EQ" + run + "/B";
    // completed: the accepted report's submission is when the work was done
    row("submitted on the day, accepted after", a, "1.a", 0, dated, "2026-06-30", "2026-06-30T23:59:59", null,
        "2026-06-05T09:00", "2026-06-30T23:00", "2026-07-02T10:00", null);
    row("submitted the day after", a, "1.b", 1, dated, "2026-06-30", "2026-06-30T23:59:59", null,
        "2026-06-05T09:00", "2026-07-01T08:30", "2026-07-01T09:00", null);
    row("accepted at the last second, no submission", a, "2", 0, dated, "2026-06-30", "2026-06-30T23:59:59", null,
        "2026-06-05T09:00", null, "2026-06-30T23:59:59", null);
    row("accepted the second after, no submission", b, "2", 1, dated, "2026-06-30", "2026-06-30T23:59:59", null,
        "2026-06-05T09:00", null, "2026-07-01T00:00", null);
    // open work: in progress until 23:59:59 of the due day, overdue after
    row("open, acknowledged", a, "10", 0, dated, "2026-06-30", "2026-06-30T23:59:59", null, "2026-06-05T09:00", null,
        null, null);
    row("open, not acknowledged", b, "1.a.2", 1, dated, "2026-06-30", "2026-06-30T23:59:59", null, null, null, null,
        null);
    row("open, acknowledged after the deadline", b, "1.a.12", 0, dated, "2026-06-30", "2026-06-30T23:59:59", null,
        "2026-07-10T09:00", null, null, null);
    // an approved extension from 30/6 to 31/7, approved on 25/6, finished on 20/7 or still open
    String extendedDone = row("extended, done within the extension", a, "3", 0, dated, "2026-07-31",
        "2026-07-31T23:59:59", "2026-06-30T23:59:59", "2026-06-05T09:00", "2026-07-20T10:00", "2026-07-21T10:00", null);
    history(extendedDone, "2026-06-02T09:00", "2026-06-30T23:59:59");
    history(extendedDone, "2026-06-25T10:00", "2026-07-31T23:59:59");
    String extendedOpen = row("extended, still open", b, "3", 1, dated, "2026-07-31", "2026-07-31T23:59:59",
        "2026-06-30T23:59:59", "2026-06-05T09:00", null, null, null);
    history(extendedOpen, "2026-06-02T09:00", "2026-06-30T23:59:59");
    history(extendedOpen, "2026-06-25T10:00", "2026-07-31T23:59:59");
    // one deadline recorded only: no history to look up
    String once = row("deadline recorded once", a, "4", 1, dated, "2026-06-30", "2026-06-30T23:59:59", null,
        "2026-06-05T09:00", null, null, null);
    history(once, "2026-06-02T09:00", "2026-06-30T23:59:59");
    // ongoing duties, open and closed; a duty "from a date" counts as ongoing too
    row("ongoing, open", a, "5", 0, "ONGOING", null, null, null, "2026-06-05T09:00", null, null, null);
    row("ongoing, closed on 15/7", b, "5", 0, "ONGOING", null, null, null, "2026-06-05T09:00", null, null,
        "2026-07-15T10:00");
    row("from a date, stated day", b, "6", 1, "FROM_DATE", "2026-06-30", null, null, null, null, null, null);
    // the stated day binds before the assignment is confirmed, moved to a working day (30/4 → 4/5)
    row("stated deadline only, a working day", a, "7", 1, dated, "2026-06-30", null, null, null, null, null, null);
    row("stated deadline only, a holiday", b, "7", 0, dated, "2026-04-30", null, null, null, null, null, null);
    row("end of month, stated only, completed late", a, "8", 0, "END_OF_MONTH", "2026-06-30", null, null,
        "2026-06-05T09:00", "2026-07-03T09:00", "2026-07-04T09:00", null);
    // no deadline at all
    row("no deadline, open", a, "9", 1, "ASAP", null, null, null, "2026-06-05T09:00", null, null, null);
    row("no deadline, completed", b, "9", 1, "ASAP", null, null, null, "2026-06-05T09:00", "2026-07-05T09:00",
        "2026-07-06T09:00", null);
    // facts recorded after some of the moments
    row("started late, completed late", b, "11", 0, dated, "2026-06-15", "2026-06-15T23:59:59", null,
        "2026-06-21T09:00", null, "2026-07-01T08:40", null, "2026-06-20T10:00");
    row("started after most moments", a, "12", 0, dated, "2026-07-31", "2026-07-31T23:59:59", null, null, null,
        null, null, "2026-07-25T09:00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void extensionsCountingAsOnTime() {
    compareAtEveryMoment(true);
  }

  @Test
  void extensionsCountingAsLate() {
    compareAtEveryMoment(false);
  }

  void compareAtEveryMoment(boolean extensionCountsAsOnTime) {
    StatusReports reports = new StatusReports(states, snapshots,
        new DirectiveStatusCalculator(extensionCountsAsOnTime, calendar), calendar, agencies, jdbc, transactions);
    StatusSql sql = new StatusSql(extensionCountsAsOnTime, postgres());
    int moved = 0;
    for (String moment : MOMENTS) {
      Instant asOf = at(moment).toInstant();
      boolean past = asOf.isBefore(Dates.now().toInstant().minusSeconds(1));
      List<StatusRow> expected = javaRows(reports, asOf, past);

      // per directive
      Map<String, String> bySql = new TreeMap<>();
      new NamedParameterJdbcTemplate(jdbc).query("select process_instance_id, status, days_overdue from ("
          + sql.facts(past, "s.lead_agency in (:leads)") + ") f", new MapSqlParameterSource("leads", leads)
          .addValue("asOf", Timestamp.from(asOf))
          .addValue("asOfDay", java.sql.Date.valueOf(LocalDate.ofInstant(asOf, WorkingDayCalendar.ZONE))), row -> {
            bySql.put(cases.get(row.getString(1)), row.getString(2) + " " + row.getInt(3));
          });
      Map<String, String> byJava = new TreeMap<>();
      expected.forEach(row -> byJava.put(cases.get(row.processInstanceId()), row.status() + " " + row.daysOverdue()));
      assertThat(bySql).as("as of %s, extensions on time: %s", moment, extensionCountsAsOnTime).isEqualTo(byJava);

      // aggregates and order, as the report computes them
      StatusReport report = reports.report(new ReportQuery(null, null, asOf, null), leads,
          new DirectiveFilter(null, null, 0, DirectiveFilter.MAX_LIMIT));
      String at = "as of " + moment + ", extensions on time: " + extensionCountsAsOnTime;
      assertThat(report.totals()).as(at).isEqualTo(StatusCounts.of(expected));
      assertThat(counts(report.agencies().stream().collect(toMap(AgencyLine::agency, AgencyLine::counts))))
          .as(at).isEqualTo(counts(group(expected, StatusRow::leadAgency)));
      assertThat(counts(report.notices().stream().collect(toMap(NoticeLine::noticeNumber, NoticeLine::counts))))
          .as(at).isEqualTo(counts(group(expected, StatusRow::noticeNumber)));
      assertThat(report.completionsPerMonth()).as(at).isEqualTo(months(expected));
      List<StatusRow> sorted = StatusReports.exceptionFirst(expected.stream()
          .sorted(Comparator.comparing(StatusRow::processInstanceId)).toList());
      assertThat(report.directives()).as(at).isEqualTo(sorted);
      assertThat(report.directivesTotal()).as(at).isEqualTo(expected.size());
      moved += past ? 1 : 0;
    }
    // the grid did exercise the deadline history and each status
    assertThat(moved).isGreaterThan(5);
  }

  /** What the Java rule says at {@code asOf}, as StatusReports did before the SQL: every row through rowAt. */
  List<StatusRow> javaRows(StatusReports reports, Instant asOf, boolean past) {
    Map<String, NavigableMap<Instant, Instant>> moved = past ? deadlineHistories() : Map.of();
    List<StatusRow> rows = new ArrayList<>();
    for (String id : cases.keySet()) {
      DirectiveState state = states.find(id).orElseThrow();
      if (state.startedAt() != null && state.startedAt().isAfter(asOf)) {
        continue;
      }
      rows.add(reports.rowAt(state, asOf, moved.get(id), new HashMap<>()));
    }
    return rows;
  }

  /**
   * Every recorded deadline of the grid's directives, read straight from dt_directive_deadline: the
   * expectation does not depend on the read model's own deadline_moved flag, which the SQL uses.
   */
  private Map<String, NavigableMap<Instant, Instant>> deadlineHistories() {
    Map<String, NavigableMap<Instant, Instant>> histories = new HashMap<>();
    jdbc.query("select process_instance_id, effective_from, deadline from dt_directive_deadline", row -> {
      if (cases.containsKey(row.getString(1))) {
        histories.computeIfAbsent(row.getString(1), id -> new TreeMap<>())
            .put(row.getTimestamp(2).toInstant(), row.getTimestamp(3).toInstant());
      }
    });
    return histories;
  }

  @Test
  void everyStatusOccursInTheGrid() {
    StatusReports reports = new StatusReports(states, snapshots, new DirectiveStatusCalculator(true, calendar), calendar,
        agencies, jdbc, transactions);
    java.util.Set<DirectiveStatus> seen = java.util.EnumSet.noneOf(DirectiveStatus.class);
    for (String moment : MOMENTS) {
      Instant asOf = at(moment).toInstant();
      javaRows(reports, asOf, asOf.isBefore(Dates.now().toInstant().minusSeconds(1))).forEach(row -> seen.add(row.status()));
    }
    assertThat(seen).containsExactlyInAnyOrder(DirectiveStatus.values());
  }

  // ---------------------------------------------------------------- the grid

  String row(String label, String notice, String item, int lead, String kind, String stated, String deadline,
      String original, String acknowledged, String submitted, String completed, String closed) {
    return row(label, notice, item, lead, kind, stated, deadline, original, acknowledged, submitted, completed, closed,
        "2026-06-01T09:00");
  }

  /** Writes one directive's row as the recorder does (DirectiveStateRepository#upsert, derived columns included). */
  String row(String label, String notice, String item, int lead, String kind, String stated, String deadline,
      String original, String acknowledged, String submitted, String completed, String closed, String started) {
    String id = "eq" + run + "-" + String.format("%02d", cases.size());
    cases.put(id, label);
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("business_key", notice + "/" + item + "/" + leads.get(lead));
    columns.put("notice_number", notice);
    columns.put("item_ref", item);
    columns.put("directive_text", "Nhiệm vụ kiểm thử: " + label);
    columns.put("lead_agency", leads.get(lead));
    columns.put("coordinating_agencies", "");
    columns.put("standing_office", "VPCP");
    columns.put("key_task", false);
    columns.put("deadline_kind", kind);
    columns.put("stated_deadline", stated == null ? null : java.sql.Date.valueOf(stated));
    columns.put("original_deadline", timestamp(original != null ? original : deadline));
    columns.put("deadline", timestamp(deadline));
    columns.put("started_at", timestamp(started));
    columns.put("acknowledged_at", timestamp(acknowledged));
    columns.put("completion_submitted_at", timestamp(submitted));
    columns.put("completed_at", timestamp(completed));
    columns.put("closed_at", timestamp(closed));
    columns.put("ended_at", timestamp(completed != null ? completed : closed));
    states.upsert(id, columns, timestamp(NOW));
    return id;
  }

  void history(String id, String from, String deadline) {
    states.recordDeadline(id, timestamp(from), timestamp(deadline));
  }

  abstract boolean postgres();

  // ---------------------------------------------------------------- helpers

  static Map<String, List<StatusRow>> group(List<StatusRow> rows, java.util.function.Function<StatusRow, String> key) {
    Map<String, List<StatusRow>> groups = new TreeMap<>();
    rows.forEach(row -> groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
    return groups;
  }

  @SuppressWarnings("unchecked")
  static Map<String, StatusCounts> counts(Map<String, ?> groups) {
    Map<String, StatusCounts> counts = new TreeMap<>();
    groups.forEach((key, value) -> counts.put(key, value instanceof StatusCounts c ? c : StatusCounts.of((List<StatusRow>) value)));
    return counts;
  }

  static <T> java.util.stream.Collector<T, ?, Map<String, StatusCounts>> toMap(
      java.util.function.Function<T, String> key, java.util.function.Function<T, StatusCounts> value) {
    return java.util.stream.Collectors.toMap(key, value);
  }

  /** Completions per month as StatusReports counted them in Java: by the month (in Vietnam) the work was done. */
  static List<MonthLine> months(List<StatusRow> rows) {
    Map<YearMonth, int[]> months = new TreeMap<>();
    for (StatusRow row : rows) {
      if (row.completedAt() != null
          && (row.status() == DirectiveStatus.COMPLETED_ON_TIME || row.status() == DirectiveStatus.COMPLETED_LATE)) {
        months.computeIfAbsent(YearMonth.from(row.completedAt().atZone(WorkingDayCalendar.ZONE)), m -> new int[2])
            [row.status() == DirectiveStatus.COMPLETED_ON_TIME ? 0 : 1]++;
      }
    }
    List<MonthLine> lines = new ArrayList<>();
    months.forEach((month, counts) -> lines.add(new MonthLine(month.toString(), counts[0], counts[1])));
    return lines;
  }

  static java.util.Date at(String localDateTime) {
    return java.util.Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant());
  }

  static Timestamp timestamp(String localDateTime) {
    return localDateTime == null ? null : new Timestamp(at(localDateTime).getTime());
  }
}
