package vn.directivetracker.mail;

import vn.directivetracker.support.NoticeItemVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.net.http.HttpResponse;
import vn.directivetracker.support.Http;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.directivetracker.calendar.WorkingDayCalendar;

/**
 * The notices against a real SMTP server in the test's process (GreenMail): what arrives, to whom,
 * how often, in which words; a refusing server; the digest on working days only. The engine clock
 * drives timers and retries; delivery runs when the test calls it. Run on H2 and on PostgreSQL by the
 * subclasses, each with the demo's users (and their addresses).
 */
abstract class MailNoticesPaths {

  static final String OFFICER_BCA = "officer-bca@demo.local";
  static final int PORT = freePort();
  static GreenMail smtp;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired MailDelivery delivery;
  @Autowired MailDigest digest;
  @Autowired MailOutbox outbox;
  @Autowired MailDirectory directory;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("directive-tracker.mail.host", () -> "127.0.0.1");
    registry.add("directive-tracker.mail.port", () -> PORT);
  }

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    clock("2026-06-01T09:00");
    // the demo's seed notices queued mails at start-up: each test counts only its own
    jdbc.update("delete from dt_mail_sent");
    jdbc.update("delete from dt_mail_outbox");
    jdbc.update("delete from dt_mail_preference");
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void tearDown() throws Exception {
    // what arrived, for the reader (target/mail-examples-*.txt): subject and the first lines of each mail
    StringBuilder examples = new StringBuilder();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      examples.append("To: ").append(mail.getRecipients(Message.RecipientType.TO)[0]).append("\nSubject: ")
          .append(mail.getSubject()).append('\n');
      text(mail).lines().map(String::strip).filter(line -> !line.isEmpty()).skip(1).limit(10)
          .forEach(line -> examples.append("  ").append(line).append('\n'));
    }
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "mail-examples-" + getClass().getSimpleName() + ".txt"),
        examples, java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @BeforeAll
  static void startServer() {
    smtp = startSmtp();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  void newTaskMailReachesTheAgencyOnceInVietnameseWithItsLink() throws Exception {
    ProcessInstance directive = start();
    confirm(directive);
    Task acknowledge = task(directive, "Task_AcknowledgeDirective");

    assertThat(delivery.deliverDue()).isPositive();
    assertThat(delivery.deliverDue()).isZero();

    List<MimeMessage> mails = mailsTo(OFFICER_BCA);
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo(
        "[Theo dõi nhiệm vụ] Việc mới cần xử lý: 315/TB-VPCP mục 1.b — hạn " + day(acknowledge.getDueDate()));
    assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(body(mail)).contains("href=\"https://theodoi.example.gov.vn/camunda/app/tasklist/default/#/?task="
        + acknowledge.getId() + "\"");
    String body = text(mail);
    assertThat(body).contains("Kính gửi Cán bộ Bộ Công an", "Tiếp nhận nhiệm vụ và lập kế hoạch", "315/TB-VPCP",
        "Mục 1.b: Chủ trì, phối hợp với Bộ Khoa học và Công nghệ", "Bộ Công an", "Thời hạn:",
        "Việc cần làm:", "Mở việc trong Tasklist");
    assertThat(mail.getFrom()[0].toString()).contains("theodoi@example.gov.vn");
    // nobody outside the lead agency heard of the lead agency's task
    assertThat(mailsTo("officer-bkhcn@demo.local")).isEmpty();
    // the standing office confirms whole notices on one page: its confirmation task comes in the digest only
    assertThat(mailsTo("reviewer-vpcp@demo.local")).isEmpty();
    // every mail sent is on the audit trail
    assertThat(jdbc.queryForObject("select count(*) from dt_mail_sent where recipient_address = ? and kind = ?",
        Integer.class, OFFICER_BCA, "TASK_CREATED")).isEqualTo(1);

    // acknowledged: the completion report is work that arrives; the standing extension option is not
    acknowledge(directive);
    delivery.deliverDue();
    assertThat(mailsTo(OFFICER_BCA)).hasSize(2);
    assertThat(text(mailsTo(OFFICER_BCA).get(1))).contains("Nộp báo cáo hoàn thành").doesNotContain("Đề nghị gia hạn");
  }

  @Test
  void reminderOverdueAndLateMonthlyReportReachTheLeadAgency() throws Exception {
    ProcessInstance directive = acknowledged();
    clock("2026-06-15T09:00");
    managementService.executeJob(job(directive, "StartEvent_MonthlyReportDue"));
    clock("2026-06-23T08:01");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder"));
    managementService.executeJob(job(directive, "Timer_MonthlyReportLate"));
    clock("2026-07-01T00:00:30");
    managementService.executeJob(job(directive, "Timer_DeadlineReached"));
    delivery.deliverDue();

    assertThat(subjectsTo(OFFICER_BCA)).contains(
        "[Theo dõi nhiệm vụ] Đến kỳ báo cáo tiến độ tháng: 315/TB-VPCP mục 1.b — hạn 22/06/2026",
        "[Theo dõi nhiệm vụ] Nhắc hạn nhiệm vụ: 315/TB-VPCP mục 1.b — hạn 30/06/2026",
        "[Theo dõi nhiệm vụ] Báo cáo tháng quá hạn: 315/TB-VPCP mục 1.b — hạn 30/06/2026",
        "[Theo dõi nhiệm vụ] Nhiệm vụ đã quá hạn: 315/TB-VPCP mục 1.b — hạn 30/06/2026");
    String reminder = text(only(OFFICER_BCA, "Nhắc hạn nhiệm vụ"));
    assertThat(reminder).contains("Nộp báo cáo hoàn thành", "30/06/2026");
    assertThat(body(only(OFFICER_BCA, "Nhắc hạn nhiệm vụ"))).contains("/camunda/app/tasklist/default/#/?task=" + task(directive, "Task_SubmitCompletionReport").getId());
    assertThat(text(only(OFFICER_BCA, "Nhiệm vụ đã quá hạn"))).contains("Công việc:Nộp báo cáo hoàn thành");
    // the standing office is told of its follow-up task, not of the lead's reminder
    assertThat(subjectsTo("reviewer-vpcp@demo.local")).noneMatch(subject -> subject.contains("Nhắc hạn"))
        .anyMatch(subject -> subject.contains("Việc mới cần xử lý"));
  }

  @Test
  void extensionAndReviewDecisionsReachTheLeadAgency() throws Exception {
    ProcessInstance directive = acknowledged();
    taskService.complete(task(directive, "Task_RequestExtension").getId(), Map.of(
        "extensionReason", "Chờ ý kiến của các bộ", "proposedDeadline", "2026-07-31"));
    asReviewer(() -> taskService.complete(task(directive, "Task_DecideExtension").getId(), Map.of(
        "extensionDecision", "approve", "decisionReason", "Chờ ý kiến thẩm định của Bộ Tư pháp")));
    submitCompletionReport(directive);
    asReviewer(() -> taskService.complete(task(directive, "Task_ReviewCompletionReport").getId(),
        Map.of("reviewDecision", "return", "reviewComments", "Thiếu số liệu của các địa phương")));
    submitCompletionReport(directive);
    asReviewer(() -> taskService.complete(task(directive, "Task_ReviewCompletionReport").getId(),
        Map.of("reviewDecision", "accept")));
    assertThat(directive).isEnded();
    delivery.deliverDue();

    assertThat(only(OFFICER_BCA, "Đề nghị gia hạn được chấp thuận").getSubject()).endsWith("— hạn 31/07/2026");
    assertThat(body(only(OFFICER_BCA, "Đề nghị gia hạn được chấp thuận")))
        .contains("31/07/2026", "30/06/2026", "Chờ ý kiến thẩm định của Bộ Tư pháp");
    assertThat(body(only(OFFICER_BCA, "Báo cáo hoàn thành bị trả lại"))).contains("Thiếu số liệu của các địa phương");
    assertThat(body(only(OFFICER_BCA, "Báo cáo hoàn thành được chấp nhận"))).contains("Bộ Công an");
  }

  @Test
  void aRefusingServerGetsRetriesThenAnIncidentWhileTheDirectiveGoesOn() throws Exception {
    ProcessInstance directive = start();
    smtp.stop();
    try {
      confirm(directive);
      assertThat(delivery.deliverDue()).isZero();
      // not due again before the back-off has passed
      clock("2026-06-01T09:00:30");
      assertThat(delivery.deliverDue()).isZero();
      assertThat(attemptsTo(OFFICER_BCA)).isEqualTo(1);
      clock("2026-06-01T09:01:30");
      delivery.deliverDue();
      assertThat(attemptsTo(OFFICER_BCA)).isEqualTo(2);
      assertThat(incidents(directive)).isZero();
      clock("2026-06-01T09:04:00");
      delivery.deliverDue();
      assertThat(attemptsTo(OFFICER_BCA)).isEqualTo(3);
      // one incident per mail given up (the office's earlier task mail too), on the directive
      Integer failed = jdbc.queryForObject("select count(*) from dt_mail_outbox where status = 'FAILED'"
          + " and process_instance_id = ?", Integer.class, directive.getId());
      assertThat(failed).isPositive();
      assertThat(incidents(directive)).isEqualTo(failed.longValue());
      assertThat(runtimeService.createIncidentQuery().processInstanceId(directive.getId()).list())
          .anyMatch(incident -> incident.getIncidentMessage().contains(OFFICER_BCA)
              && incident.getIncidentMessage().contains("không gửi được"));
      // the directive went on all along
      taskService.complete(task(directive, "Task_AcknowledgeDirective").getId(), Map.of(
          "responsibleUnit", "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
          "responsiblePerson", "Nguyễn Văn An", "plan", "Dự thảo trong tuần 1"));
      assertThat(directive).isWaitingAt("Task_SubmitCompletionReport");
    } finally {
      smtp = startSmtp();
    }
    // a failed mail is not sent again once the server is back
    clock("2026-06-02T09:00");
    delivery.deliverDue();
    List<String> bodies = new java.util.ArrayList<>();
    for (MimeMessage mail : mailsTo(OFFICER_BCA)) {
      bodies.add(text(mail));
    }
    assertThat(bodies).isNotEmpty().noneMatch(text -> text.contains("Tiếp nhận nhiệm vụ và lập kế hoạch"))
        .anyMatch(text -> text.contains("Nộp báo cáo hoàn thành"));
  }

  @Test
  void theOutboxIsWrittenInTheStepsOwnTransaction() throws Exception {
    ProcessInstance directive = start();
    // the step runs inside a transaction that then rolls back (a failure after the listener)
    transaction.executeWithoutResult(status -> {
      confirm(directive);
      assertThat(jdbc.queryForObject("select count(*) from dt_mail_outbox where process_instance_id = ?", Integer.class,
          directive.getId())).isPositive();
      status.setRollbackOnly();
    });
    assertThat(directive).isWaitingAt("Task_ConfirmAssignment");
    assertThat(jdbc.queryForObject("select count(*) from dt_mail_outbox where process_instance_id = ?", Integer.class,
        directive.getId())).isZero();
    // run again for real: one mail
    confirm(directive);
    delivery.deliverDue();
    assertThat(mailsTo(OFFICER_BCA)).hasSize(1);
  }

  @Test
  void aRerunAfterTheSendAndARepeatedEnqueueLeaveExactlyOneMail() throws Exception {
    Recipient officer = directory.ofUser("officer-bca").orElseThrow();
    OutboxMail mail = new OutboxMail("TEST|retry|" + UUID.randomUUID(), MailKind.DEADLINE_REMINDER, officer,
        "Nhắc hạn thử nghiệm: Đề án số hoá", "<p>Nội dung có dấu: ắ ệ ượ</p>", null, "test", null);
    assertThat(outbox.enqueue(mail)).isTrue();
    // the same step run again (a retried job or listener)
    assertThat(outbox.enqueue(mail)).isFalse();
    assertThat(delivery.deliverDue()).isEqualTo(1);
    // the delivery run again after the send, on this node or another
    assertThat(delivery.deliverDue()).isZero();
    clock("2026-06-03T09:00");
    assertThat(delivery.deliverDue()).isZero();
    assertThat(mailsTo(OFFICER_BCA)).hasSize(1);
    assertThat(body(mailsTo(OFFICER_BCA).get(0))).contains("ắ ệ ượ");
    // a claim that ran out while sending (its node died) is failed, never sent again
    OutboxMail second = new OutboxMail("TEST|abandoned|" + UUID.randomUUID(), MailKind.DEADLINE_REMINDER, officer,
        "Thư bị bỏ dở", "<p>x</p>", null, "test", null);
    outbox.enqueue(second);
    jdbc.update("update dt_mail_outbox set status = 'SENDING', claimed_by = 'dead-node', claimed_until = ?"
        + " where dedup_key = ?", new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime() - 1000), second.dedupKey());
    assertThat(delivery.deliverDue()).isZero();
    assertThat(jdbc.queryForObject("select status from dt_mail_outbox where dedup_key = ?", String.class,
        second.dedupKey())).isEqualTo(MailOutbox.FAILED);
    assertThat(mailsTo(OFFICER_BCA)).hasSize(1);
  }

  @Test
  void digestOnWorkingDaysOnlyAndOncePerDay() throws Exception {
    ProcessInstance directive = acknowledged();
    // Saturday 27/6/2026 and National Day 2/9/2026: nothing
    clock("2026-06-27T07:00");
    assertThat(digest.send()).isZero();
    clock("2026-09-02T07:00");
    assertThat(digest.send()).isZero();
    // Monday 29/6/2026: the completion report is due this week
    clock("2026-06-29T07:00");
    assertThat(digest.send()).isPositive();
    assertThat(digest.send()).isZero();
    delivery.deliverDue();
    MimeMessage mail = only(OFFICER_BCA, "Tổng hợp công việc");
    assertThat(mail.getSubject()).startsWith("[Theo dõi nhiệm vụ] Tổng hợp công việc ngày 29/06/2026:");
    assertThat(text(mail)).contains("Đến hạn trong tuần này", "Nộp báo cáo hoàn thành", "30/06/2026");
    assertThat(body(mail)).contains("/camunda/app/tasklist/default/#/?task=" + task(directive, "Task_SubmitCompletionReport").getId());
    // an officer whose agency has nothing open gets none
    assertThat(mailsTo("officer-ubnd-hanoi@demo.local")).isEmpty();
  }

  @Test
  void digestOnlyAndNoneAreRespected() throws Exception {
    directory.setDelivery("officer-bca", Delivery.DIGEST);
    directory.setDelivery("officer-vpcp", Delivery.NONE);
    ProcessInstance forTheLead = start();
    confirm(forTheLead);
    ProcessInstance forTheOffice = start();
    delivery.deliverDue();
    assertThat(smtp.getReceivedMessages()).isEmpty();
    clock("2026-06-02T07:00");
    digest.send();
    delivery.deliverDue();
    assertThat(subjectsTo(OFFICER_BCA)).singleElement().asString().contains("Tổng hợp công việc");
    assertThat(text(mailsTo(OFFICER_BCA).get(0))).contains("Tiếp nhận nhiệm vụ và lập kế hoạch");
    assertThat(mailsTo("officer-vpcp@demo.local")).isEmpty();
    // immediate mail includes the digest
    assertThat(text(only("reviewer-vpcp@demo.local", "Tổng hợp công việc"))).contains("Xác nhận giao nhiệm vụ",
        "Việc mới từ lần tổng hợp trước");
    assertThat(forTheOffice.getId()).isNotEqualTo(forTheLead.getId());
  }

  @Test
  void eachUserChangesOnlyTheirOwnChoiceAndOnlyAdministratorsSetMailboxes() throws Exception {
    HttpResponse<String> mine = Http.call(port, "GET", "/api/mail/preferences", "officer-bca", null, null);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.body()).contains("\"email\":\"officer-bca@demo.local\"", "\"delivery\":\"IMMEDIATE\"");
    assertThat(Http.call(port, "GET", "/api/mail/preferences", null, null, null).statusCode()).isEqualTo(401);

    // a body naming another user changes the caller's choice, never the other's
    HttpResponse<String> chosen = Http.call(port, "PUT", "/api/mail/preferences", "officer-bca", "application/json",
        "{\"delivery\":\"DIGEST\",\"userId\":\"officer-vpcp\"}");
    assertThat(chosen.statusCode()).isEqualTo(200);
    assertThat(directory.delivery("officer-bca")).isEqualTo(Delivery.DIGEST);
    assertThat(directory.delivery("officer-vpcp")).isEqualTo(Delivery.IMMEDIATE);

    HttpResponse<String> bad = Http.call(port, "PUT", "/api/mail/preferences", "officer-bca", "application/json",
        "{\"delivery\":\"WEEKLY\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    assertThat(bad.body()).contains("IMMEDIATE, DIGEST hoặc NONE");
    assertThat(Http.call(port, "PUT", "/api/mail/preferences", "officer-bca", "application/json", "{not json")
        .statusCode()).isEqualTo(400);
    // what a form on another site can send is refused before it is read
    assertThat(Http.call(port, "PUT", "/api/mail/preferences", "officer-bca", "text/plain", "{\"delivery\":\"NONE\"}")
        .statusCode()).isEqualTo(415);
    assertThat(directory.delivery("officer-bca")).isEqualTo(Delivery.DIGEST);

    String box = "{\"address\":\"vanthu@bocongan.gov.vn\"}";
    assertThat(Http.call(port, "PUT", "/api/mail/mailboxes/BCA", "officer-bca", "application/json", box).statusCode())
        .isEqualTo(403);
    assertThat(Http.call(port, "GET", "/api/mail/mailboxes", "reviewer-vpcp", null, null).statusCode()).isEqualTo(403);
    assertThat(Http.call(port, "PUT", "/api/mail/mailboxes/BCA", "admin", "application/json",
        "{\"address\":\"vanthu@bocongan.gov.vn\\r\\nBcc: x@evil.example\"}").statusCode()).isEqualTo(400);
    assertThat(Http.call(port, "PUT", "/api/mail/mailboxes/BCA", "admin", "application/json",
        "{\"address\":\"Văn thư <vanthu@bocongan.gov.vn>\"}").statusCode()).isEqualTo(400);
    assertThat(Http.call(port, "PUT", "/api/mail/mailboxes/KHONG-CO", "admin", "application/json", box).statusCode())
        .isEqualTo(400);
    assertThat(directory.mailboxes()).doesNotContainKey("BCA");
    HttpResponse<String> set = Http.call(port, "PUT", "/api/mail/mailboxes/BCA", "admin", "application/json", box);
    assertThat(set.statusCode()).isEqualTo(200);
    try {
      // the mailbox gets the agency's notices beside its officers
      assertThat(Http.call(port, "PUT", "/api/mail/preferences", "officer-bca", "application/json",
          "{\"delivery\":\"IMMEDIATE\"}").statusCode()).isEqualTo(200);
      ProcessInstance directive = start();
      confirm(directive);
      delivery.deliverDue();
      assertThat(mailsTo("vanthu@bocongan.gov.vn")).hasSize(1);
      assertThat(mailsTo(OFFICER_BCA)).hasSize(1);

      // the mail view: each user their own mails, administrators all
      String own = Http.call(port, "GET", "/api/mail/sent", "officer-bca", null, null).body();
      // the keys the mail view reads, on H2 and PostgreSQL alike
      assertThat(own).contains("\"recipient_address\":\"" + OFFICER_BCA + "\"", "\"status\":\"SENT\"", "\"subject\":");
      assertThat(own).contains(OFFICER_BCA, "Tiếp nhận nhiệm vụ").doesNotContain("vanthu@bocongan.gov.vn");
      assertThat(Http.call(port, "GET", "/api/mail/sent", "officer-vpcp", null, null).body()).doesNotContain(OFFICER_BCA);
      assertThat(Http.call(port, "GET", "/api/mail/sent", "admin", null, null).body())
          .contains("vanthu@bocongan.gov.vn", OFFICER_BCA);
      assertThat(Http.call(port, "GET", "/api/mail/sent?limit=100000", "admin", null, null).statusCode()).isEqualTo(400);
    } finally {
      assertThat(Http.call(port, "DELETE", "/api/mail/mailboxes/BCA", "admin", null, null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void periodicReviewTasksReachTheReportingAgencies() throws Exception {
    clock("2026-11-20T09:00");
    String timer = managementService.createJobQuery().processDefinitionKey("reviewCycle").activityId("Timer_ReviewDue")
        .singleResult().getId();
    managementService.recalculateJobDuedate(timer, false);
    clock("2026-11-24T08:00");
    managementService.executeJob(timer);
    List<ProcessInstance> reviews = runtimeService.createProcessInstanceQuery().processDefinitionKey("reviewCycle").list();
    try {
      assertThat(reviews).hasSize(1);
      delivery.deliverDue();
      MimeMessage mail = only(OFFICER_BCA, "Việc của kỳ kiểm điểm định kỳ");
      assertThat(mail.getSubject()).contains("Kiểm điểm định kỳ lần", "ngày 24/11/2026", "— hạn ");
      Task report = taskService.createTaskQuery().processInstanceId(reviews.get(0).getId())
          .taskDefinitionKey("Task_SubmitReviewReport").taskCandidateGroup("BCA").singleResult();
      assertThat(text(mail)).contains("Bộ Công an", day(report.getDueDate()), "Kỳ kiểm điểm:")
          .doesNotContain("Thông báo kết luận");
      assertThat(body(mail)).contains("#/?task=" + report.getId());
      assertThat(only("officer-bkhcn@demo.local", "Việc của kỳ kiểm điểm định kỳ")).isNotNull();
    } finally {
      runtimeService.deleteProcessInstances(reviews.stream().map(ProcessInstance::getId).toList(), "test done", true, true);
    }
  }

  // ---------------------------------------------------------------- driving the directive

  Map<String, Object> variables() {
    Map<String, Object> variables = NoticeItemVariables.item1bForBca();
    variables.put("coordinatingAgenciesText", "");
    return variables;
  }

  ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey("directive",
        "315/TB-VPCP/1.b/" + UUID.randomUUID().toString().substring(0, 8), variables());
  }

  void confirm(ProcessInstance directive) {
    taskService.complete(task(directive, "Task_ConfirmAssignment").getId(), variables());
  }

  ProcessInstance acknowledged() {
    ProcessInstance directive = start();
    confirm(directive);
    acknowledge(directive);
    return directive;
  }

  void acknowledge(ProcessInstance directive) {
    taskService.complete(task(directive, "Task_AcknowledgeDirective").getId(), Map.of(
        "responsibleUnit", "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        "responsiblePerson", "Nguyễn Văn An", "plan", "Dự thảo trong tuần 1, lấy ý kiến tuần 2, trình tuần 3"));
  }

  void submitCompletionReport(ProcessInstance directive) {
    taskService.complete(task(directive, "Task_SubmitCompletionReport").getId(), Map.of(
        "resultSummary", "Đã trình Chính phủ dự thảo Nghị quyết", "resultDocumentNumber", "45/TTr-BCA",
        "resultDocumentDate", LocalDate.ofInstant(ClockUtil.now().toInstant(), WorkingDayCalendar.ZONE).toString(),
        "evidenceLinks", "https://vanban.chinhphu.vn/45-ttr-bca"));
  }

  void asReviewer(Runnable work) {
    engine.getIdentityService().setAuthentication("reviewer-vpcp", List.of("VPCP", "reviewers"));
    try {
      work.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task task(ProcessInstance directive, String key) {
    return taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(key).singleResult();
  }

  String job(ProcessInstance directive, String activityId) {
    return managementService.createJobQuery().processInstanceId(directive.getId()).activityId(activityId)
        .singleResult().getId();
  }

  long incidents(ProcessInstance directive) {
    return runtimeService.createIncidentQuery().processInstanceId(directive.getId())
        .incidentType(MailDelivery.INCIDENT_TYPE).count();
  }

  int attemptsTo(String address) {
    return jdbc.queryForObject("select max(attempts) from dt_mail_outbox where recipient_address = ?", Integer.class,
        address);
  }

  // ---------------------------------------------------------------- reading the mail server

  static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> found = new java.util.ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().contains(address))) {
        found.add(message);
      }
    }
    return found;
  }

  static List<String> subjectsTo(String address) throws Exception {
    List<String> subjects = new java.util.ArrayList<>();
    for (MimeMessage message : mailsTo(address)) {
      subjects.add(message.getSubject());
    }
    return subjects;
  }

  static MimeMessage only(String address, String subjectPart) throws Exception {
    List<MimeMessage> matching = new java.util.ArrayList<>();
    for (MimeMessage message : mailsTo(address)) {
      if (message.getSubject().contains(subjectPart)) {
        matching.add(message);
      }
    }
    assertThat(matching).as("mails to %s about %s", address, subjectPart).hasSize(1);
    return matching.get(0);
  }

  static String body(MimeMessage message) throws Exception {
    return (String) message.getContent();
  }

  /** The body as a reader sees it: without the markup. */
  static String text(MimeMessage message) throws Exception {
    return body(message).replaceAll("<[^>]+>", "");
  }

  static String day(Date moment) {
    return MailNotices.day(moment);
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  static GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
