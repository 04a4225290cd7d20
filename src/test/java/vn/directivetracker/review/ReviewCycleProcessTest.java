package vn.directivetracker.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.lifecycle.DirectiveInputException;
import vn.directivetracker.lifecycle.Reminders;
import vn.directivetracker.reporting.ReportQuery;
import vn.directivetracker.reporting.StatusReports;

/**
 * One test per path through processes/review-cycle.bpmn with the default settings (every 5 days from
 * 27/06/2025 08:00; reports of BKHCN and BCA due in 2 working days, consolidation by VPCP 1 working
 * day later, the meeting 1 more). Timers fire by moving the engine clock and executing the due job.
 */
@SpringBootTest
class ReviewCycleProcessTest {

  static final String OFFICE = "VPCP";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired StatusReports statusReports;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    // every test holds its own review of 24/11/2026: at most one review a day may start
    List<String> running = List.copyOf(reviewIds());
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "test done", true, true);
    }
    List<String> ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ReviewCycle.PROCESS_KEY).list().stream().map(h -> h.getId()).toList();
    if (!ended.isEmpty()) {
      engine.getHistoryService().deleteHistoricProcessInstances(ended);
    }
  }

  // ---------------------------------------------------------------- paths

  @Test
  void theTimerFiresEveryFiveDaysOnTheFirstReviewsGridAndEachFiringStartsAReview() {
    // scheduled on Friday 20/11/2026: the next point of 27/06/2025 08:00 + k × 5 days is Tuesday 24/11
    clock("2026-11-20T09:00");
    managementService.recalculateJobDuedate(reviewTimer().getId(), false);
    assertThat(reviewTimer().getDuedate()).isEqualTo(at("2026-11-24T08:00"));

    ProcessInstance first = fire("2026-11-24T08:00");
    assertThat(first.getBusinessKey()).isEqualTo("RS-2026-11-24");
    assertThat(first).isWaitingAt("Task_SubmitReviewReport");
    assertThat(reviewTimer().getDuedate()).isEqualTo(at("2026-11-29T08:00"));

    // a job run late (the node was down) does not shift the grid
    ProcessInstance second = fire("2026-11-29T10:30");
    assertThat(second.getBusinessKey()).isEqualTo("RS-2026-11-29");
    assertThat(reviewTimer().getDuedate()).isEqualTo(at("2026-12-04T08:00"));
    assertThat((Integer) variable(second, "reviewNumber")).isEqualTo((Integer) variable(first, "reviewNumber") + 1);
    assertThat(variable(second, "reviewDate")).isEqualTo("29/11/2026");
  }

  @Test
  void theOfficesFilterShowsTheReviewsTasksApartFromTheDirectives() {
    ProcessInstance review = review();
    var filters = engine.getFilterService();
    String reviews = filters.createFilterQuery().filterName("Rà soát định kỳ").singleResult().getId();
    engine.getIdentityService().setAuthentication("officer-bkhcn", List.of("BKHCN"));
    try {
      assertThat(filters.list(reviews)).extracting(t -> ((Task) t).getTaskDefinitionKey())
          .containsExactly(ReviewTasks.REPORT_TASK);
      assertThat(filters.list(reviews)).extracting(t -> ((Task) t).getProcessInstanceId()).containsOnly(review.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void everyTaskNamesItsReviewAndTheAgencyItIsAbout() {
    ProcessInstance review = review();
    assertThat(reportTasks(review)).extracting(Task::getName).containsExactlyInAnyOrder(
        "Lập báo cáo tiến độ định kỳ — phiên rà soát 24/11/2026 (Bộ Khoa học và Công nghệ)",
        "Lập báo cáo tiến độ định kỳ — phiên rà soát 24/11/2026 (Bộ Công an)");
    clock("2026-11-27T00:00:30");
    for (Job late : managementService.createJobQuery().processInstanceId(review.getId())
        .activityId("Timer_ReviewReportLate").list()) {
      managementService.executeJob(late.getId());
    }
    // the office's follow-up names the agency that is late
    assertThat(followUpOf(review, "BCA").getName()).isEqualTo("Đôn đốc nộp báo cáo — phiên rà soát 24/11/2026 (Bộ Công an)");
    submitReport(review, "BKHCN", "Báo cáo", null);
    submitReport(review, "BCA", "Báo cáo", null);
    assertThat(task(review, "Task_ConsolidateReports").getName()).isEqualTo("Tổng hợp báo cáo — phiên rà soát 24/11/2026");
  }

  @Test
  void aTimerRunEarlyByHandDoesNotStartASecondReviewTheSameDay() {
    ProcessInstance first = review();
    // an administrator runs the next job before 08:00: the engine schedules 08:00 the same day again
    clock("2026-11-24T07:30");
    managementService.recalculateJobDuedate(reviewTimer().getId(), false);
    assertThat(reviewTimer().getDuedate()).isEqualTo(at("2026-11-24T08:00"));
    Set<String> before = reviewIds();
    managementService.executeJob(reviewTimer().getId());
    assertThat(reviewIds()).isEqualTo(before);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_ReviewAlreadyHeld")
        .count()).isOne();
    assertThat(first).isWaitingAt("Task_SubmitReviewReport");
  }

  @Test
  void bothReportsOnTimeGoToConsolidationThenTheMeeting() {
    ProcessInstance review = review();
    assertThat(variable(review, "reviewDate")).isEqualTo("24/11/2026");
    assertThat((List<Object>) variable(review, "reportingAgencies")).containsExactly("BKHCN", "BCA");
    assertThat(variable(review, "statusReportUrl")).isEqualTo("/dashboard?asOf=2026-11-24T01:00:00Z");
    assertThat(variable(review, "statusReportXlsxUrl")).isEqualTo("/api/reports/status.xlsx?asOf=2026-11-24T01:00:00Z");
    assertThat(variable(review, "statusSummary")).isEqualTo(
        StatusSummary.of(statusReports.report(ReportQuery.everything(Instant.parse("2026-11-24T01:00:00Z")))));
    assertThat((String) variable(review, "statusSummary")).startsWith("Tình hình đến 24/11/2026 08:00");

    List<Task> reports = reportTasks(review);
    assertThat(reports).hasSize(2);
    assertThat(reports.stream().map(this::candidateGroup)).containsExactlyInAnyOrder("BKHCN", "BCA");
    // Tuesday 24/11 + 2 working days
    assertThat(reports).allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(at("2026-11-26T23:59:59")));
    assertThat(managementService.createJobQuery().processInstanceId(review.getId()).activityId("Timer_ReviewReportLate")
        .list()).hasSize(2).allSatisfy(job -> assertThat(job.getDuedate()).isEqualTo(at("2026-11-26T23:59:59")));

    clock("2026-11-25T10:00");
    submitReport(review, "BKHCN", "Đã trình Nghị quyết 71 sửa đổi", "Cần bổ sung kinh phí");
    clock("2026-11-26T16:00");
    submitReport(review, "BCA", "Đã vận hành Trung tâm dữ liệu quốc gia", null);

    assertThat(review).hasPassed("EndEvent_ReportSubmitted").isWaitingAt("Task_ConsolidateReports");
    assertThat(variable(review, "reviewReports")).isEqualTo("""
        Bộ Khoa học và Công nghệ — nộp 25/11/2026 10:00 (officer-bkhcn)
        Đã trình Nghị quyết 71 sửa đổi
        Khó khăn, vướng mắc, đề xuất: Cần bổ sung kinh phí

        Bộ Công an — nộp 26/11/2026 16:00 (officer-bca)
        Đã vận hành Trung tâm dữ liệu quốc gia""");
    assertThat(variable(review, "reviewReportText")).isNull();
    assertThat(variable(review, "lateReportCount")).isNull();
    assertThat(managementService.createJobQuery().processInstanceId(review.getId()).count()).isZero();

    Task consolidate = task(review, "Task_ConsolidateReports");
    assertThat(candidateGroup(consolidate)).isEqualTo(OFFICE);
    assertThat(consolidate.getDueDate()).isEqualTo(at("2026-11-27T23:59:59"));
    taskService.complete(consolidate.getId(), Map.of("consolidatedReport", "Hai bộ đúng tiến độ; đề xuất bổ sung kinh phí"));

    Task meeting = task(review, "Task_HoldReviewMeeting");
    // §6: the steering committee's standing body holds the meeting
    assertThat(candidateGroup(meeting)).isEqualTo("BKHCN");
    assertThat(meeting.getDueDate()).isEqualTo(at("2026-11-30T23:59:59"));
    clock("2026-11-27T17:00");
    taskService.complete(meeting.getId(), meetingValues("2026-11-27"));

    assertThat(review).hasPassed("Task_PrepareStatusReport", "Task_ConsolidateReports", "Task_HoldReviewMeeting",
        "EndEvent_Reviewed").hasNotPassed("Task_FollowUpReviewReport").isEnded();
  }

  @Test
  void lateReportsAreRaisedAndFollowedUpAndEachFollowUpEndsWithItsReport() {
    ProcessInstance review = review();

    // both reports are late: each boundary timer fires at the end of the due day
    clock("2026-11-27T00:00:30");
    for (Job late : managementService.createJobQuery().processInstanceId(review.getId())
        .activityId("Timer_ReviewReportLate").list()) {
      managementService.executeJob(late.getId());
    }
    assertThat(variable(review, "lateReportCount")).isEqualTo(2);
    for (Task report : reportTasks(review)) {
      assertThat(report.getPriority()).isEqualTo(Reminders.REMINDED_PRIORITY);
      assertThat(taskService.getTaskComments(report.getId())).singleElement().satisfies(comment ->
          assertThat(comment.getFullMessage()).contains("đã quá hạn nộp (hạn 26/11/2026)"));
    }
    List<Task> followUps = tasks(review, "Task_FollowUpReviewReport");
    assertThat(followUps).hasSize(2).allSatisfy(followUp -> {
      assertThat(candidateGroup(followUp)).isEqualTo(OFFICE);
      assertThat(followUp.getDueDate()).isEqualTo(at("2026-11-30T23:59:59"));
    });

    // the office follows up BKHCN; BCA's follow-up is still open when BCA's report arrives
    Task bkhcnFollowUp = followUpOf(review, "BKHCN");
    engine.getIdentityService().setAuthentication("reviewer-vpcp", List.of(OFFICE, "reviewers"));
    taskService.complete(bkhcnFollowUp.getId(), Map.of("followUpNote", "Đã gọi điện đề nghị nộp trong ngày"));
    engine.getIdentityService().clearAuthentication();
    assertThat((String) variable(review, "reviewFollowUpLog"))
        .contains("reviewer-vpcp: đôn đốc Bộ Khoa học và Công nghệ — Đã gọi điện đề nghị nộp trong ngày");
    Task bcaFollowUp = followUpOf(review, "BCA");

    clock("2026-11-27T09:00");
    submitReport(review, "BCA", "Báo cáo của Bộ Công an", null);
    // the terminate end event ended BCA's instance with its follow-up, and only that instance
    assertThat(taskService.createTaskQuery().taskId(bcaFollowUp.getId()).count()).isZero();
    HistoricTaskInstance cancelled = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(bcaFollowUp.getId()).singleResult();
    assertThat(cancelled.getEndTime()).isNotNull();
    assertThat(cancelled.getDeleteReason()).isNotEqualTo("completed");
    assertThat(reportTasks(review)).singleElement().satisfies(task -> assertThat(candidateGroup(task)).isEqualTo("BKHCN"));
    assertThat(review).isWaitingAt("Task_SubmitReviewReport");
    assertThat(task(review, "Task_ConsolidateReports")).isNull();

    submitReport(review, "BKHCN", "Báo cáo của Bộ Khoa học và Công nghệ", null);
    assertThat(review).isWaitingAt("Task_ConsolidateReports");
    assertThat(tasks(review, "Task_FollowUpReviewReport")).isEmpty();
    assertThat((String) variable(review, "reviewReports"))
        .contains("Bộ Công an — nộp 27/11/2026 09:00 (officer-bca), sau hạn 26/11/2026")
        .contains("Bộ Khoa học và Công nghệ — nộp 27/11/2026 09:00 (officer-bkhcn), sau hạn 26/11/2026");
  }

  // ---------------------------------------------------------------- bad input: clear error, nothing changed

  @Test
  void invalidFormInputIsRejectedAndNothingChanges() {
    ProcessInstance review = review();
    clock("2026-11-25T10:00");
    Task bkhcn = reportOf(review, "BKHCN");
    assertRejected(() -> taskService.complete(bkhcn.getId(), Map.of("reviewReportText", "  ",
        "reviewReportProposals", "Đề xuất")), "thiếu \"Nội dung báo cáo\"");
    assertThat(taskService.createTaskQuery().taskId(bkhcn.getId()).count()).isOne();
    assertThat(variable(review, "reviewReportProposals")).isNull();
    assertThat(variable(review, "reviewReports")).isNull();

    submitReport(review, "BKHCN", "Báo cáo", null);
    submitReport(review, "BCA", "Báo cáo", null);
    Task consolidate = task(review, "Task_ConsolidateReports");
    assertRejected(() -> taskService.complete(consolidate.getId(), Map.of()), "thiếu \"Báo cáo tổng hợp\"");
    assertThat(review).isWaitingAt("Task_ConsolidateReports");
    taskService.complete(consolidate.getId(), Map.of("consolidatedReport", "Tổng hợp"));

    Task meeting = task(review, "Task_HoldReviewMeeting");
    Map<String, Object> future = meetingValues("2026-11-30");
    future.remove("meetingConclusions");
    assertRejected(() -> taskService.complete(meeting.getId(), future),
        "\"Ngày họp\" (30/11/2026) không được sau ngày 25/11/2026", "thiếu \"Kết luận của cuộc họp\"");
    assertRejected(() -> taskService.complete(meeting.getId(), meetingValues("2026-11-20")),
        "\"Ngày họp\" (20/11/2026) không được trước ngày 24/11/2026");
    assertRejected(() -> taskService.complete(meeting.getId(), meetingValues("25/11/2026")),
        "\"Ngày họp\": 25/11/2026 không phải là ngày hợp lệ");
    assertThat(review).isWaitingAt("Task_HoldReviewMeeting");
    assertThat(variable(review, "meetingDate")).isNull();
    assertThat(variable(review, "meetingConclusions")).isNull();

    taskService.complete(meeting.getId(), meetingValues("2026-11-25"));
    assertThat(review).isEnded();
  }

  @Test
  void aFollowUpWithoutANoteIsRejected() {
    ProcessInstance review = review();
    clock("2026-11-27T00:00:30");
    managementService.executeJob(managementService.createJobQuery().processInstanceId(review.getId())
        .activityId("Timer_ReviewReportLate").list().get(0).getId());
    Task followUp = tasks(review, "Task_FollowUpReviewReport").get(0);
    assertRejected(() -> taskService.complete(followUp.getId(), Map.of("followUpNote", "")), "thiếu \"Nội dung đôn đốc\"");
    assertThat(variable(review, "reviewFollowUpLog")).isNull();
  }

  // ---------------------------------------------------------------- helpers

  /** A review started by its timer on Tuesday 24/11/2026 08:00. */
  ProcessInstance review() {
    clock("2026-11-24T07:00");
    managementService.recalculateJobDuedate(reviewTimer().getId(), false);
    return fire("2026-11-24T08:00");
  }

  /** Runs the start timer at that moment (as the job executor would) and returns the review it started. */
  ProcessInstance fire(String localDateTime) {
    Set<String> before = reviewIds();
    clock(localDateTime);
    managementService.executeJob(reviewTimer().getId());
    List<String> started = reviewIds().stream().filter(id -> !before.contains(id)).toList();
    assertThat(started).hasSize(1);
    return runtimeService.createProcessInstanceQuery().processInstanceId(started.get(0)).singleResult();
  }

  Set<String> reviewIds() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReviewCycle.PROCESS_KEY).list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toSet());
  }

  Job reviewTimer() {
    return managementService.createJobQuery().processDefinitionKey(ReviewCycle.PROCESS_KEY).activityId("Timer_ReviewDue")
        .singleResult();
  }

  void submitReport(ProcessInstance review, String agency, String text, String proposals) {
    String officer = "officer-" + agency.toLowerCase();
    engine.getIdentityService().setAuthentication(officer, List.of(agency));
    Map<String, Object> values = new HashMap<>();
    values.put("reviewReportText", text);
    values.put("reviewReportProposals", proposals);
    taskService.complete(reportOf(review, agency).getId(), values);
    engine.getIdentityService().clearAuthentication();
  }

  static Map<String, Object> meetingValues(String date) {
    Map<String, Object> values = new HashMap<>();
    values.put("meetingDate", date);
    values.put("meetingChair", "Phó Thủ tướng Chính phủ");
    values.put("meetingAttendees", "Lãnh đạo Bộ Khoa học và Công nghệ, Bộ Công an, Văn phòng Chính phủ");
    values.put("meetingConclusions", "Các bộ hoàn thành đúng tiến độ; Bộ Tài chính bố trí kinh phí");
    values.put("followUpRequests", "Bộ Tài chính báo cáo trước ngày 05/12/2026");
    return values;
  }

  List<Task> reportTasks(ProcessInstance review) {
    return tasks(review, ReviewTasks.REPORT_TASK);
  }

  Task reportOf(ProcessInstance review, String agency) {
    return reportTasks(review).stream().filter(task -> agency.equals(candidateGroup(task))).findFirst().orElseThrow();
  }

  /** The follow-up of one agency's late report: the one whose instance's agency it is. */
  Task followUpOf(ProcessInstance review, String agency) {
    return tasks(review, "Task_FollowUpReviewReport").stream()
        .filter(task -> agency.equals(taskService.getVariable(task.getId(), "reportingAgency"))).findFirst().orElseThrow();
  }

  List<Task> tasks(ProcessInstance review, String key) {
    return taskService.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key).list();
  }

  Task task(ProcessInstance review, String key) {
    return taskService.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key).singleResult();
  }

  String candidateGroup(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).findFirst().orElse(null);
  }

  Object variable(ProcessInstance review, String name) {
    return runtimeService.getVariable(review.getId(), name);
  }

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant());
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(at(localDateTime));
  }

  static void assertRejected(Runnable action, String... problems) {
    assertThatThrownBy(action::run).isInstanceOf(DirectiveInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(problems));
  }
}
