package vn.directivetracker.mail;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code dt_mail_outbox} and {@code dt_mail_sent}. {@link #enqueue} runs in the caller's transaction
 * (inside an engine command: the engine's own, through Spring's shared DataSource transaction), the
 * delivery's updates each in a short transaction of their own.
 */
@Repository
public class MailOutbox {

  public static final String PENDING = "PENDING";
  public static final String SENDING = "SENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public MailOutbox(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /**
   * Adds the mail unless one with the same key is there already (a retried job or listener).
   * Two transactions racing with the same key: the unique constraint fails the second, whose
   * command is then retried and finds the row.
   */
  public boolean enqueue(OutboxMail mail) {
    Integer existing = jdbc.queryForObject("select count(*) from dt_mail_outbox where dedup_key = ?", Integer.class,
        mail.dedupKey());
    if (existing != null && existing > 0) {
      return false;
    }
    Timestamp now = now();
    jdbc.update("insert into dt_mail_outbox (dedup_key, kind, recipient_user, recipient_address, subject, body,"
            + " process_instance_id, business_key, task_id, status, attempts, next_attempt_at, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        mail.dedupKey(), mail.kind().name(), mail.recipient().userId(), mail.recipient().address(),
        cut(mail.subject(), 2000), cut(mail.body(), 400000), mail.processInstanceId(), cut(mail.businessKey(), 300),
        mail.taskId(), PENDING, now, now);
    return true;
  }

  /** Rows due now: pending ones whose time has come, and claims that ran out (a node died while sending). */
  List<Long> due(int limit) {
    Timestamp now = now();
    return jdbc.queryForList("select id from dt_mail_outbox where (status = ? and next_attempt_at <= ?)"
        + " or (status = ? and claimed_until < ?) order by id fetch first " + limit + " rows only",
        Long.class, PENDING, now, SENDING, now);
  }

  /** Takes a pending row for this node; false if another node (or an earlier run) has it. */
  boolean claim(long id, String node, Date until) {
    Timestamp now = now();
    return jdbc.update("update dt_mail_outbox set status = ?, claimed_by = ?, claimed_until = ?, attempts = attempts + 1"
        + " where id = ? and status = ? and next_attempt_at <= ?",
        SENDING, node, new Timestamp(until.getTime()), id, PENDING, now) == 1;
  }

  /**
   * Takes a row whose claim ran out, to fail it: the mail may or may not have left (the node died
   * between handing it over and recording it), and it is never sent twice.
   */
  boolean claimAbandoned(long id, String node) {
    Timestamp now = now();
    return jdbc.update("update dt_mail_outbox set status = ?, claimed_by = ?, last_error = ?"
        + " where id = ? and status = ? and claimed_until < ?",
        FAILED, node, "sending was interrupted (node stopped); not sent again: check the mail server's log",
        id, SENDING, now) == 1;
  }

  Map<String, Object> row(long id) {
    return jdbc.queryForMap("select * from dt_mail_outbox where id = ?", id);
  }

  /** Marks the row sent and records it for the audit trail, in one transaction. */
  void sent(long id, String node, String messageId) {
    transaction.executeWithoutResult(status -> {
      Timestamp now = now();
      if (jdbc.update("update dt_mail_outbox set status = ?, sent_at = ?, claimed_until = null, last_error = null"
          + " where id = ? and status = ? and claimed_by = ?", SENT, now, id, SENDING, node) == 1) {
        jdbc.update("insert into dt_mail_sent (outbox_id, recipient_user, recipient_address, kind, subject,"
            + " business_key, task_id, message_id, sent_at, sent_by_node)"
            + " select id, recipient_user, recipient_address, kind, subject, business_key, task_id, ?, ?, ?"
            + " from dt_mail_outbox where id = ?", messageId, now, node, id);
      }
    });
  }

  /** Back to pending, for another try after the wait. */
  void retryLater(long id, String node, Date at, String error) {
    jdbc.update("update dt_mail_outbox set status = ?, next_attempt_at = ?, claimed_until = null, last_error = ?"
        + " where id = ? and status = ? and claimed_by = ?",
        PENDING, new Timestamp(at.getTime()), cut(error, 2000), id, SENDING, node);
  }

  void failed(long id, String node, String error) {
    jdbc.update("update dt_mail_outbox set status = ?, claimed_until = null, last_error = ?"
        + " where id = ? and status = ? and claimed_by = ?", FAILED, cut(error, 2000), id, SENDING, node);
  }

  /** When the recipient's last digest was enqueued, if ever. */
  Date lastDigest(String address) {
    return jdbc.queryForObject("select max(created_at) from dt_mail_outbox where recipient_address = ? and kind = ?",
        Timestamp.class, address, MailKind.DIGEST.name());
  }

  /** The newest mails, for the mail view: everything, or one user's. */
  public List<Map<String, Object>> recent(String userId, int limit) {
    String columns = "select o.id, o.kind, o.recipient_user, o.recipient_address, o.subject, o.body, o.business_key,"
        + " o.status, o.attempts, o.created_at, o.sent_at, o.last_error from dt_mail_outbox o";
    String last = " order by o.id desc fetch first " + limit + " rows only";
    // lower-case keys whatever the database reports (H2 upper-cases unquoted names, PostgreSQL lower-cases)
    org.springframework.jdbc.core.RowMapper<Map<String, Object>> row = (rs, index) -> {
      Map<String, Object> mail = new java.util.LinkedHashMap<>();
      java.sql.ResultSetMetaData meta = rs.getMetaData();
      for (int column = 1; column <= meta.getColumnCount(); column++) {
        mail.put(meta.getColumnLabel(column).toLowerCase(java.util.Locale.ROOT), rs.getObject(column));
      }
      return mail;
    };
    return userId == null ? jdbc.query(columns + last, row)
        : jdbc.query(columns + " where o.recipient_user = ?" + last, row, userId);
  }

  static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
