package vn.directivetracker.mail;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who gets mail: the members of an agency's Camunda group that have an e-mail address, with their
 * choice (dt_mail_preference), and the agency's mailbox (dt_agency_mailbox). Read with plain SQL on
 * the engine's identity tables, in the caller's transaction and whatever the caller may see: an
 * officer completing a task must not need READ on every user of the next agency for it to be told.
 */
@Repository
public class MailDirectory {

  private final JdbcTemplate jdbc;

  public MailDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Members of the group with an address, then the group's mailbox; one entry per address. */
  public List<Recipient> ofGroup(String groupId) {
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    jdbc.query("select u.ID_, u.EMAIL_, u.FIRST_, u.LAST_, p.delivery from ACT_ID_USER u"
            + " join ACT_ID_MEMBERSHIP m on m.USER_ID_ = u.ID_"
            + " left join dt_mail_preference p on p.user_id = u.ID_"
            + " where m.GROUP_ID_ = ? and u.EMAIL_ is not null order by u.ID_",
        rs -> {
          Recipient recipient = user(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
          if (recipient != null) {
            byAddress.putIfAbsent(recipient.address(), recipient);
          }
        }, groupId);
    mailbox(groupId).ifPresent(box -> byAddress.putIfAbsent(box.address(), box));
    return new ArrayList<>(byAddress.values());
  }

  /** One user, if they have an address. */
  public Optional<Recipient> ofUser(String userId) {
    List<Recipient> found = new ArrayList<>();
    jdbc.query("select u.ID_, u.EMAIL_, u.FIRST_, u.LAST_, p.delivery from ACT_ID_USER u"
            + " left join dt_mail_preference p on p.user_id = u.ID_ where u.ID_ = ? and u.EMAIL_ is not null",
        rs -> {
          Recipient recipient = user(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
          if (recipient != null) {
            found.add(recipient);
          }
        }, userId);
    return found.stream().findFirst();
  }

  /** Every user with an address who wants the digest. */
  public List<Recipient> digestUsers() {
    List<Recipient> users = new ArrayList<>();
    jdbc.query("select u.ID_, u.EMAIL_, u.FIRST_, u.LAST_, p.delivery from ACT_ID_USER u"
            + " left join dt_mail_preference p on p.user_id = u.ID_ where u.EMAIL_ is not null order by u.ID_",
        rs -> {
          Recipient recipient = user(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
          if (recipient != null && recipient.delivery().digest()) {
            users.add(recipient);
          }
        });
    return users;
  }

  /** The user's groups (agencies and roles). */
  public List<String> groupsOf(String userId) {
    return jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, userId);
  }

  public Optional<Recipient> mailbox(String agencyCode) {
    return jdbc.query("select address from dt_agency_mailbox where agency_code = ?",
        (rs, row) -> new Recipient(null, rs.getString(1), agencyCode, Delivery.IMMEDIATE), agencyCode).stream().findFirst();
  }

  /** agency code → address. */
  public Map<String, String> mailboxes() {
    Map<String, String> boxes = new LinkedHashMap<>();
    jdbc.query("select agency_code, address from dt_agency_mailbox order by agency_code",
        rs -> {
          boxes.put(rs.getString(1), rs.getString(2));
        });
    return boxes;
  }

  public void setMailbox(String agencyCode, String address, String by) {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    if (jdbc.update("update dt_agency_mailbox set address = ?, updated_at = ?, updated_by = ? where agency_code = ?",
        address, now, by, agencyCode) == 0) {
      jdbc.update("insert into dt_agency_mailbox (agency_code, address, updated_at, updated_by) values (?, ?, ?, ?)",
          agencyCode, address, now, by);
    }
  }

  public boolean removeMailbox(String agencyCode) {
    return jdbc.update("delete from dt_agency_mailbox where agency_code = ?", agencyCode) > 0;
  }

  public Delivery delivery(String userId) {
    return jdbc.queryForList("select delivery from dt_mail_preference where user_id = ?", String.class, userId)
        .stream().findFirst().map(Delivery::valueOf).orElse(Delivery.IMMEDIATE);
  }

  public void setDelivery(String userId, Delivery delivery) {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    if (jdbc.update("update dt_mail_preference set delivery = ?, updated_at = ? where user_id = ?",
        delivery.name(), now, userId) == 0) {
      jdbc.update("insert into dt_mail_preference (user_id, delivery, updated_at) values (?, ?, ?)",
          userId, delivery.name(), now);
    }
  }

  private static Recipient user(String id, String email, String first, String last, String delivery) {
    if (email == null || email.isBlank()) {
      return null;
    }
    String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    return new Recipient(id, email.strip(), name.isEmpty() ? id : name,
        delivery == null ? Delivery.IMMEDIATE : Delivery.valueOf(delivery));
  }
}
