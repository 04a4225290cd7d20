package vn.directivetracker.mail;

import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DIRECTIVE_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.EXTENSIONS;
import static vn.directivetracker.lifecycle.DirectiveVariables.EXTENSION_APPROVED;
import static vn.directivetracker.lifecycle.DirectiveVariables.ITEM_REF;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEAD_AGENCY;
import static vn.directivetracker.lifecycle.DirectiveVariables.NOTICE_NUMBER;
import static vn.directivetracker.lifecycle.DirectiveVariables.REPORT_ACCEPTED;
import static vn.directivetracker.lifecycle.DirectiveVariables.REVIEW_LOG;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.deadline.Deadlines;
import vn.directivetracker.lifecycle.DirectiveVariables;
import vn.directivetracker.review.ReviewVariables;

/**
 * How the people who must act are told: called by {@link MailPlugin} at the moments the processes
 * define (a user task created, the reminder and deadline timers' service tasks, an extension or a
 * completion report decided), it renders the mail for each recipient and writes it to the outbox
 * in the same transaction as the step. {@link MailDelivery} sends it later: a mail server that is down
 * never blocks or rolls back the step.
 */
@Component("mail")
public class MailNotices {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String SUBJECT_PREFIX = "[Theo dõi nhiệm vụ] ";
  private static final Logger log = LoggerFactory.getLogger(MailNotices.class);
  private static final int MAX_DIRECTIVE_TEXT = 400;
  /**
   * Tasks told in the daily digest only: the standing office confirms a whole notice's assignments on
   * one page (/dashboard/giao-nhiem-vu), and a mail per directive would be 190 mails for one notice;
   * "Đề nghị gia hạn (khi cần)" is an option the lead has all along (it opens with the work and again
   * after each extension), not work that arrives.
   */
  static final java.util.Set<String> NO_IMMEDIATE_MAIL = java.util.Set.of("Task_ConfirmAssignment",
      "Task_RequestExtension");

  private final MailSettings settings;
  private final MailDirectory directory;
  private final MailOutbox outbox;
  private final MailRenderer renderer;
  private final AgencyRegistry agencies;

  public MailNotices(MailSettings settings, MailDirectory directory, MailOutbox outbox, MailRenderer renderer,
      AgencyRegistry agencies) {
    this.settings = settings;
    this.directory = directory;
    this.outbox = outbox;
    this.renderer = renderer;
    this.agencies = agencies;
  }

  /** A user task was created: its candidate groups' members (and mailboxes) and its assignee. */
  public void taskCreated(DelegateTask task) {
    if (!settings.enabled() || NO_IMMEDIATE_MAIL.contains(task.getTaskDefinitionKey())) {
      return;
    }
    String process = task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId().split(":")[0];
    MailKind kind = "reviewCycle".equals(process) ? MailKind.REVIEW_TASK
        : "Task_SubmitMonthlyReport".equals(task.getTaskDefinitionKey()) ? MailKind.MONTHLY_REPORT_OPEN : MailKind.TASK_CREATED;
    List<Recipient> recipients = new ArrayList<>();
    String group = null;
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        group = group == null ? link.getGroupId() : group;
        recipients.addAll(directory.ofGroup(link.getGroupId()));
      } else if (link.getUserId() != null) {
        directory.ofUser(link.getUserId()).ifPresent(recipients::add);
      }
    }
    if (task.getAssignee() != null) {
      directory.ofUser(task.getAssignee()).ifPresent(recipients::add);
    }
    Map<String, Object> model = about(task, "reviewCycle".equals(process));
    if (group != null && model.get("agency") == null) {
      model.put("agency", agencies.nameOf(group));
    }
    model.put("task", task.getName());
    if (task.getDueDate() != null) {
      model.put("deadline", day(task.getDueDate()));
    }
    enqueue(kind, recipients, model, task.getExecution(), task.getId(), "task:" + task.getId());
  }

  /** ServiceTask_RemindLeadAgency has run: the lead agency is told the deadline approaches. */
  public void deadlineReminder(DelegateExecution execution) {
    toLeadAgency(MailKind.DEADLINE_REMINDER, execution, List.of(), null, moment(execution, DirectiveVariables.REMINDER_DATE),
        "Task_SubmitCompletionReport", "Task_AcknowledgeDirective");
  }

  /** ServiceTask_MarkOverdue has run: the lead agency is told the deadline has passed. */
  public void deadlinePassed(DelegateExecution execution) {
    toLeadAgency(MailKind.DEADLINE_PASSED, execution, List.of(), null, moment(execution, DEADLINE),
        "Task_SubmitCompletionReport", "Task_AcknowledgeDirective", "Task_RequestExtension");
  }

  /** ServiceTask_RecordLateMonthlyReport has run: this month's report is late. */
  public void monthlyReportLate(DelegateExecution execution) {
    Task report = openTask(execution, "Task_SubmitMonthlyReport");
    toLeadAgency(MailKind.MONTHLY_REPORT_LATE, execution, List.of(), null,
        report == null ? execution.getActivityInstanceId() : "task:" + report.getId(), "Task_SubmitMonthlyReport");
  }

  /** Task_DecideExtension completed: the lead agency hears the decision. */
  @SuppressWarnings("unchecked")
  public void extensionDecided(DelegateTask task) {
    boolean approved = Boolean.TRUE.equals(task.getVariable(EXTENSION_APPROVED));
    List<String> details = new ArrayList<>();
    String newDeadline = null;
    Object history = task.getVariable(EXTENSIONS);
    if (history instanceof List<?> list && !list.isEmpty() && list.get(list.size() - 1) instanceof Map<?, ?> last) {
      Map<String, Object> entry = (Map<String, Object>) last;
      details.add("Thời hạn đề nghị: " + isoDay(entry.get("to")) + " (thời hạn trước đó: " + isoDay(entry.get("from")) + ").");
      details.add("Lý do quyết định: " + entry.get("decisionReason"));
      // the deadline itself moves a step later (ServiceTask_ApplyExtension): the mail names the new one
      newDeadline = approved ? isoDay(entry.get("to")) : null;
    }
    toLeadAgency(approved ? MailKind.EXTENSION_APPROVED : MailKind.EXTENSION_REJECTED, task.getExecution(), details,
        newDeadline, "task:" + task.getId(), "Task_SubmitCompletionReport", "Task_AcknowledgeDirective");
  }

  /** Task_ReviewCompletionReport completed: the lead agency hears whether its report was accepted. */
  public void completionReviewed(DelegateTask task) {
    boolean accepted = Boolean.TRUE.equals(task.getVariable(REPORT_ACCEPTED));
    Object reviewLog = task.getVariable(REVIEW_LOG);
    List<String> details = reviewLog == null ? List.of()
        : List.of("Ý kiến thẩm định: " + reviewLog.toString().substring(reviewLog.toString().lastIndexOf('\n') + 1));
    toLeadAgency(accepted ? MailKind.REPORT_ACCEPTED : MailKind.REPORT_RETURNED, task.getExecution(), details,
        null, "task:" + task.getId(), "Task_SubmitCompletionReport");
  }

  /** To the lead agency; {@code deadline} (dd/MM/yyyy) replaces the directive's when it is about to change. */
  private void toLeadAgency(MailKind kind, DelegateExecution execution, List<String> details, String deadline,
      String moment, String... taskKeys) {
    if (!settings.enabled()) {
      return;
    }
    Object lead = execution.getVariable(LEAD_AGENCY);
    if (lead == null) {
      return;
    }
    Map<String, Object> model = about(execution, false);
    model.put("details", details);
    if (deadline != null) {
      model.put("deadline", deadline);
    }
    Task open = openTask(execution, taskKeys);
    if (open != null) {
      model.put("task", open.getName());
    }
    enqueue(kind, directory.ofGroup(lead.toString()), model, execution, open == null ? null : open.getId(), moment);
  }

  private void enqueue(MailKind kind, List<Recipient> recipients, Map<String, Object> model, DelegateExecution execution,
      String taskId, String moment) {
    int queued = 0;
    for (Recipient recipient : recipients) {
      if (!recipient.delivery().immediate()) {
        continue;
      }
      Map<String, Object> values = new HashMap<>(model);
      values.putIfAbsent("details", List.of());
      values.put("recipientName", recipient.name());
      values.put("title", kind.title());
      values.put("action", kind.action());
      values.put("link", settings.taskLink(taskId));
      values.put("linkText", taskId == null ? "Mở Tasklist" : "Mở việc trong Tasklist");
      values.put("preferencesLink", settings.baseUrl() + MailConfiguration.PREFERENCES_PAGE);
      String subject = subject(kind, values);
      values.put("subject", subject);
      String key = kind.name() + "|" + moment + "|" + recipient.address().toLowerCase(java.util.Locale.ROOT);
      if (outbox.enqueue(new OutboxMail(key, kind, recipient, subject, renderer.render("notice", values),
          execution == null ? null : execution.getProcessInstanceId(),
          execution == null ? null : execution.getProcessBusinessKey(), taskId))) {
        queued++;
      }
    }
    if (queued > 0) {
      log.info("[{}] {} mail queued for {} recipients", execution == null ? "-" : execution.getProcessBusinessKey(),
          kind, queued);
    }
  }

  static String subject(MailKind kind, Map<String, Object> model) {
    StringBuilder subject = new StringBuilder(SUBJECT_PREFIX).append(kind.title());
    if (model.get("notice") != null) {
      subject.append(": ").append(model.get("notice"));
      if (model.get("itemRef") != null) {
        subject.append(" mục ").append(model.get("itemRef"));
      }
    }
    if (model.get("deadline") != null) {
      subject.append(" — hạn ").append(model.get("deadline"));
    }
    return subject.toString();
  }

  /** Notice, item, agency and deadline of the directive (or the periodic review) the scope belongs to. */
  private Map<String, Object> about(VariableScope scope, boolean review) {
    Map<String, Object> model = new LinkedHashMap<>();
    if (review) {
      Object number = scope.getVariable(ReviewVariables.REVIEW_NUMBER);
      Object date = scope.getVariable(ReviewVariables.REVIEW_DATE);
      model.put("noticeLabel", "Kỳ kiểm điểm");
      model.put("notice", "Kiểm điểm định kỳ" + (number == null ? "" : " lần " + number)
          + (date == null ? "" : " ngày " + isoDay(date)));
      Object agency = scope.getVariable(ReviewVariables.REPORTING_AGENCY);
      if (agency != null) {
        model.put("agency", agencies.nameOf(agency.toString()));
      }
      return model;
    }
    model.put("noticeLabel", "Thông báo kết luận");
    Object notice = scope.getVariable(NOTICE_NUMBER);
    Object itemRef = scope.getVariable(ITEM_REF);
    Object text = scope.getVariable(DIRECTIVE_TEXT);
    model.put("notice", notice);
    model.put("itemRef", itemRef);
    if (itemRef != null) {
      String shortText = text == null ? "" : text.toString();
      if (shortText.length() > MAX_DIRECTIVE_TEXT) {
        shortText = shortText.substring(0, MAX_DIRECTIVE_TEXT - 1) + "…";
      }
      model.put("item", "Mục " + itemRef + (shortText.isEmpty() ? "" : ": " + shortText));
    }
    Object lead = scope.getVariable(LEAD_AGENCY);
    if (lead != null) {
      model.put("agency", agencies.nameOf(lead.toString()));
    }
    if (scope.getVariable(DEADLINE) instanceof Date deadline) {
      model.put("deadline", day(deadline));
    }
    return model;
  }

  private static String moment(DelegateExecution execution, String variable) {
    Object value = execution.getVariable(variable);
    return execution.getProcessInstanceId() + "@" + (value instanceof Date date ? date.getTime() : String.valueOf(value));
  }

  /** The open task of the first key that has one (keys in order of preference), newest first. */
  private static Task openTask(DelegateExecution execution, String... keys) {
    List<Task> found = new ArrayList<>();
    // the procedure's own look-up: whoever completed the step may not see the lead agency's tasks
    Deadlines.asEngine(() -> found.addAll(execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKeyIn(keys).orderByTaskCreateTime().desc()
        .list()));
    List<String> preference = List.of(keys);
    return found.stream().min(java.util.Comparator.comparingInt(task -> preference.indexOf(task.getTaskDefinitionKey())))
        .orElse(null);
  }

  static String day(Date moment) {
    return moment.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate().format(DAY);
  }

  private static String isoDay(Object value) {
    if (value instanceof Date date) {
      return day(date);
    }
    try {
      return LocalDate.parse(String.valueOf(value).substring(0, 10)).format(DAY);
    } catch (RuntimeException e) {
      return String.valueOf(value);
    }
  }
}
