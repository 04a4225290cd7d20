package vn.directivetracker.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.directivetracker.agency.AgencyCodes;
import vn.directivetracker.lifecycle.DirectiveStatus;

/** dt_status_snapshot and its rows (db/migration/V2). */
@Repository
public class StatusSnapshotRepository {

  private final JdbcTemplate jdbc;

  public StatusSnapshotRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StatusSnapshot> find(YearMonth period) {
    return jdbc.query("select * from dt_status_snapshot where period = ?", StatusSnapshotRepository::snapshot,
        period.toString()).stream().findFirst();
  }

  /** Every snapshot, the newest first. */
  public List<StatusSnapshot> all() {
    return jdbc.query("select * from dt_status_snapshot order by period desc", StatusSnapshotRepository::snapshot);
  }

  void insert(StatusSnapshot snapshot, List<StatusRow> rows) {
    jdbc.update("insert into dt_status_snapshot (period, cut_off, as_of, taken_at, directive_count) values (?, ?, ?, ?, ?)",
        snapshot.period(), java.sql.Date.valueOf(snapshot.cutOff()), Timestamp.from(snapshot.asOf()),
        Timestamp.from(snapshot.takenAt()), snapshot.directiveCount());
    jdbc.batchUpdate("insert into dt_status_snapshot_row (period, process_instance_id, business_key, notice_number,"
            + " item_ref, directive_text, lead_agency, lead_agency_name, coordinating_agencies, standing_office, key_task,"
            + " ongoing, deadline_phrase, original_deadline, deadline, status, days_overdue, completed_at,"
            + " last_monthly_report_at, last_monthly_report) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.stream().map(row -> new Object[] {snapshot.period(), row.processInstanceId(), row.businessKey(),
            row.noticeNumber(), row.itemRef(), row.directiveText(), row.leadAgency(), row.leadAgencyName(),
            String.join(", ", row.coordinatingAgencies()), row.standingOffice(), row.keyTask(), row.ongoing(),
            row.deadlinePhrase(), sqlDate(row.originalDeadline()), sqlDate(row.deadline()), row.status().name(),
            row.daysOverdue(), timestamp(row.completedAt()), timestamp(row.lastMonthlyReportAt()),
            row.lastMonthlyReport()}).toList());
  }

  /** The frozen rows of a period, for one notice and/or some lead agencies (null = no restriction). */
  List<StatusRow> rows(YearMonth period, String noticeNumber, Collection<String> leadAgencies) {
    StringBuilder sql = new StringBuilder("select * from dt_status_snapshot_row where period = ?");
    List<Object> arguments = new ArrayList<>(List.of(period.toString()));
    if (noticeNumber != null) {
      sql.append(" and notice_number = ?");
      arguments.add(noticeNumber);
    }
    if (!DirectiveStateRepository.restrictLeads(sql, arguments, leadAgencies)) {
      return List.of();
    }
    return jdbc.query(sql.toString(), StatusSnapshotRepository::row, arguments.toArray());
  }

  private static StatusRow row(ResultSet row, int number) throws SQLException {
    String coordinators = row.getString("coordinating_agencies");
    java.sql.Date original = row.getDate("original_deadline");
    java.sql.Date deadline = row.getDate("deadline");
    return new StatusRow(row.getString("process_instance_id"), row.getString("business_key"),
        row.getString("notice_number"), row.getString("item_ref"), row.getString("directive_text"),
        row.getString("lead_agency"), row.getString("lead_agency_name"),
        AgencyCodes.parse(coordinators),
        row.getString("standing_office"), row.getBoolean("key_task"), row.getBoolean("ongoing"),
        row.getString("deadline_phrase"), original == null ? null : original.toLocalDate(),
        deadline == null ? null : deadline.toLocalDate(), DirectiveStatus.valueOf(row.getString("status")),
        row.getInt("days_overdue"), DirectiveStateRepository.instant(row, "completed_at"),
        DirectiveStateRepository.instant(row, "last_monthly_report_at"), row.getString("last_monthly_report"),
        // a frozen row says nothing of the instance today; the dashboard links it when Cockpit can show it
        false);
  }

  private static StatusSnapshot snapshot(ResultSet row, int number) throws SQLException {
    return new StatusSnapshot(row.getString("period"), row.getDate("cut_off").toLocalDate(),
        row.getTimestamp("as_of").toInstant(), row.getTimestamp("taken_at").toInstant(), row.getInt("directive_count"));
  }

  private static java.sql.Date sqlDate(java.time.LocalDate day) {
    return day == null ? null : java.sql.Date.valueOf(day);
  }

  private static Timestamp timestamp(java.time.Instant moment) {
    return moment == null ? null : Timestamp.from(moment);
  }
}
