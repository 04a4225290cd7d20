package vn.directivetracker.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.lang.management.ManagementFactory;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox. Every node runs it; a node claims each row with a conditional update before
 * sending, so no two nodes send the same row. A failure waits (1 minute by default, doubled after
 * each failure) and tries again; after the last attempt the row is failed and a Cockpit incident of
 * type {@value #INCIDENT_TYPE} is raised on the directive (or periodic review) it belongs to. The
 * process itself never waits for mail.
 *
 * <p>At most once: a row is marked sent right after the server accepted it; a row whose claim ran
 * out while sending (its node died between handing it over and recording it) is failed with an
 * incident rather than sent again. Each mail carries a Message-ID made from its row, so a mail that
 * did leave twice would still be one message in the reader's mail client.
 */
@Component
public class MailDelivery {

  public static final String INCIDENT_TYPE = "mailDelivery";
  /** How long a node may take to hand one mail over before another may consider it abandoned. */
  static final long CLAIM_MILLIS = 5 * 60 * 1000L;
  private static final int BATCH = 50;
  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

  private final MailSettings settings;
  private final MailOutbox outbox;
  private final JavaMailSenderImpl sender;
  private final RuntimeService runtimeService;
  private final String node = ManagementFactory.getRuntimeMXBean().getName();

  public MailDelivery(MailSettings settings, MailOutbox outbox, JavaMailSenderImpl sender, RuntimeService runtimeService) {
    this.settings = settings;
    this.outbox = outbox;
    this.sender = sender;
    this.runtimeService = runtimeService;
  }

  @Scheduled(fixedDelayString = "${directive-tracker.mail.poll-interval:10s}", initialDelayString = "${directive-tracker.mail.poll-interval:10s}")
  void onSchedule() {
    if (settings.enabled() && settings.schedulerEnabled()) {
      try {
        deliverDue();
      } catch (RuntimeException e) {
        // the database may be away for a moment: the next round tries again
        log.warn("mail delivery round failed: {}", e.toString());
      }
    }
  }

  /** Sends what is due now (engine clock); returns how many mails the server accepted. */
  public int deliverDue() {
    int sent = 0;
    for (long id : outbox.due(BATCH)) {
      Map<String, Object> row = outbox.row(id);
      if (MailOutbox.SENDING.equals(row.get("status"))) {
        if (outbox.claimAbandoned(id, node)) {
          giveUp(row, "sending was interrupted on " + row.get("claimed_by") + "; not sent again");
        }
        continue;
      }
      Date claimUntil = new Date(ClockUtil.getCurrentTime().getTime() + CLAIM_MILLIS);
      if (!outbox.claim(id, node, claimUntil)) {
        continue;
      }
      int attempt = ((Number) row.get("attempts")).intValue() + 1;
      String messageId = "<dt-mail-" + id + "-" + Integer.toHexString(String.valueOf(row.get("dedup_key")).hashCode())
          + "@" + domain() + ">";
      try {
        sender.send(message(row, messageId));
      } catch (MailException | MessagingException | UnsupportedEncodingException e) {
        failed(row, attempt, e);
        // the server is likely down for the rest too: the next round tries again, and a server that
        // does not answer holds this thread one connection timeout per round, not one per mail
        break;
      }
      outbox.sent(id, node, messageId);
      sent++;
      log.info("[{}] {} mail {} sent to {}", row.get("business_key"), row.get("kind"), id, row.get("recipient_address"));
    }
    return sent;
  }

  private MimeMessage message(Map<String, Object> row, String messageId) throws MessagingException, UnsupportedEncodingException {
    Session session = sender.getSession();
    MimeMessage message = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
    helper.setFrom(new InternetAddress(settings.from(), "Hệ thống theo dõi nhiệm vụ", "UTF-8"));
    String name = (String) row.get("recipient_user");
    helper.setTo(new InternetAddress((String) row.get("recipient_address"), name, "UTF-8"));
    helper.setSubject((String) row.get("subject"));
    helper.setText((String) row.get("body"), true);
    helper.setSentDate(ClockUtil.getCurrentTime());
    return message;
  }

  private void failed(Map<String, Object> row, int attempt, Exception e) {
    long id = ((Number) row.get("id")).longValue();
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (attempt >= settings.maxAttempts()) {
      outbox.failed(id, node, error);
      giveUp(row, "not delivered after " + attempt + " attempts: " + error);
    } else {
      Date next = new Date(ClockUtil.getCurrentTime().getTime() + settings.retryAfter(attempt).toMillis());
      outbox.retryLater(id, node, next, error);
      log.warn("[{}] mail {} to {} failed (attempt {} of {}), next try at {}: {}", row.get("business_key"), id,
          row.get("recipient_address"), attempt, settings.maxAttempts(), next, error);
    }
  }

  /** Raises the Cockpit incident; the process goes on (an incident of this type holds no job). */
  private void giveUp(Map<String, Object> row, String why) {
    Object processInstance = row.get("process_instance_id");
    String message = "Thư \"" + row.get("subject") + "\" gửi " + row.get("recipient_address") + " không gửi được: " + why;
    log.error("[{}] mail {} to {} failed for good: {}", row.get("business_key"), row.get("id"), row.get("recipient_address"), why);
    if (processInstance == null) {
      return;
    }
    try {
      runtimeService.createIncident(INCIDENT_TYPE, processInstance.toString(), "dt_mail_outbox:" + row.get("id"),
          message.length() > 3900 ? message.substring(0, 3899) + "…" : message);
    } catch (RuntimeException e) {
      // the directive may have ended meanwhile: the row stays FAILED and the log has it
      log.warn("[{}] no incident for mail {}: {}", row.get("business_key"), row.get("id"), e.toString());
    }
  }

  private String domain() {
    String from = settings.from();
    int at = from.lastIndexOf('@');
    return at < 0 ? "directive-tracker" : from.substring(at + 1).replace(">", "");
  }
}
