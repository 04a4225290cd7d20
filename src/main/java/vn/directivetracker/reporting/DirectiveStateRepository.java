package vn.directivetracker.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;

/** The read model of the reports: dt_directive_state and dt_directive_deadline (db/migration/V2). */
@Repository
public class DirectiveStateRepository {

  static final String COLUMNS = "process_instance_id, business_key, notice_number, item_ref, directive_text,"
      + " lead_agency, lead_agency_name, coordinating_agencies, standing_office, key_task, deadline_kind, deadline_phrase,"
      + " stated_deadline, original_deadline, deadline, started_at, acknowledged_at, completion_submitted_at,"
      + " completed_at, closed_at, ended_at, last_monthly_report_at, last_monthly_report";

  /** The columns the derived ones (due_at, item_order, search_text; V3) are computed from. */
  static final Set<String> DERIVED_FROM = Set.of("business_key", "notice_number", "item_ref", "directive_text",
      "lead_agency", "lead_agency_name", "deadline_kind", "stated_deadline", "deadline");
  private static final int DERIVED_BATCH = 500;

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final AgencyRegistry agencies;

  public DirectiveStateRepository(JdbcTemplate jdbc, WorkingDayCalendar calendar, AgencyRegistry agencies) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.agencies = agencies;
  }

  /** Writes what one transaction changed: only the changed columns, the row created if it is the first change. */
  void apply(Map<String, DirectiveStateRecorder.Change> changes) {
    Timestamp now = new Timestamp(org.camunda.bpm.engine.impl.util.ClockUtil.now().getTime());
    changes.forEach((processInstanceId, change) -> {
      if (!change.columns.isEmpty()) {
        upsert(processInstanceId, change.columns, now);
      }
      change.deadlines.forEach((from, deadline) -> recordDeadline(processInstanceId, from, deadline));
    });
  }

  void recordDeadline(String processInstanceId, Timestamp from, Timestamp deadline) {
    // the engine clock may stand still (tests): the last value at one moment wins
    jdbc.update("delete from dt_directive_deadline where process_instance_id = ? and effective_from = ?",
        processInstanceId, from);
    jdbc.update("insert into dt_directive_deadline (process_instance_id, effective_from, deadline) values (?, ?, ?)",
        processInstanceId, from, deadline);
    // reports as of a past moment look up the deadline then in force only where it took another value
    jdbc.update("update dt_directive_state set deadline_moved = ((select count(distinct deadline)"
        + " from dt_directive_deadline where process_instance_id = ?) > 1) where process_instance_id = ?",
        processInstanceId, processInstanceId);
  }

  void upsert(String processInstanceId, Map<String, Object> columns, Timestamp now) {
    List<Object> arguments = new ArrayList<>(columns.values());
    arguments.add(now);
    arguments.add(processInstanceId);
    String assignments = columns.keySet().stream().map(column -> column + " = ?").collect(Collectors.joining(", "));
    int updated = jdbc.update("update dt_directive_state set " + assignments + ", updated_at = ? where process_instance_id = ?",
        arguments.toArray());
    if (updated == 0) {
      jdbc.update("insert into dt_directive_state (" + String.join(", ", columns.keySet()) + ", updated_at, process_instance_id)"
          + " values (" + "?, ".repeat(columns.size()) + "?, ?)", arguments.toArray());
    }
    if (updated == 0 || columns.keySet().stream().anyMatch(DERIVED_FROM::contains)) {
      refreshDerived(List.of(processInstanceId));
    }
  }

  /**
   * Recomputes the derived columns of some rows from the row as it now stands: what the reports
   * sort, search and count by in SQL but only Java can compute (the working-day calendar, the agency
   * registry, the item numbering).
   */
  void refreshDerived(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return;
    }
    String in = String.join(", ", processInstanceIds.stream().map(id -> "?").toList());
    List<Object[]> updates = jdbc.query("select process_instance_id, business_key, notice_number, item_ref, directive_text,"
        + " lead_agency, lead_agency_name, deadline_kind, stated_deadline, deadline from dt_directive_state"
        + " where process_instance_id in (" + in + ")", (row, number) -> {
          java.sql.Date stated = row.getDate("stated_deadline");
          Timestamp dueAt = dueAt(row.getString("deadline_kind"), row.getTimestamp("deadline"),
              stated == null ? null : stated.toLocalDate());
          String lead = row.getString("lead_agency");
          String leadName = row.getString("lead_agency_name") != null ? row.getString("lead_agency_name")
              : lead == null ? null : agencies.nameOf(lead);
          return new Object[] {dueAt, StatusReports.itemOrder(row.getString("item_ref")),
              SearchText.of(row.getString("business_key"), row.getString("notice_number"), row.getString("item_ref"),
                  lead, leadName, row.getString("directive_text")),
              row.getString("process_instance_id")};
        }, processInstanceIds.toArray());
    jdbc.batchUpdate("update dt_directive_state set due_at = ?, item_order = ?, search_text = ? where process_instance_id = ?",
        updates);
  }

  /**
   * The deadline in force now, as StatusReports#rowAt finds it without a deadline history: the
   * scheduled deadline, else the stated day's due moment; none for ongoing duties.
   */
  Timestamp dueAt(String deadlineKind, Timestamp deadline, LocalDate statedDeadline) {
    if (StatusReports.isOngoing(deadlineKind)) {
      return null;
    }
    if (deadline != null) {
      return deadline;
    }
    return statedDeadline == null ? null : Timestamp.from(calendar.dueAt(statedDeadline).toInstant());
  }

  /**
   * Fills the derived columns where they are missing (rows from before V3), and moves the due
   * moments of stated deadlines again, for a calendar that changed (a newly published year). Returns
   * the rows changed.
   */
  int fillDerived() {
    int filled = 0;
    while (true) {
      List<String> missing = jdbc.queryForList("select process_instance_id from dt_directive_state where search_text is null"
          + " order by process_instance_id fetch first " + DERIVED_BATCH + " rows only", String.class);
      if (missing.isEmpty()) {
        break;
      }
      refreshDerived(missing);
      filled += missing.size();
    }
    // one update per stated day: most directives of a notice share a handful of them
    for (java.sql.Date stated : jdbc.queryForList("select distinct stated_deadline from dt_directive_state"
        + " where deadline is null and stated_deadline is not null", java.sql.Date.class)) {
      Timestamp due = Timestamp.from(calendar.dueAt(stated.toLocalDate()).toInstant());
      filled += jdbc.update("update dt_directive_state set due_at = ? where deadline is null and stated_deadline = ?"
          + " and (deadline_kind is null or deadline_kind not in (" + StatusReports.ONGOING_KINDS_SQL + "))"
          + " and (due_at is null or due_at <> ?)", due, stated, due);
    }
    return filled;
  }

  /**
   * Appends {@code and lead_agency in (?, ...)} with its arguments for a restriction to some lead
   * agencies (null = none); false when the restriction is empty and the query can match nothing.
   */
  static boolean restrictLeads(StringBuilder sql, List<Object> arguments, Collection<String> leadAgencies) {
    if (leadAgencies == null) {
      return true;
    }
    if (leadAgencies.isEmpty()) {
      return false;
    }
    sql.append(" and lead_agency in (").append(String.join(", ", leadAgencies.stream().map(a -> "?").toList())).append(")");
    arguments.addAll(leadAgencies);
    return true;
  }

  /** Some directives' rows, in the order of {@code processInstanceIds} (a page of a report). */
  public List<DirectiveState> find(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    Map<String, DirectiveState> found = new HashMap<>();
    jdbc.query("select " + COLUMNS + " from dt_directive_state where process_instance_id in ("
        + String.join(", ", processInstanceIds.stream().map(id -> "?").toList()) + ")", row -> {
          DirectiveState state = state(row, 0);
          found.put(state.processInstanceId(), state);
        }, processInstanceIds.toArray());
    return processInstanceIds.stream().map(found::get).toList();
  }

  public java.util.Optional<DirectiveState> find(String processInstanceId) {
    return jdbc.query("select " + COLUMNS + " from dt_directive_state where process_instance_id = ?",
        DirectiveStateRepository::state, processInstanceId).stream().findFirst();
  }

  /**
   * Deadline changes of the directives whose deadline took another value (deadline_moved):
   * process instance → (from → deadline).
   */
  public Map<String, NavigableMap<Instant, Instant>> movedDeadlines() {
    return movedDeadlines("", List.of());
  }

  /** The same for some directives only (a page of a report). */
  public Map<String, NavigableMap<Instant, Instant>> movedDeadlines(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return new HashMap<>();
    }
    return movedDeadlines(" and d.process_instance_id in (" + String.join(", ", processInstanceIds.stream()
        .map(id -> "?").toList()) + ")", List.copyOf(processInstanceIds));
  }

  private Map<String, NavigableMap<Instant, Instant>> movedDeadlines(String condition, List<String> arguments) {
    Map<String, NavigableMap<Instant, Instant>> history = new HashMap<>();
    jdbc.query("select d.process_instance_id, d.effective_from, d.deadline from dt_directive_deadline d"
        + " join dt_directive_state s on s.process_instance_id = d.process_instance_id where s.deadline_moved"
        + condition, row -> {
          history.computeIfAbsent(row.getString(1), id -> new TreeMap<>())
              .put(row.getTimestamp(2).toInstant(), row.getTimestamp(3).toInstant());
        }, arguments.toArray());
    return history;
  }

  /** The notices and lead agencies of the reported directives (for pickers), led by some agencies (null = all). */
  public List<Map<String, String>> noticesAndLeads(String column, Collection<String> leadAgencies) {
    String other = column.equals("notice_number") ? "null" : "max(lead_agency_name)";
    StringBuilder sql = new StringBuilder("select " + column + ", " + other + " from dt_directive_state"
        + " where cancelled = false and lead_agency is not null and " + column + " is not null");
    List<Object> arguments = new ArrayList<>();
    if (!restrictLeads(sql, arguments, leadAgencies)) {
      return List.of();
    }
    sql.append(" group by ").append(column).append(" order by ").append(column);
    return jdbc.query(sql.toString(), (row, number) -> {
      Map<String, String> entry = new java.util.LinkedHashMap<>();
      entry.put("code", row.getString(1));
      entry.put("name", row.getString(2));
      return entry;
    }, arguments.toArray());
  }

  /** Notice titles by number. */
  public Map<String, String> noticeTitles() {
    Map<String, String> titles = new HashMap<>();
    jdbc.query("select number, title from dt_notice", row -> {
      titles.put(row.getString(1), row.getString(2));
    });
    return titles;
  }

  /** Standing offices of the imported notices. */
  public List<String> standingOffices() {
    return jdbc.queryForList("select distinct standing_office from dt_notice", String.class);
  }

  /** Whether a notice was imported or directives carry its number (directives started by hand through the API). */
  public boolean noticeExists(String number) {
    Integer count = jdbc.queryForObject("select (select count(*) from dt_notice where number = ?)"
        + " + (select count(*) from dt_directive_state where notice_number = ?)", Integer.class, number, number);
    return count != null && count > 0;
  }

  static DirectiveState state(ResultSet row, int number) throws SQLException {
    java.sql.Date stated = row.getDate("stated_deadline");
    return new DirectiveState(row.getString("process_instance_id"), row.getString("business_key"),
        row.getString("notice_number"), row.getString("item_ref"), row.getString("directive_text"),
        row.getString("lead_agency"), row.getString("lead_agency_name"), row.getString("coordinating_agencies"),
        row.getString("standing_office"), row.getBoolean("key_task"), row.getString("deadline_kind"),
        row.getString("deadline_phrase"), stated == null ? null : stated.toLocalDate(),
        instant(row, "original_deadline"), instant(row, "deadline"), instant(row, "started_at"),
        instant(row, "acknowledged_at"), instant(row, "completion_submitted_at"), instant(row, "completed_at"),
        instant(row, "closed_at"), instant(row, "ended_at"), instant(row, "last_monthly_report_at"),
        row.getString("last_monthly_report"));
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
