package vn.directivetracker.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
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

  /** The snapshot's header; its rows follow in batches ({@link #insertRows}), its count once they are in. */
  void insert(StatusSnapshot snapshot) {
    jdbc.update("insert into dt_status_snapshot (period, cut_off, as_of, taken_at, directive_count) values (?, ?, ?, ?, ?)",
        snapshot.period(), java.sql.Date.valueOf(snapshot.cutOff()), Timestamp.from(snapshot.asOf()),
        Timestamp.from(snapshot.takenAt()), snapshot.directiveCount());
  }

  void insertRows(String period, List<StatusRow> rows) {
    jdbc.batchUpdate("insert into dt_status_snapshot_row (period, process_instance_id, business_key, notice_number,"
            + " item_ref, directive_text, lead_agency, lead_agency_name, coordinating_agencies, standing_office, key_task,"
            + " ongoing, deadline_phrase, original_deadline, deadline, status, days_overdue, completed_at,"
            + " last_monthly_report_at, last_monthly_report, item_order, search_text)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.stream().map(row -> new Object[] {period, row.processInstanceId(), row.businessKey(),
            row.noticeNumber(), row.itemRef(), row.directiveText(), row.leadAgency(), row.leadAgencyName(),
            String.join(", ", row.coordinatingAgencies()), row.standingOffice(), row.keyTask(), row.ongoing(),
            row.deadlinePhrase(), sqlDate(row.originalDeadline()), sqlDate(row.deadline()), row.status().name(),
            row.daysOverdue(), timestamp(row.completedAt()), timestamp(row.lastMonthlyReportAt()),
            row.lastMonthlyReport(), StatusReports.itemOrder(row.itemRef()), searchText(row.businessKey(),
                row.noticeNumber(), row.itemRef(), row.leadAgency(), row.leadAgencyName(), row.directiveText())})
            .toList());
  }

  void setDirectiveCount(String period, int count) {
    jdbc.update("update dt_status_snapshot set directive_count = ? where period = ?", count, period);
  }

  /**
   * A month's rows are written at once: PostgreSQL's statistics, which autovacuum would update only
   * later, are brought up to date now, so the month's reports are planned for its real size.
   */
  void analyze() {
    String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
        connection -> connection.getMetaData().getDatabaseProductName());
    if (product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
      jdbc.execute("analyze dt_status_snapshot_row");
    }
  }

  /** The sort key and search text of rows frozen before they existed (V3); returns how many were filled in. */
  int fillDerived() {
    int filled = 0;
    while (true) {
      List<Object[]> updates = jdbc.query("select period, process_instance_id, business_key, notice_number, item_ref,"
          + " lead_agency, lead_agency_name, directive_text from dt_status_snapshot_row where search_text is null"
          + " fetch first 500 rows only",
          (row, number) -> new Object[] {StatusReports.itemOrder(row.getString("item_ref")),
              searchText(row.getString("business_key"), row.getString("notice_number"), row.getString("item_ref"),
                  row.getString("lead_agency"), row.getString("lead_agency_name"), row.getString("directive_text")),
              row.getString("period"), row.getString("process_instance_id")});
      if (updates.isEmpty()) {
        return filled;
      }
      jdbc.batchUpdate("update dt_status_snapshot_row set item_order = ?, search_text = ? where period = ?"
          + " and process_instance_id = ?", updates);
      filled += updates.size();
    }
  }

  /** The same parts as a live row's search text (DirectiveStateRepository#refreshDerived). */
  private static String searchText(String businessKey, String noticeNumber, String itemRef, String lead, String leadName,
      String text) {
    return SearchText.of(businessKey, noticeNumber, itemRef, lead, leadName, text);
  }

  static StatusRow row(ResultSet row, int number) throws SQLException {
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
