package vn.directivetracker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * One test per path through processes/directive.bpmn, run on H2 and on PostgreSQL by the
 * subclasses. Timers fire by moving the engine clock and executing the due job, never by sleeping.
 */
abstract class DirectiveProcessPaths extends DirectiveTestSupport {

  // ---------------------------------------------------------------- paths

  @Test
  void acceptedOnFirstReviewClosesOnTime() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    assertThat(date(directive, "deadline")).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat(date(directive, "reminderDate")).isEqualTo(at("2026-06-23T08:00"));
    assertThat(date(directive, "leadershipEscalationDate")).isEqualTo(at("2026-07-14T23:59:59"));
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-06-23T08:00"));
    Task report = task(directive, "Task_SubmitCompletionReport");
    assertThat(report.getDueDate()).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat(candidateGroups(report)).containsExactly(LEAD);
    assertThat(status(directive)).isEqualTo(DirectiveStatus.IN_PROGRESS);

    clock("2026-06-20T10:00");
    submitCompletionReport(directive);
    review(directive, "accept", null);

    assertThat(directive).hasPassed("Task_ConfirmAssignment", "BusinessRuleTask_DeterminePolicy",
        "Task_AcknowledgeDirective", "Task_SubmitCompletionReport", "Task_ReviewCompletionReport",
        "EndEvent_ReportAccepted", "EndEvent_DirectiveClosed").isEnded();
    assertThat(historicStatus(directive)).isEqualTo(DirectiveStatus.COMPLETED_ON_TIME.name());
  }

  @Test
  void eachCoordinatingAgencyContributesAndTheLeadSeesIt() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    List<Task> contributions = taskService.createTaskQuery().processInstanceId(directive.getId())
        .taskDefinitionKey("Task_ContributeCoordination").list();
    assertThat(contributions).hasSize(2);
    assertThat(contributions.stream().map(this::candidateGroups).flatMap(List::stream)).containsExactlyInAnyOrder("BKHCN", OFFICE);

    for (Task contribution : contributions) {
      String agency = candidateGroups(contribution).get(0);
      taskService.complete(contribution.getId(), Map.of("contribution", "Ý kiến của " + agency));
    }
    assertThat(directive).hasPassed("EndEvent_CoordinationDone");
    assertThat((String) runtimeService.getVariable(directive.getId(), "coordinationLog"))
        .contains("Bộ Khoa học và Công nghệ: Ý kiến của BKHCN", "Văn phòng Chính phủ: Ý kiến của VPCP");
  }

  @Test
  void withoutCoordinatorsNoContributionIsAsked() {
    Map<String, Object> variables = variables();
    variables.put("coordinatingAgenciesText", "");
    ProcessInstance directive = assignedAndAcknowledged(variables);
    assertThat(directive).hasPassed("EndEvent_NoCoordination");
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ContributeCoordination")
        .processInstanceId(directive.getId()).count()).isZero();
  }

  @Test
  void returnedReportGoesBackToExecutionWithComments() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    submitCompletionReport(directive);
    review(directive, "return", "Thiếu số liệu về tỉnh");

    assertThat(directive).isWaitingAt("Task_SubmitCompletionReport");
    assertThat(runtimeService.getVariable(directive.getId(), "returnCount")).isEqualTo(1);
    assertThat((String) runtimeService.getVariable(directive.getId(), "reviewLog"))
        .contains("reviewer-vpcp: trả lại báo cáo — Thiếu số liệu về tỉnh");

    submitCompletionReport(directive);
    review(directive, "accept", null);
    assertThat(directive).isEnded();
    assertThat(historicStatus(directive)).isEqualTo(DirectiveStatus.COMPLETED_ON_TIME.name());
  }

  @Test
  void approvedExtensionMovesTheDeadlineTimers() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    requestExtension(directive, "2026-07-31");
    decideExtension(directive, "approve", "Chờ ý kiến thẩm định của Bộ Tư pháp");

    assertThat(date(directive, "deadline")).isEqualTo(at("2026-07-31T23:59:59"));
    assertThat(date(directive, "originalDeadline")).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-07-24T08:00"));
    assertThat(task(directive, "Task_SubmitCompletionReport").getDueDate()).isEqualTo(at("2026-07-31T23:59:59"));
    assertThat(runtimeService.getVariable(directive.getId(), "extensions").toString())
        .contains("2026-06-30", "2026-07-31", "reviewer-vpcp", "Chờ ý kiến thẩm định của Bộ Tư pháp");
    assertThat(directive).isWaitingAt("Task_RequestExtension");
    assertThat(task(directive, "Task_SubmitCompletionReport").getFollowUpDate()).isEqualTo(at("2026-07-24T08:00"));
    // the next request starts from an empty form
    assertThat(runtimeService.getVariable(directive.getId(), "proposedDeadline")).isNull();


    // the directive is reminded and overdue by the new dates, not the old ones
    clock("2026-07-01T09:00");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    assertThat(job(directive, "Timer_DeadlineReached").getDuedate()).isEqualTo(at("2026-07-31T23:59:59"));
    assertThat(status(directive)).isEqualTo(DirectiveStatus.IN_PROGRESS);
    clock("2026-07-20T09:00");
    submitCompletionReport(directive);
    review(directive, "accept", null);
    assertThat(historicStatus(directive)).isEqualTo(DirectiveStatus.COMPLETED_ON_TIME.name());
  }

  @Test
  void aSecondExtensionCanFollowTheFirst() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    requestExtension(directive, "2026-07-31");
    decideExtension(directive, "approve", "Chờ ý kiến thẩm định của Bộ Tư pháp");
    // 31/8/2026 would fall in the National Day holiday (29/8-2/9): ask for the Thursday before
    requestExtension(directive, "2026-08-27");
    decideExtension(directive, "approve", "Chờ Chính phủ cho ý kiến");

    assertThat(date(directive, "deadline")).isEqualTo(at("2026-08-27T23:59:59"));
    assertThat(date(directive, "originalDeadline")).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat((List<?>) runtimeService.getVariable(directive.getId(), "extensions")).hasSize(2);
    assertThat((String) runtimeService.getVariable(directive.getId(), "extensionLog"))
        .contains("30/06/2026 → 31/07/2026", "31/07/2026 → 27/08/2026");
  }

  @Test
  void rejectedExtensionKeepsTheDeadline() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    requestExtension(directive, "2026-07-31");
    decideExtension(directive, "reject", "Nhiệm vụ cấp bách, không gia hạn");

    assertThat(date(directive, "deadline")).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-06-23T08:00"));
    assertThat((String) runtimeService.getVariable(directive.getId(), "extensionLog"))
        .contains("không chấp thuận gia hạn 30/06/2026 → 31/07/2026");
    assertThat(directive).hasPassed("Gateway_ExtensionApproved").hasNotPassed("ServiceTask_ApplyExtension")
        .isWaitingAt("Task_RequestExtension");
  }

  @Test
  void overdueDirectiveEscalatesToStandingOfficeThenLeadership() {
    ProcessInstance directive = assignedAndAcknowledged(variables());

    clock("2026-06-23T08:01");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    Task report = task(directive, "Task_SubmitCompletionReport");
    assertThat(report.getPriority()).isEqualTo(Reminders.REMINDED_PRIORITY);
    assertThat(taskService.getTaskComments(report.getId())).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).contains("30/06/2026"));

    clock("2026-07-01T00:00:30");
    managementService.executeJob(job(directive, "Timer_DeadlineReached").getId());
    assertThat(status(directive)).isEqualTo(DirectiveStatus.OVERDUE);
    Task followUp = task(directive, "Task_FollowUpOverdueDirective");
    assertThat(candidateGroups(followUp)).containsExactly(OFFICE);
    taskService.complete(followUp.getId(), Map.of("followUpNote", "Đã có văn bản đôn đốc số 12/VPCP"));

    clock("2026-07-15T00:00:30");
    managementService.executeJob(job(directive, "Timer_LeadershipEscalationDue").getId());
    Task direction = task(directive, "Task_DirectOverdueDirective");
    assertThat(candidateGroups(direction)).containsExactly("leadership");
    taskService.complete(direction.getId(), Map.of("leadershipDirection", "Yêu cầu hoàn thành trong tuần"));
    assertThat(directive).hasPassed("Event_EscalateToStandingOffice", "Event_EscalateToLeadership",
        "Task_FollowUpOverdueDirective", "Task_DirectOverdueDirective");

    submitCompletionReport(directive);
    review(directive, "accept", null);
    assertThat(historicStatus(directive)).isEqualTo(DirectiveStatus.COMPLETED_LATE.name());
  }

  @Test
  void monthlyReportOpensOnTheReportingDayAndIsRemindedWhenLate() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    Job cycle = job(directive, "StartEvent_MonthlyReportDue");
    // each directive opens at its own moment between 08:00 and 09:00, the same every month
    String opens = reporting.openingTime(directive.getBusinessKey()).toString();
    assertThat(opens).isBetween("08:00", "08:59:59");
    assertThat(cycle.getDuedate()).isEqualTo(at("2026-06-15T" + opens));

    clock("2026-06-15T" + opens);
    managementService.executeJob(cycle.getId());
    Task monthly = task(directive, "Task_SubmitMonthlyReport");
    // due on the 20th; 20/6/2026 is a Saturday, so the next working day
    assertThat(monthly.getDueDate()).isEqualTo(at("2026-06-22T23:59:59"));
    assertThat(candidateGroups(monthly)).containsExactly(LEAD);
    assertThat(job(directive, "StartEvent_MonthlyReportDue").getDuedate()).isEqualTo(at("2026-07-15T" + opens));

    clock("2026-06-23T08:00");
    managementService.executeJob(job(directive, "Timer_MonthlyReportLate").getId());
    assertThat(runtimeService.getVariable(directive.getId(), "lateMonthlyReportCount")).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(monthly.getId()).singleResult().getPriority())
        .isEqualTo(Reminders.REMINDED_PRIORITY);

    taskService.complete(monthly.getId(), Map.of("progressSummary", "Đã hoàn thành dự thảo", "percentComplete", 60));
    assertThat(runtimeService.getVariable(directive.getId(), "monthlyReportCount")).isEqualTo(1);
    assertThat(directive).hasPassed("EndEvent_MonthlyReportSubmitted", "EndEvent_LateReportRecorded");
  }

  @Test
  void ongoingDutyReportsEveryMonthUntilClosed() {
    Map<String, Object> variables = variables();
    variables.put("deadlineKind", "ONGOING");
    variables.put("deadlinePhrase", "Nhiệm vụ thường xuyên");
    variables.put("deadlineDate", null);
    ProcessInstance directive = assignedAndAcknowledged(variables);

    assertThat(directive).hasPassed("EndEvent_NoDeadline").isWaitingAt("Task_CloseOngoingDuty");
    assertThat(managementService.createJobQuery().processInstanceId(directive.getId()).activityId("Timer_DeadlineReached").count()).isZero();
    assertThat(status(directive)).isEqualTo(DirectiveStatus.ONGOING);

    for (String month : List.of("2026-06", "2026-07", "2026-08")) {
      clock(month + "-15T" + reporting.openingTime(directive.getBusinessKey()));
      managementService.executeJob(job(directive, "StartEvent_MonthlyReportDue").getId());
      Task monthly = task(directive, "Task_SubmitMonthlyReport");
      taskService.complete(monthly.getId(), Map.of("progressSummary", "Báo cáo tháng " + month));
    }
    assertThat(runtimeService.getVariable(directive.getId(), "monthlyReportCount")).isEqualTo(3);

    Task close = task(directive, "Task_CloseOngoingDuty");
    assertThat(candidateGroups(close)).containsExactly(OFFICE);
    taskService.complete(close.getId(), Map.of("closingNote", "Đã hoàn thành mục tiêu"));
    assertThat(directive).hasPassed("EndEvent_DutyClosed").isEnded();
    assertThat(historicStatus(directive)).isEqualTo(DirectiveStatus.ONGOING_CLOSED.name());
    assertThat(managementService.createJobQuery().processInstanceId(directive.getId()).count()).isZero();
  }

  @Test
  void deadlineOnTetMovesToTheNextWorkingDay() {
    clock("2026-01-05T09:00");
    Map<String, Object> variables = variables();
    variables.put("deadlineDate", "2026-02-17");
    ProcessInstance directive = assignedAndAcknowledged(variables);
    assertThat(date(directive, "deadline")).isEqualTo(at("2026-02-23T23:59:59"));
    assertThat(runtimeService.getVariable(directive.getId(), "deadlineText")).isEqualTo("23/02/2026");
  }

  @Test
  void deadlineOnReunificationDayMovesPastTheLabourDayWeekend() {
    clock("2026-04-01T09:00");
    Map<String, Object> variables = variables();
    variables.put("deadlineDate", "2026-04-30");
    ProcessInstance directive = assignedAndAcknowledged(variables);
    assertThat(date(directive, "deadline")).isEqualTo(at("2026-05-04T23:59:59"));
  }

  @Test
  void keyTaskGetsTheKeyTaskPolicyFromTheDecisionTable() {
    Map<String, Object> variables = variables();
    variables.put("keyTask", true);
    ProcessInstance directive = assignedAndAcknowledged(variables);
    assertThat(runtimeService.getVariable(directive.getId(), "reminderLeadWorkingDays")).isEqualTo(7);
    // 7 working days before Tuesday 30/6/2026
    assertThat(date(directive, "reminderDate")).isEqualTo(at("2026-06-19T08:00"));
  }

  // ---------------------------------------------------------------- bad input: clear error, nothing changed

  @Test
  void asapItemNeedsATargetDateThatIsNotPast() {
    Map<String, Object> variables = variables();
    variables.put("deadlineKind", "ASAP");
    variables.put("deadlineDate", null);
    ProcessInstance directive = start(variables);
    Task confirm = task(directive, "Task_ConfirmAssignment");

    assertRejected(() -> taskService.complete(confirm.getId(), variables), "thiếu \"Thời hạn mục tiêu\"");
    variables.put("deadlineDate", "2026-05-01");
    assertRejected(() -> taskService.complete(confirm.getId(), variables), "đã qua");
    assertThat(directive).isWaitingAt("Task_ConfirmAssignment");
    assertThat(runtimeService.getVariable(directive.getId(), "deadlineDate")).isNull();

    variables.put("deadlineDate", "2026-06-12");
    taskService.complete(confirm.getId(), variables);
    assertThat(date(directive, "deadline")).isEqualTo(at("2026-06-12T23:59:59"));
  }

  @Test
  void unknownAgencyAndLeadAsCoordinatorAreRejected() {
    Map<String, Object> variables = variables();
    ProcessInstance directive = start(variables);
    Task confirm = task(directive, "Task_ConfirmAssignment");
    variables.put("leadAgency", "BXX");
    variables.put("coordinatingAgenciesText", "BKHCN, BXX");
    assertRejected(() -> taskService.complete(confirm.getId(), variables), "không có cơ quan mã BXX");
    variables.put("leadAgency", "BKHCN");
    assertRejected(() -> taskService.complete(confirm.getId(), variables), "BKHCN là cơ quan chủ trì");
    assertThat(runtimeService.getVariable(directive.getId(), "leadAgency")).isEqualTo(LEAD);
  }

  @Test
  void missingRequiredFieldsAreRejectedAndNothingChanges() {
    ProcessInstance directive = start(variables());
    taskService.complete(task(directive, "Task_ConfirmAssignment").getId(), variables());
    Task acknowledge = task(directive, "Task_AcknowledgeDirective");
    assertRejected(() -> taskService.complete(acknowledge.getId(), Map.of("responsibleUnit", "Cục C06", "plan", " ")),
        "thiếu \"Người chịu trách nhiệm\"", "thiếu \"Kế hoạch thực hiện\"");
    assertThat(directive).isWaitingAt("Task_AcknowledgeDirective");
    assertThat(runtimeService.getVariable(directive.getId(), "responsibleUnit")).isNull();
  }

  @Test
  void extensionMustAskForADayAfterTheCurrentDeadline() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    Task request = task(directive, "Task_RequestExtension");
    assertRejected(() -> taskService.complete(request.getId(), Map.of("extensionReason", "Cần thêm thời gian",
        "proposedDeadline", "2026-06-15")), "phải sau thời hạn hiện tại (30/06/2026)");
    assertThat(directive).isWaitingAt("Task_RequestExtension");
  }

  @Test
  void completionReportRejectsFutureDocumentDatesAndBadLinks() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    Task report = task(directive, "Task_SubmitCompletionReport");
    assertRejected(() -> taskService.complete(report.getId(), Map.of("resultSummary", "Đã trình",
            "resultDocumentDate", "2026-06-10", "evidenceLinks", "https://vpcp.gov.vn/a\nftp://x/y")),
        "\"Ngày ban hành văn bản\" (10/06/2026) không được sau ngày 01/06/2026",
        "ftp://x/y không phải là đường dẫn http(s)");
    assertThat(runtimeService.getVariable(directive.getId(), "completionSubmittedAt")).isNull();
  }
}
