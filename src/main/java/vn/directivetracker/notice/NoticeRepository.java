package vn.directivetracker.notice;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.directivetracker.deadline.DeadlineKind;

/** The dt_notice, dt_notice_item and dt_tracked_directive tables (db/migration). */
@Repository
public class NoticeRepository {

  private final JdbcTemplate jdbc;

  public NoticeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String number) {
    Integer count = jdbc.queryForObject("select count(*) from dt_notice where number = ?", Integer.class, number);
    return count != null && count > 0;
  }

  public void insertNotice(NoticeDocument notice, Instant at, String by) {
    jdbc.update("insert into dt_notice (number, issuer, standing_office, title, issued_on, meeting_on, chair,"
            + " implements_plan, note, imported_at, imported_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        notice.number(), notice.issuer(), notice.standingOffice(), notice.title(), sqlDate(notice.issuedOn()),
        sqlDate(notice.meetingOn()), notice.chair(), notice.implementsPlan(), notice.note(), Timestamp.from(at), by);
  }

  public void setProcessInstance(String number, String processInstanceId) {
    jdbc.update("update dt_notice set process_instance = ? where number = ?", processInstanceId, number);
  }

  public void insertItem(String noticeNumber, NoticeDocument.Item item, int revision, Instant at, String by) {
    jdbc.update("insert into dt_notice_item (notice_number, ref, revision, text, lead_agency, lead_class, coordinators,"
            + " coordinator_classes, deadline_kind, deadline_date, deadline_phrase, key_task, note, recorded_at, recorded_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        noticeNumber, item.ref(), revision, item.text(), item.lead(),
        item.leadClass() == null ? null : item.leadClass().name(), String.join(",", item.coordinators()),
        item.coordinatorClasses().stream().map(Enum::name).collect(Collectors.joining(",")),
        item.deadline().kind().name(), sqlDate(item.deadline().date()), item.deadline().phrase(), item.keyTask(),
        item.note(), Timestamp.from(at), by);
  }

  /** The latest revision of every item of a notice, by reference. */
  public Map<String, StoredItem> latestItems(String noticeNumber) {
    return jdbc.query("select * from dt_notice_item i where notice_number = ? and revision ="
            + " (select max(revision) from dt_notice_item j where j.notice_number = i.notice_number and j.ref = i.ref)",
        NoticeRepository::storedItem, noticeNumber).stream().collect(Collectors.toMap(s -> s.item().ref(), Function.identity()));
  }

  /** The latest revision of one item, if the notice has it. */
  public Optional<StoredItem> latestItem(String noticeNumber, String ref) {
    return jdbc.query("select * from dt_notice_item where notice_number = ? and ref = ? order by revision desc",
        NoticeRepository::storedItem, noticeNumber, ref).stream().findFirst();
  }

  public void insertTrackedDirective(TrackedDirective directive, Instant at) {
    jdbc.update("insert into dt_tracked_directive (business_key, notice_number, ref, lead_agency, created_at)"
            + " values (?, ?, ?, ?, ?)", directive.businessKey(), directive.notice().number(), directive.item().ref(),
        directive.leadAgency(), Timestamp.from(at));
  }

  public List<String> trackedDirectives(String noticeNumber, String ref) {
    return jdbc.queryForList("select business_key from dt_tracked_directive where notice_number = ? and ref = ?"
        + " order by business_key", String.class, noticeNumber, ref);
  }

  public Optional<String> processInstanceOf(String noticeNumber) {
    return jdbc.queryForList("select process_instance from dt_notice where number = ?", String.class, noticeNumber)
        .stream().findFirst();
  }

  /** The notice's header as imported (items are read with {@link #latestItems}). */
  public NoticeDocument notice(String number) {
    return jdbc.queryForObject("select * from dt_notice where number = ?", (row, index) -> new NoticeDocument(
        row.getString("number"), row.getString("issuer"), row.getString("standing_office"), row.getString("title"),
        localDate(row.getDate("issued_on")), localDate(row.getDate("meeting_on")), row.getString("chair"),
        row.getString("implements_plan"), List.of(), row.getString("note"), List.of()), number);
  }

  private static java.time.LocalDate localDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  /** An item as stored, with its revision. */
  public record StoredItem(NoticeDocument.Item item, int revision) {}

  private static StoredItem storedItem(ResultSet row, int index) throws SQLException {
    Date deadlineDate = row.getDate("deadline_date");
    String leadClass = row.getString("lead_class");
    NoticeDocument.Item item = new NoticeDocument.Item(row.getString("ref"), row.getString("text"),
        row.getString("lead_agency"), leadClass == null ? null : AgencyClass.valueOf(leadClass),
        split(row.getString("coordinators")),
        split(row.getString("coordinator_classes")).stream().map(AgencyClass::valueOf).toList(),
        new NoticeDocument.Deadline(DeadlineKind.valueOf(row.getString("deadline_kind")),
            deadlineDate == null ? null : deadlineDate.toLocalDate(), row.getString("deadline_phrase")),
        row.getBoolean("key_task"), row.getString("note"));
    return new StoredItem(item, row.getInt("revision"));
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static Date sqlDate(java.time.LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
