package vn.directivetracker.reporting;

import java.util.Arrays;
import java.util.stream.Collectors;
import vn.directivetracker.deadline.DeadlineKind;
import vn.directivetracker.lifecycle.DirectiveStatus;

/**
 * The status rule of {@link vn.directivetracker.lifecycle.DirectiveStatusCalculator#compute} as one
 * SQL expression over {@code dt_directive_state}, applied to the facts as they stood at
 * {@code :asOf} exactly as {@link StatusReports#rowAt} applies the Java rule (a fact recorded after
 * {@code :asOf} counts as absent), so that totals, league table, notices, months and the
 * exception-first order are computed in the database. Plain SQL for H2 and PostgreSQL; the two
 * differ only in day arithmetic and in naming a byte-order collation. StatusSqlEquivalence tests
 * that it gives what the Java rule gives.
 *
 * <p>Timestamps in the read model are local date-times in the JVM's zone, which the application
 * pins to Asia/Ho_Chi_Minh (DirectiveTrackerApplication#pinTimeZone), so casting one to a date
 * gives its day in Vietnam, the day the Java counts days overdue with.
 */
final class StatusSql {

  /** A status column's place in the exception-first order of {@link StatusReports#ORDER}. */
  static String rank(String column) {
    return StatusReports.ORDER.stream()
        .map(status -> "when '" + status.name() + "' then " + StatusReports.ORDER.indexOf(status))
        .collect(Collectors.joining(" ", "case " + column + " ", " else 99 end"));
  }

  /**
   * The read model's columns a report reads (DirectiveStateRepository#state) and sorts by; not the
   * search text, which only filters, so that sorting every row for a file moves less.
   */
  private static final String COLUMNS = Arrays.stream((DirectiveStateRepository.COLUMNS + ", item_order, due_at")
      .split(",")).map(column -> "s." + column.trim()).collect(Collectors.joining(", "));

  private final boolean extensionCountsAsOnTime;
  private final boolean postgres;

  StatusSql(boolean extensionCountsAsOnTime, boolean postgres) {
    this.extensionCountsAsOnTime = extensionCountsAsOnTime;
    this.postgres = postgres;
  }

  boolean postgres() {
    return postgres;
  }

  /**
   * Every directive of the scope as it stood at {@code :asOf} (a timestamp; {@code :asOfDay}, its
   * day, for days overdue): the read model's columns plus {@code status_key} (what the order sorts
   * by: rank, then days overdue), {@code status}, {@code status_rank}, {@code days_overdue},
   * {@code deadline_in_force}, {@code deadline_day}, {@code done_at}. {@code scope} is a condition on
   * {@code s} (dt_directive_state). With {@code past}, a deadline that moved is taken from its
   * history (dt_directive_deadline) as in force at {@code :asOf}; otherwise the current one.
   */
  String facts(boolean past, String scope) {
    String ongoing = "s.deadline_kind in (" + StatusReports.ONGOING_KINDS_SQL + ")";
    String deadlineInForce = past
        // StatusReports#deadlineAt: the value with the greatest effective_from <= asOf, else the first
        ? "case when s.deadline_moved = false then s.due_at else coalesce("
            + "(select d.deadline from dt_directive_deadline d where d.process_instance_id = s.process_instance_id"
            + " and d.effective_from <= :asOf order by d.effective_from desc limit 1),"
            + " (select d.deadline from dt_directive_deadline d where d.process_instance_id = s.process_instance_id"
            + " order by d.effective_from limit 1)) end"
        : "s.due_at";
    // 1: the facts at asOf (DirectiveStateRepository's columns, a later fact as absent)
    String facts = "select " + COLUMNS + ","
        + " case when " + ongoing + " then 1 else 0 end as is_ongoing,"
        + " case when " + ongoing + " then null else " + deadlineInForce + " end as deadline_in_force,"
        + " case when s.acknowledged_at <= :asOf then s.acknowledged_at end as acknowledged_asof,"
        + " case when s.completion_submitted_at <= :asOf then s.completion_submitted_at end as submitted_asof,"
        + " case when s.completed_at <= :asOf then s.completed_at end as completed_asof,"
        + " case when s.closed_at <= :asOf then s.closed_at end as closed_asof"
        + " from dt_directive_state s"
        + " where s.cancelled = false and s.lead_agency is not null and (s.started_at is null or s.started_at <= :asOf)"
        + (scope.isBlank() ? "" : " and " + scope);
    // 2: the deadline the status is judged by, and when the work counts as done (the accepted report's submission)
    String judged = "select a.*, "
        + (extensionCountsAsOnTime ? "a.deadline_in_force" : "coalesce(a.original_deadline, a.deadline_in_force)")
        + " as judged_deadline,"
        + " case when a.completed_asof is not null then coalesce(a.submitted_asof, a.completed_asof) end as done_at"
        + " from (" + facts + ") a";
    // 3: DirectiveStatusCalculator#compute, as one key: the status's rank, then days overdue (most first).
    // One expression, because PostgreSQL evaluates a subquery's column again wherever it is used:
    // status, rank and days derived from separate expressions would run the rule three times a row.
    String status = "select b.*, case"
        + " when b.is_ongoing = 1 then case when b.closed_asof is not null then " + key(DirectiveStatus.ONGOING_CLOSED)
        + " else " + key(DirectiveStatus.ONGOING) + " end"
        + " when b.completed_asof is not null then case when b.judged_deadline is not null and b.done_at > b.judged_deadline"
        + " then " + key(DirectiveStatus.COMPLETED_LATE) + " - greatest(0, " + daysBetween("b.deadline_in_force", "b.done_at")
        + ") else " + key(DirectiveStatus.COMPLETED_ON_TIME) + " end"
        + " when b.judged_deadline is not null and :asOf > b.judged_deadline then " + key(DirectiveStatus.OVERDUE) + " - "
        + daysBetween("b.deadline_in_force", ":asOfDay")
        + " when b.acknowledged_asof is not null then " + key(DirectiveStatus.IN_PROGRESS)
        + " else " + key(DirectiveStatus.NOT_STARTED) + " end as status_key"
        + " from (" + judged + ") b";
    // 4: the key's parts: days overdue as StatusReports#rowAt counts them (from the deadline in force)
    String rank = "c.status_key / " + RANK_STEP;
    return "select c.*, " + rank + " as status_rank, " + name(rank) + " as status,"
        + " " + DAYS_ZERO + " - mod(c.status_key, " + RANK_STEP + ") as days_overdue,"
        + " cast(c.deadline_in_force as date) as deadline_day"
        + " from (" + status + ") c";
  }

  /** A rank's place in the status key, and where zero days overdue sit within it (days may be negative). */
  static final long RANK_STEP = 1_000_000;
  static final long DAYS_ZERO = 500_000;

  /** The status key of a status with zero days overdue; days are subtracted, so more days sort first. */
  private static String key(DirectiveStatus status) {
    return Long.toString(StatusReports.ORDER.indexOf(status) * RANK_STEP + DAYS_ZERO);
  }

  /** The status's name for a rank expression. */
  static String name(String rank) {
    return StatusReports.ORDER.stream()
        .map(status -> "when " + StatusReports.ORDER.indexOf(status) + " then '" + status.name() + "'")
        .collect(Collectors.joining(" ", "case " + rank + " ", " end"));
  }

  /** A snapshot row's status key, from its stored status and days overdue. */
  static String snapshotKey(String t) {
    return "(" + rank(t + ".status") + ") * " + RANK_STEP + " + " + DAYS_ZERO + " - " + t + ".days_overdue";
  }

  /** Calendar days from the day of one timestamp to the day of another (dates in Vietnam, see above). */
  String daysBetween(String from, String to) {
    return postgres
        ? "(cast(" + to + " as date) - cast(" + from + " as date))"
        : "datediff(day, cast(" + from + " as date), cast(" + to + " as date))";
  }

  /**
   * StatusReports#exceptionFirst as ORDER BY, over a relation with status_key (rank, then days
   * overdue), deadline_day, notice_number, item_order and lead_agency; the process instance last, so
   * that pages never overlap.
   */
  String exceptionFirst(String alias) {
    String p = alias.isEmpty() ? "" : alias + ".";
    return " order by " + p + "status_key, " + p + "deadline_day nulls last, "
        + bytewise(p + "notice_number") + " nulls last, " + bytewise("coalesce(" + p + "item_order, '')") + ", "
        + bytewise(p + "lead_agency") + " nulls last, " + p + "process_instance_id";
  }

  /** Java compares strings by code unit: PostgreSQL's byte order ("C") agrees, a language collation would not. */
  private String bytewise(String expression) {
    return postgres ? expression + " collate \"C\"" : expression;
  }

  static String ongoingKinds() {
    return Arrays.stream(DeadlineKind.values()).filter(DeadlineKind::isOngoing).map(kind -> "'" + kind.name() + "'")
        .collect(Collectors.joining(", "));
  }
}
