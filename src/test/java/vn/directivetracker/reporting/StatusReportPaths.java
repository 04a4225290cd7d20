package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.lifecycle.DirectiveStatus;

/**
 * Status categories at their boundaries, computed from directives driven through the real
 * directive process (the read model is fed by the engine), as of now and as of past moments. Run
 * on H2 and on PostgreSQL by the subclasses.
 */
abstract class StatusReportPaths {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired StatusReports reports;
  @Autowired StatusSnapshots snapshots;
  @Autowired DirectiveStateRepository states;
  @Autowired DirectiveStateBackfill backfill;
  @Autowired JdbcTemplate jdbc;

  /** Every test reports on its own notice, so directives of other tests do not count. */
  String notice;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    notice = "T" + UUID.randomUUID().toString().substring(0, 8) + "/TB-TEST";
    clock("2026-06-01T09:00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void completedOnTheDeadlineDayIsOnTimeAndTheDayAfterIsLate() {
    ProcessInstance onTheDay = assignedAndAcknowledged("BCA", "2026-06-30");
    ProcessInstance dayAfter = assignedAndAcknowledged("BTC", "2026-06-30");
    clock("2026-06-30T23:00");
    complete(onTheDay);
    clock("2026-07-01T08:30");
    complete(dayAfter);

    StatusReport report = now();
    assertThat(row(report, onTheDay).status()).isEqualTo(DirectiveStatus.COMPLETED_ON_TIME);
    assertThat(row(report, onTheDay).daysOverdue()).isZero();
    assertThat(row(report, dayAfter).status()).isEqualTo(DirectiveStatus.COMPLETED_LATE);
    assertThat(row(report, dayAfter).daysOverdue()).isEqualTo(1);
    assertThat(report.totals().completedOnTime()).isEqualTo(1);
    assertThat(report.totals().completedLate()).isEqualTo(1);
    assertThat(report.totals().completionRate()).isEqualTo(1.0);
    assertThat(report.totals().onTimeRate()).isEqualTo(0.5);
    assertThat(report.completionsPerMonth()).containsExactly(new MonthLine("2026-06", 1, 0), new MonthLine("2026-07", 0, 1));
    // the league table puts each lead agency on its own line
    assertThat(report.agencies()).extracting(AgencyLine::agency).containsExactlyInAnyOrder("BCA", "BTC");
  }

  @Test
  void openWorkIsInProgressUntilTheEndOfTheDeadlineDayThenOverdue() {
    ProcessInstance directive = assignedAndAcknowledged("BCA", "2026-06-30");
    ProcessInstance notAcknowledged = confirmed("BTC", "2026-06-30");

    assertThat(row(asOf("2026-06-30T23:59:59"), directive).status()).isEqualTo(DirectiveStatus.IN_PROGRESS);
    assertThat(row(asOf("2026-06-30T23:59:59"), notAcknowledged).status()).isEqualTo(DirectiveStatus.NOT_STARTED);
    StatusReport dayAfter = asOf("2026-07-01T00:00:01");
    assertThat(row(dayAfter, directive).status()).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(row(dayAfter, notAcknowledged).status()).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(row(asOf("2026-07-11T10:00"), directive).daysOverdue()).isEqualTo(11);
    // exception first: the overdue rows lead the list
    assertThat(asOf("2026-07-11T10:00").directives()).extracting(StatusRow::status)
        .containsOnly(DirectiveStatus.OVERDUE);
  }

  @Test
  void aDeadlineOnAHolidayMovesToTheNextWorkingDay() {
    // 30/4 and 1/5/2026 are public holidays, 2-3/5 a weekend: the period ends on Monday 4/5
    clock("2026-04-01T09:00");
    ProcessInstance directive = assignedAndAcknowledged("BCA", "2026-04-30");
    StatusRow onTheHoliday = row(asOf("2026-05-03T12:00"), directive);
    assertThat(onTheHoliday.deadline()).isEqualTo(LocalDate.of(2026, 5, 4));
    assertThat(onTheHoliday.status()).isEqualTo(DirectiveStatus.IN_PROGRESS);
    StatusRow afterIt = row(asOf("2026-05-05T08:00"), directive);
    assertThat(afterIt.status()).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(afterIt.daysOverdue()).isEqualTo(1);
  }

  @Test
  void anApprovedExtensionMovesTheDeadlineFromTheDayItIsApproved() {
    ProcessInstance directive = assignedAndAcknowledged("BCA", "2026-06-30");
    clock("2026-06-25T10:00");
    taskService.complete(task(directive, "Task_RequestExtension"), Map.of("extensionReason", "Chờ ý kiến các bộ",
        "proposedDeadline", "2026-07-31"));
    asReviewer(() -> taskService.complete(task(directive, "Task_DecideExtension"), Map.of(
        "extensionDecision", "approve", "decisionReason", "Cần thêm thời gian thẩm định")));
    clock("2026-07-20T10:00");
    complete(directive);

    StatusRow done = row(now(), directive);
    assertThat(done.originalDeadline()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(done.deadline()).isEqualTo(LocalDate.of(2026, 7, 31));
    assertThat(done.extended()).isTrue();
    // finished within the approved extension: on time (directive-tracker.status.extension-counts-as-on-time)
    assertThat(done.status()).isEqualTo(DirectiveStatus.COMPLETED_ON_TIME);
    // before the approval the original deadline was in force
    StatusRow before = row(asOf("2026-06-20T10:00"), directive);
    assertThat(before.deadline()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(before.status()).isEqualTo(DirectiveStatus.IN_PROGRESS);
    assertThat(row(asOf("2026-07-02T10:00"), directive).status()).isEqualTo(DirectiveStatus.IN_PROGRESS);
  }

  @Test
  void anExtensionApprovedWhenOverdueLeavesTheDaysItWasOverdueInThePast() {
    ProcessInstance directive = assignedAndAcknowledged("BCA", "2026-06-30");
    clock("2026-07-01T00:00:30");
    var jobs = engine.getManagementService();
    for (String timer : List.of("Timer_DeadlineReminder", "Timer_DeadlineReached")) {
      jobs.executeJob(jobs.createJobQuery().processInstanceId(directive.getId()).activityId(timer).singleResult().getId());
    }
    clock("2026-07-06T10:00");
    taskService.complete(task(directive, "Task_RequestExtension"), Map.of("extensionReason", "Chờ ý kiến các bộ",
        "proposedDeadline", "2026-09-30"));
    asReviewer(() -> taskService.complete(task(directive, "Task_DecideExtension"), Map.of(
        "extensionDecision", "approve", "decisionReason", "Cần thêm thời gian thẩm định")));

    StatusRow now = row(now(), directive);
    assertThat(now.status()).isEqualTo(DirectiveStatus.IN_PROGRESS);
    assertThat(now.deadline()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(now.originalDeadline()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(now.daysOverdue()).isZero();
    // the report as of a day before the approval shows what was true then: overdue on the old deadline
    StatusRow then = row(asOf("2026-07-03T12:00"), directive);
    assertThat(then.status()).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(then.deadline()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(then.daysOverdue()).isEqualTo(3);
    assertThat(asOf("2026-07-03T12:00").totals().overdue()).isEqualTo(1);
    // and from the approval on, in progress on the new one
    StatusRow after = row(asOf("2026-07-06T12:00"), directive);
    assertThat(after.status()).isEqualTo(DirectiveStatus.IN_PROGRESS);
    assertThat(after.deadline()).isEqualTo(LocalDate.of(2026, 9, 30));
  }

  @Test
  void anOngoingDutyCountsApartUntilItIsClosed() {
    Map<String, Object> variables = variables("BCA", null);
    variables.put("deadlineKind", "ONGOING");
    variables.put("deadlinePhrase", "Thường xuyên");
    ProcessInstance duty = start(variables);
    taskService.complete(task(duty, "Task_ConfirmAssignment"), variables);
    taskService.complete(task(duty, "Task_AcknowledgeDirective"), acknowledgement());

    StatusReport open = now();
    assertThat(row(open, duty).status()).isEqualTo(DirectiveStatus.ONGOING);
    assertThat(row(open, duty).deadline()).isNull();
    assertThat(open.totals().ongoing()).isEqualTo(1);
    assertThat(open.totals().dated()).isZero();
    assertThat(open.totals().completionRate()).isZero();

    clock("2026-09-01T09:00");
    asReviewer(() -> taskService.complete(task(duty, "Task_CloseOngoingDuty"), Map.of("closingNote", "Đã hoàn thành lộ trình")));
    assertThat(row(now(), duty).status()).isEqualTo(DirectiveStatus.ONGOING_CLOSED);
    assertThat(row(asOf("2026-08-01T09:00"), duty).status()).isEqualTo(DirectiveStatus.ONGOING);
  }

  @Test
  void aStatedDeadlinePastBeforeTheAssignmentIsConfirmedIsAlreadyOverdue() {
    ProcessInstance waiting = start(variables("BCA", "2026-05-29"));
    assertThat(waiting).isWaitingAt("Task_ConfirmAssignment");
    StatusRow row = row(now(), waiting);
    assertThat(row.deadline()).isEqualTo(LocalDate.of(2026, 5, 29));
    assertThat(row.status()).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(row.daysOverdue()).isEqualTo(3);
  }

  @Test
  void aReportAsOfThePastShowsWhatWasKnownThen() {
    ProcessInstance directive = assignedAndAcknowledged("BCA", "2026-06-30");
    clock("2026-06-10T09:00");
    complete(directive);
    clock("2026-06-12T09:00");
    ProcessInstance later = start(variables("BTC", "2026-06-30"));

    assertThat(row(asOf("2026-06-05T09:00"), directive).status()).isEqualTo(DirectiveStatus.IN_PROGRESS);
    assertThat(row(asOf("2026-06-05T09:00"), directive).completedAt()).isNull();
    assertThat(asOf("2026-06-05T09:00").directives()).extracting(StatusRow::processInstanceId)
        .doesNotContain(later.getId());
    assertThat(row(now(), directive).status()).isEqualTo(DirectiveStatus.COMPLETED_ON_TIME);
  }

  @Test
  void aSnapshotDoesNotChangeWhenTheDirectiveLaterCompletes() {
    ProcessInstance directive = assignedAndAcknowledged("BCA", "2026-06-10");
    clock("2026-06-15T00:00:05");
    YearMonth june = YearMonth.of(2026, 6);
    jdbc.update("delete from dt_status_snapshot_row where period = ?", june.toString());
    jdbc.update("delete from dt_status_snapshot where period = ?", june.toString());
    StatusSnapshot snapshot = snapshots.freeze(june);
    assertThat(snapshot.asOf()).isEqualTo(at("2026-06-14T23:59:59").toInstant());

    clock("2026-06-20T09:00");
    complete(directive);
    assertThat(row(now(), directive).status()).isEqualTo(DirectiveStatus.COMPLETED_LATE);

    StatusReport frozen = reports.report(new ReportQuery(notice, null, null, "2026-06"));
    assertThat(frozen.period()).isEqualTo("2026-06");
    assertThat(row(frozen, directive).status()).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(row(frozen, directive).daysOverdue()).isEqualTo(4);
    // the frozen rows are listed, filtered and searched like live ones
    ReportQuery frozenJune = new ReportQuery(notice, null, null, "2026-06");
    assertThat(reports.report(frozenJune, null, new DirectiveFilter(null, "bộ công an", 0, 10)).directives())
        .extracting(StatusRow::processInstanceId).containsExactly(directive.getId());
    assertThat(reports.report(frozenJune, null, new DirectiveFilter(null, "bo tai chinh", 0, 10)).directivesTotal())
        .isZero();
    assertThat(reports.report(frozenJune, null, new DirectiveFilter(DirectiveStatus.OVERDUE, null, 0, 10))
        .directivesTotal()).isEqualTo(1);
    assertThat(reports.report(frozenJune, List.of("BTC"), DirectiveFilter.firstPage()).totals().total()).isZero();
    // taking it again (a retried job) keeps the first
    assertThat(snapshots.freeze(june).takenAt()).isEqualTo(snapshot.takenAt());
    assertThat(row(reports.report(new ReportQuery(notice, null, null, "2026-06")), directive).status())
        .isEqualTo(DirectiveStatus.OVERDUE);
  }

  @Test
  void theListIsFilteredSearchedAndPagedByTheDatabase() {
    ProcessInstance digital = start(variables("BCA", "2026-06-30"));
    Map<String, Object> other = variables("BTC", "2026-05-29");
    other.put("directiveText", "Rà soát 100% thủ_tục hành chính tại Đà Nẵng");
    ProcessInstance review = start(other);
    ReportQuery query = new ReportQuery(notice, null, null, null);

    assertThat(list(query, null, "da nang")).containsExactly(review.getId());
    assertThat(list(query, null, "ĐÀ NẴNG rà soát")).containsExactly(review.getId());
    assertThat(list(query, null, "chuyen doi so")).containsExactly(digital.getId());
    assertThat(list(query, null, "bo cong an")).containsExactly(digital.getId());
    // LIKE's own characters are searched for as they are
    assertThat(list(query, null, "100%")).containsExactly(review.getId());
    assertThat(list(query, null, "thu_tuc")).containsExactly(review.getId());
    assertThat(list(query, null, "0%t")).isEmpty();
    assertThat(list(query, null, "ra_soat")).isEmpty();
    // the stated day 29/5 has passed: overdue, and first
    assertThat(list(query, DirectiveStatus.OVERDUE, null)).containsExactly(review.getId());
    assertThat(list(query, null, null)).containsExactly(review.getId(), digital.getId());
    StatusReport second = reports.report(query, null, new DirectiveFilter(null, null, 1, 1));
    assertThat(second.directives()).extracting(StatusRow::processInstanceId).containsExactly(digital.getId());
    assertThat(second.directivesTotal()).isEqualTo(2);
    assertThat(second.totals().total()).isEqualTo(2);
    // a search's total, on a page past its end and without a page
    StatusReport past = reports.report(query, null, new DirectiveFilter(null, "da nang", 5, 10));
    assertThat(past.directives()).isEmpty();
    assertThat(past.directivesTotal()).isEqualTo(1);
    assertThat(reports.report(query, null, new DirectiveFilter(null, "da nang", 0, 0)).directivesTotal()).isEqualTo(1);
    assertThat(reports.report(query, null, new DirectiveFilter(null, "ra soat", 0, 1)).directivesTotal()).isEqualTo(1);
    assertThat(reports.report(query, null, new DirectiveFilter(null, "bo", 0, 1)).directivesTotal()).isEqualTo(2);
    // what a viewer may not see is neither listed nor counted
    StatusReport theirs = reports.report(query, List.of("BTC"), new DirectiveFilter(null, "chuyen doi so", 0, 10));
    assertThat(theirs.directives()).isEmpty();
    assertThat(theirs.directivesTotal()).isZero();
    assertThat(theirs.totals().total()).isEqualTo(1);
  }

  List<String> list(ReportQuery query, DirectiveStatus status, String search) {
    return reports.report(query, null, new DirectiveFilter(status, search, 0, 10)).directives().stream()
        .map(StatusRow::processInstanceId).toList();
  }

  @Test
  void aWithdrawnDirectiveLeavesTheReport() {
    ProcessInstance kept = start(variables("BCA", "2026-06-30"));
    ProcessInstance withdrawn = start(variables("BTC", "2026-06-30"));
    runtimeService.deleteProcessInstance(withdrawn.getId(), "Thông báo đính chính: bỏ cơ quan");
    assertThat(now().directives()).extracting(StatusRow::processInstanceId).containsExactly(kept.getId());
  }

  @Test
  void theReadModelHoldsWhatTheEngineHolds() {
    ProcessInstance directive = assignedAndAcknowledged("BCA", "2026-06-30");
    DirectiveState state = states.find(directive.getId()).orElseThrow();
    assertThat(state.businessKey()).isEqualTo(directive.getBusinessKey());
    assertThat(state.leadAgency()).isEqualTo("BCA");
    assertThat(state.coordinatingAgencies()).isEqualTo("BKHCN, VPCP");
    assertThat(state.deadline()).isEqualTo(((Date) runtimeService.getVariable(directive.getId(), "deadline")).toInstant());
    assertThat(state.acknowledgedAt()).isEqualTo(((Date) runtimeService.getVariable(directive.getId(), "acknowledgedAt")).toInstant());
    assertThat(state.statedDeadline()).isEqualTo(LocalDate.of(2026, 6, 30));
    // the coordinators' contributions (sub-scope variables) do not touch the directive's facts
    for (var contribution : taskService.createTaskQuery().processInstanceId(directive.getId())
        .taskDefinitionKey("Task_ContributeCoordination").list()) {
      taskService.complete(contribution.getId(), Map.of("contribution", "Đã góp ý"));
    }
    assertThat(states.find(directive.getId()).orElseThrow().leadAgency()).isEqualTo("BCA");
  }

  @Test
  void directivesFromBeforeTheReadModelAreFilledInAtStartUp() throws Exception {
    ProcessInstance directive = assignedAndAcknowledged("BCA", "2026-06-30");
    DirectiveState recorded = states.find(directive.getId()).orElseThrow();
    jdbc.update("delete from dt_directive_state where process_instance_id = ?", directive.getId());
    jdbc.update("delete from dt_directive_deadline where process_instance_id = ?", directive.getId());

    backfill.run(null);

    DirectiveState filled = states.find(directive.getId()).orElseThrow();
    assertThat(filled).usingRecursiveComparison().isEqualTo(recorded);
  }

  @Test
  void theColumnsReportsSortAndSearchByAreWrittenWithTheRowAndFilledInAtStartUp() throws Exception {
    // 30/4/2026 is a holiday: the stated day's due moment is the end of Monday 4/5
    ProcessInstance waiting = start(variables("BCA", "2026-04-30"));
    ProcessInstance confirmed = assignedAndAcknowledged("BTC", "2026-06-30");
    Map<String, Object> written = derived(waiting);
    assertThat(written.get("due_at")).isEqualTo(new java.sql.Timestamp(at("2026-05-04T23:59:59").getTime()));
    assertThat(written.get("item_order")).isEqualTo("00001.");
    assertThat((String) written.get("search_text")).contains("bo cong an", "day manh chuyen doi so toan dien",
        notice.toLowerCase(java.util.Locale.ROOT), "bca");
    assertThat(derived(confirmed).get("due_at")).isEqualTo(java.sql.Timestamp.from(
        states.find(confirmed.getId()).orElseThrow().deadline()));

    // rows from before the columns existed, and a due moment a changed calendar would move
    Map<String, Object> confirmedWritten = derived(confirmed);
    jdbc.update("update dt_directive_state set due_at = null, item_order = null, search_text = null"
        + " where process_instance_id = ?", confirmed.getId());
    jdbc.update("update dt_directive_state set due_at = ? where process_instance_id = ?",
        new java.sql.Timestamp(at("2026-04-30T23:59:59").getTime()), waiting.getId());
    backfill.run(null);
    assertThat(derived(waiting)).isEqualTo(written);
    assertThat(derived(confirmed)).isEqualTo(confirmedWritten);
  }

  Map<String, Object> derived(ProcessInstance directive) {
    return jdbc.queryForMap("select due_at, item_order, search_text from dt_directive_state where process_instance_id = ?",
        directive.getId());
  }

  @Test
  void itemsSortAsTheNoticeNumbersThem() {
    assertThat(java.util.stream.Stream.of("10", "2.b", "1.a.12", "1.a.2", "2.a", "1.b").sorted(
        java.util.Comparator.comparing(StatusReports::itemOrder)).toList())
        .containsExactly("1.a.2", "1.a.12", "1.b", "2.a", "2.b", "10");
  }

  // ---------------------------------------------------------------- helpers

  StatusReport now() {
    return reports.report(new ReportQuery(notice, null, null, null));
  }

  StatusReport asOf(String localDateTime) {
    return reports.report(new ReportQuery(notice, null, at(localDateTime).toInstant(), null));
  }

  static StatusRow row(StatusReport report, ProcessInstance directive) {
    return report.directives().stream().filter(row -> row.processInstanceId().equals(directive.getId())).findFirst()
        .orElseThrow(() -> new AssertionError("directive " + directive.getId() + " not in the report"));
  }

  Map<String, Object> variables(String lead, String deadlineDate) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("noticeNumber", notice);
    variables.put("itemRef", "1");
    variables.put("directiveText", "Đẩy mạnh chuyển đổi số toàn diện trong cơ quan nhà nước");
    variables.put("leadAgency", lead);
    variables.put("leadAgencyName", null);
    variables.put("coordinatingAgenciesText", "BKHCN, VPCP");
    variables.put("standingOffice", "VPCP");
    variables.put("deadlineKind", "DATE");
    variables.put("deadlineDate", deadlineDate);
    variables.put("deadlinePhrase", "Hoàn thành trong tháng");
    variables.put("keyTask", false);
    return variables;
  }

  ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey("directive", notice + "/1/" + variables.get("leadAgency")
        + "/" + UUID.randomUUID().toString().substring(0, 4), variables);
  }

  ProcessInstance confirmed(String lead, String deadline) {
    Map<String, Object> variables = variables(lead, deadline);
    ProcessInstance directive = start(variables);
    taskService.complete(task(directive, "Task_ConfirmAssignment"), variables);
    return directive;
  }

  ProcessInstance assignedAndAcknowledged(String lead, String deadline) {
    ProcessInstance directive = confirmed(lead, deadline);
    taskService.complete(task(directive, "Task_AcknowledgeDirective"), acknowledgement());
    return directive;
  }

  static Map<String, Object> acknowledgement() {
    return Map.of("responsibleUnit", "Vụ Pháp chế", "responsiblePerson", "Nguyễn Văn An", "plan", "Theo kế hoạch");
  }

  void complete(ProcessInstance directive) {
    taskService.complete(task(directive, "Task_SubmitCompletionReport"), Map.of(
        "resultSummary", "Đã hoàn thành", "resultDocumentNumber", "45/BC",
        "resultDocumentDate", LocalDate.ofInstant(ClockUtil.now().toInstant(), WorkingDayCalendar.ZONE).toString(),
        "evidenceLinks", "https://vanban.chinhphu.vn/45"));
    asReviewer(() -> taskService.complete(task(directive, "Task_ReviewCompletionReport"), Map.of("reviewDecision", "accept")));
  }

  void asReviewer(Runnable action) {
    engine.getIdentityService().setAuthentication("reviewer-vpcp", List.of("VPCP", "reviewers"));
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  String task(ProcessInstance directive, String key) {
    return taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(key).singleResult().getId();
  }

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant());
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(at(localDateTime));
  }

  static Instant instant(String localDateTime) {
    return at(localDateTime).toInstant();
  }
}
