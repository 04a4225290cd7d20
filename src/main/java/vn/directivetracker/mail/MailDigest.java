package vn.directivetracker.mail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;

/**
 * The daily digest: each user who wants it (and each agency mailbox) gets, on working days only, one
 * mail listing their open tasks that are overdue, due this week, and arrived since their last digest;
 * nobody gets one when there is nothing to say. Every node runs the schedule; the outbox's unique key
 * (recipient and day) lets one digest through.
 */
@Component
public class MailDigest {

  /** Most tasks listed per section; the rest are counted. */
  static final int MAX_PER_SECTION = 50;
  private static final Logger log = LoggerFactory.getLogger(MailDigest.class);

  private final MailSettings settings;
  private final MailDirectory directory;
  private final MailOutbox outbox;
  private final MailRenderer renderer;
  private final TaskService taskService;
  private final WorkingDayCalendar calendar;
  private final AgencyRegistry agencies;

  public MailDigest(MailSettings settings, MailDirectory directory, MailOutbox outbox, MailRenderer renderer,
      TaskService taskService, WorkingDayCalendar calendar, AgencyRegistry agencies) {
    this.settings = settings;
    this.directory = directory;
    this.outbox = outbox;
    this.renderer = renderer;
    this.taskService = taskService;
    this.calendar = calendar;
    this.agencies = agencies;
  }

  @Scheduled(cron = "${directive-tracker.mail.digest-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
  void onSchedule() {
    if (settings.enabled() && settings.schedulerEnabled()) {
      try {
        send();
      } catch (RuntimeException e) {
        log.error("daily digest failed: {}", e.toString(), e);
      }
    }
  }

  /** Enqueues today's digests (engine clock); returns how many. */
  public int send() {
    ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.ZONE);
    LocalDate day = now.toLocalDate();
    if (!settings.enabled()) {
      return 0;
    }
    if (!calendar.isWorkingDay(day)) {
      log.info("No daily digest on {}: not a working day", day);
      return 0;
    }
    int queued = 0;
    for (Recipient user : directory.digestUsers()) {
      List<String> groups = directory.groupsOf(user.userId());
      List<Task> tasks = new ArrayList<>();
      if (!groups.isEmpty()) {
        tasks.addAll(taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().active().list());
      }
      tasks.addAll(taskService.createTaskQuery().taskAssignee(user.userId()).active().list());
      queued += digest(user, tasks, now) ? 1 : 0;
    }
    for (Map.Entry<String, String> box : directory.mailboxes().entrySet()) {
      Recipient recipient = new Recipient(null, box.getValue(), agencies.nameOf(box.getKey()), Delivery.IMMEDIATE);
      queued += digest(recipient, taskService.createTaskQuery().taskCandidateGroup(box.getKey())
          .includeAssignedTasks().active().list(), now) ? 1 : 0;
    }
    log.info("Daily digest of {}: {} mails queued", day, queued);
    return queued;
  }

  private boolean digest(Recipient recipient, List<Task> found, ZonedDateTime now) {
    Map<String, Task> tasks = new LinkedHashMap<>();
    found.forEach(task -> tasks.putIfAbsent(task.getId(), task));
    Date last = outbox.lastDigest(recipient.address());
    Date since = last != null ? last : Date.from(now.minusDays(1).toInstant());
    Date endOfWeek = Date.from(calendar.endOfDay(now.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)))
        .toInstant());
    Date nowDate = Date.from(now.toInstant());
    List<Map<String, Object>> overdue = new ArrayList<>();
    List<Map<String, Object>> dueThisWeek = new ArrayList<>();
    List<Map<String, Object>> arrived = new ArrayList<>();
    tasks.values().stream().sorted((a, b) -> compareDue(a.getDueDate(), b.getDueDate())).forEach(task -> {
      Map<String, Object> entry = new HashMap<>();
      entry.put("name", task.getName());
      entry.put("link", settings.taskLink(task.getId()));
      entry.put("due", task.getDueDate() == null ? null : MailNotices.day(task.getDueDate()));
      if (task.getDueDate() != null && task.getDueDate().before(nowDate)) {
        overdue.add(entry);
      } else if (task.getDueDate() != null && !task.getDueDate().after(endOfWeek)) {
        dueThisWeek.add(entry);
      }
      if (task.getCreateTime() != null && task.getCreateTime().after(since)) {
        arrived.add(entry);
      }
    });
    if (overdue.isEmpty() && dueThisWeek.isEmpty() && arrived.isEmpty()) {
      return false;
    }
    String dayText = now.toLocalDate().format(MailNotices.DAY);
    int more = 0;
    List<Map<String, Object>> sections = new ArrayList<>();
    more += section(sections, "Quá hạn", overdue);
    more += section(sections, "Đến hạn trong tuần này", dueThisWeek);
    more += section(sections, "Việc mới từ lần tổng hợp trước", arrived);
    String subject = MailNotices.SUBJECT_PREFIX + MailKind.DIGEST.title() + " ngày " + dayText + ": "
        + overdue.size() + " quá hạn, " + dueThisWeek.size() + " đến hạn trong tuần, " + arrived.size() + " việc mới";
    Map<String, Object> model = new HashMap<>();
    model.put("subject", subject);
    model.put("recipientName", recipient.name());
    model.put("day", dayText);
    model.put("sections", sections);
    model.put("more", more);
    model.put("action", MailKind.DIGEST.action());
    model.put("tasklistLink", settings.taskLink(null));
    model.put("preferencesLink", settings.baseUrl() + MailConfiguration.PREFERENCES_PAGE);
    String key = MailKind.DIGEST.name() + "|" + now.toLocalDate() + "|" + recipient.address().toLowerCase(java.util.Locale.ROOT);
    try {
      return outbox.enqueue(new OutboxMail(key, MailKind.DIGEST, recipient, subject, renderer.render("digest", model),
          null, null, null));
    } catch (DuplicateKeyException e) {
      return false; // another node queued it a moment earlier
    }
  }

  private static int section(List<Map<String, Object>> sections, String title, List<Map<String, Object>> entries) {
    if (entries.isEmpty()) {
      return 0;
    }
    sections.add(Map.of("title", title, "entries", entries.subList(0, Math.min(entries.size(), MAX_PER_SECTION))));
    return Math.max(0, entries.size() - MAX_PER_SECTION);
  }

  private static int compareDue(Date a, Date b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    return a.compareTo(b);
  }
}
