package vn.directivetracker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Extensions at every point of a directive's deadline, approved and rejected, run on H2 and on
 * PostgreSQL by the subclasses. The directive is due on Tuesday 30/6/2026: reminded at 08:00 on
 * 23/6 (5 working days before), overdue after 30/6, escalated to the leadership after 14/7 (10
 * working days). An approved extension to Wednesday 30/9/2026 must leave it exactly as if 30/9 had
 * been its deadline all along: reminded on 23/9, overdue after 30/9, escalated after 14/10.
 */
abstract class ExtensionPaths extends DirectiveTestSupport {

  static final String NEW_DAY = "2026-09-30";

  @Autowired JdbcTemplate jdbc;

  // ---------------------------------------------------------------- approved

  @Test
  void extensionApprovedBeforeTheReminderMovesEveryTimer() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    clock("2026-06-10T09:00");

    approveExtension(directive, NEW_DAY);

    assertWatchesTheNewDeadline(directive);
    assertThat(closedOverdueTasks(directive)).isEmpty();
    remindedAndEscalatedOnTheNewDeadline(directive);
  }

  @Test
  void extensionApprovedBetweenReminderAndDeadlineRemindsAgainBeforeTheNewOne() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    reminded(directive);
    clock("2026-06-25T09:00");

    approveExtension(directive, NEW_DAY);

    assertWatchesTheNewDeadline(directive);
    assertThat(runtimeService.getVariable(directive.getId(), "reminderSentAt")).isNull();
    remindedAndEscalatedOnTheNewDeadline(directive);
  }

  @Test
  void extensionApprovedAfterTheDeadlineClosesTheOfficesFollowUpWithANote() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    overdue(directive);
    Task followUp = task(directive, "Task_FollowUpOverdueDirective");
    clock("2026-07-03T09:00");

    approveExtension(directive, NEW_DAY);

    assertWatchesTheNewDeadline(directive);
    assertClosedWithANote(directive, followUp);
    assertThat(closedOverdueTasks(directive)).extracting(HistoricTaskInstance::getTaskDefinitionKey)
        .containsExactly("Task_FollowUpOverdueDirective");
    assertThat(runtimeService.getVariable(directive.getId(), "overdueSince")).isNull();
    remindedAndEscalatedOnTheNewDeadline(directive);
  }

  @Test
  void extensionApprovedAfterTheLeadershipEscalationClosesBothEscalationsWithANote() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    escalatedToLeadership(directive);
    Task followUp = task(directive, "Task_FollowUpOverdueDirective");
    Task direction = task(directive, "Task_DirectOverdueDirective");
    clock("2026-07-16T09:00");

    approveExtension(directive, NEW_DAY);

    assertWatchesTheNewDeadline(directive);
    assertClosedWithANote(directive, followUp);
    assertClosedWithANote(directive, direction);
    remindedAndEscalatedOnTheNewDeadline(directive);
  }

  @Test
  void extensionApprovedAfterTheLeadershipDirectedStillWatchesTheNewDeadline() {
    // the escalations were answered: nothing is left to close, but the deadline is watched again
    ProcessInstance directive = assignedAndAcknowledged(variables());
    escalatedToLeadership(directive);
    taskService.complete(task(directive, "Task_FollowUpOverdueDirective").getId(),
        Map.of("followUpNote", "Đã có văn bản đôn đốc số 12/VPCP"));
    taskService.complete(task(directive, "Task_DirectOverdueDirective").getId(),
        Map.of("leadershipDirection", "Báo cáo lý do chậm"));
    clock("2026-07-20T09:00");

    approveExtension(directive, NEW_DAY);

    assertWatchesTheNewDeadline(directive);
    assertThat(closedOverdueTasks(directive)).isEmpty();
    remindedAndEscalatedOnTheNewDeadline(directive);
  }

  @Test
  void twoExtensionsInARowKeepTheOriginalDeadlineAndEveryDecision() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    overdue(directive);
    clock("2026-07-03T09:00");
    approveExtension(directive, NEW_DAY);
    // reminded for 30/9, then extended again to Monday 30/11/2026
    clock("2026-09-23T08:00");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    assertThat(task(directive, "Task_SubmitCompletionReport").getPriority()).isEqualTo(Reminders.REMINDED_PRIORITY);
    clock("2026-09-24T09:00");

    approveExtension(directive, "2026-11-30");

    assertThat(date(directive, "deadline")).isEqualTo(at("2026-11-30T23:59:59"));
    assertThat(date(directive, "originalDeadline")).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-11-23T08:00"));
    assertThat(deadlineTimers(directive)).containsExactly("Timer_DeadlineReminder");
    Task report = task(directive, "Task_SubmitCompletionReport");
    assertThat(report.getPriority()).isEqualTo(Task.PRIORITY_NORMAL);
    assertThat(report.getDueDate()).isEqualTo(at("2026-11-30T23:59:59"));
    assertThat(status(directive)).isEqualTo(DirectiveStatus.IN_PROGRESS);
    assertThat((List<?>) runtimeService.getVariable(directive.getId(), "extensions")).hasSize(2);
    assertThat((String) runtimeService.getVariable(directive.getId(), "extensionLog"))
        .contains("chấp thuận gia hạn 30/06/2026 → 30/09/2026", "chấp thuận gia hạn 30/09/2026 → 30/11/2026");
    // the read model keeps every deadline the directive had, with the moment it took effect
    assertThat(jdbc.queryForList("select deadline from dt_directive_deadline where process_instance_id = ?"
        + " order by effective_from", java.sql.Timestamp.class, directive.getId()))
        .extracting(java.sql.Timestamp::getTime)
        .containsExactly(at("2026-06-30T23:59:59").getTime(), at("2026-09-30T23:59:59").getTime(),
            at("2026-11-30T23:59:59").getTime());

    clock("2026-11-23T08:00");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    assertThat(task(directive, "Task_SubmitCompletionReport").getPriority()).isEqualTo(Reminders.REMINDED_PRIORITY);
    assertThat(job(directive, "Timer_DeadlineReached").getDuedate()).isEqualTo(at("2026-11-30T23:59:59"));
  }

  // ---------------------------------------------------------------- rejected: nothing changes

  @Test
  void extensionRejectedBeforeTheReminderChangesNothing() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    clock("2026-06-10T09:00");

    rejectExtension(directive);

    assertKeepsTheOldDeadline(directive, DirectiveStatus.IN_PROGRESS, Task.PRIORITY_NORMAL);
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-06-23T08:00"));
    assertThat(deadlineTimers(directive)).containsExactly("Timer_DeadlineReminder");
  }

  @Test
  void extensionRejectedBetweenReminderAndDeadlineChangesNothing() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    reminded(directive);
    clock("2026-06-25T09:00");

    rejectExtension(directive);

    assertKeepsTheOldDeadline(directive, DirectiveStatus.IN_PROGRESS, Reminders.REMINDED_PRIORITY);
    assertThat(job(directive, "Timer_DeadlineReached").getDuedate()).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat(deadlineTimers(directive)).containsExactly("Timer_DeadlineReached");
  }

  @Test
  void extensionRejectedAfterTheDeadlineChangesNothing() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    overdue(directive);
    clock("2026-07-03T09:00");

    rejectExtension(directive);

    assertKeepsTheOldDeadline(directive, DirectiveStatus.OVERDUE, Reminders.REMINDED_PRIORITY);
    assertThat(job(directive, "Timer_LeadershipEscalationDue").getDuedate()).isEqualTo(at("2026-07-14T23:59:59"));
    assertThat(deadlineTimers(directive)).containsExactly("Timer_LeadershipEscalationDue");
    assertThat(task(directive, "Task_FollowUpOverdueDirective")).isNotNull();
  }

  @Test
  void extensionRejectedAfterTheLeadershipEscalationChangesNothing() {
    ProcessInstance directive = assignedAndAcknowledged(variables());
    escalatedToLeadership(directive);
    clock("2026-07-16T09:00");

    rejectExtension(directive);

    assertKeepsTheOldDeadline(directive, DirectiveStatus.OVERDUE, Reminders.REMINDED_PRIORITY);
    assertThat(deadlineTimers(directive)).isEmpty();
    assertThat(task(directive, "Task_FollowUpOverdueDirective")).isNotNull();
    assertThat(task(directive, "Task_DirectOverdueDirective")).isNotNull();
  }

  // ---------------------------------------------------------------- the deadline's course

  /** 08:01 on 23/6: the reminder has raised the lead's report to priority 80. */
  void reminded(ProcessInstance directive) {
    clock("2026-06-23T08:01");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    assertThat(task(directive, "Task_SubmitCompletionReport").getPriority()).isEqualTo(Reminders.REMINDED_PRIORITY);
  }

  /** Just after 30/6: overdue, the office follows it up. */
  void overdue(ProcessInstance directive) {
    reminded(directive);
    clock("2026-07-01T00:00:30");
    managementService.executeJob(job(directive, "Timer_DeadlineReached").getId());
    assertThat(status(directive)).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(task(directive, "Task_FollowUpOverdueDirective")).isNotNull();
  }

  /** Just after 14/7: the leadership is asked to direct. */
  void escalatedToLeadership(ProcessInstance directive) {
    overdue(directive);
    clock("2026-07-15T00:00:30");
    managementService.executeJob(job(directive, "Timer_LeadershipEscalationDue").getId());
    assertThat(task(directive, "Task_DirectOverdueDirective")).isNotNull();
  }

  void approveExtension(ProcessInstance directive, String day) {
    requestExtension(directive, day);
    decideExtension(directive, "approve", "Chờ ý kiến thẩm định của Bộ Tư pháp");
  }

  void rejectExtension(ProcessInstance directive) {
    requestExtension(directive, NEW_DAY);
    decideExtension(directive, "reject", "Nhiệm vụ cấp bách, không gia hạn");
  }

  // ---------------------------------------------------------------- what an extension leaves

  /** 30/9 is the deadline, as if it had been from the start; the lead's report is reset. */
  void assertWatchesTheNewDeadline(ProcessInstance directive) {
    assertThat(date(directive, "deadline")).isEqualTo(at("2026-09-30T23:59:59"));
    assertThat(date(directive, "originalDeadline")).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat(date(directive, "reminderDate")).isEqualTo(at("2026-09-23T08:00"));
    assertThat(date(directive, "leadershipEscalationDate")).isEqualTo(at("2026-10-14T23:59:59"));
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-09-23T08:00"));
    assertThat(deadlineTimers(directive)).containsExactly("Timer_DeadlineReminder");
    assertThat(taskService.createTaskQuery().processInstanceId(directive.getId())
        .taskDefinitionKeyIn(EscalationTasks.OVERDUE_TASKS.toArray(String[]::new)).count()).isZero();
    Task report = task(directive, "Task_SubmitCompletionReport");
    assertThat(report.getPriority()).isEqualTo(Task.PRIORITY_NORMAL);
    assertThat(report.getDueDate()).isEqualTo(at("2026-09-30T23:59:59"));
    assertThat(report.getFollowUpDate()).isEqualTo(at("2026-09-23T08:00"));
    assertThat(comments(report.getId())).anyMatch(text -> text.equals("Thời hạn được gia hạn đến ngày 30/09/2026."));
    assertThat(status(directive)).isEqualTo(DirectiveStatus.IN_PROGRESS);
    assertThat(directive).hasPassed("ServiceTask_ApplyExtension", "EndEvent_DeadlineExtended",
        "ServiceTask_UpdateTasksForNewDeadline").isWaitingAt("Task_RequestExtension", "Task_SubmitCompletionReport");
    assertThat(runtimeService.getVariable(directive.getId(), "extensions").toString())
        .contains("2026-06-30", NEW_DAY, "reviewer-vpcp", "Chờ ý kiến thẩm định của Bộ Tư pháp");
  }

  /** Reminded on 23/9, overdue after 30/9, escalated to the leadership after 14/10. */
  void remindedAndEscalatedOnTheNewDeadline(ProcessInstance directive) {
    clock("2026-09-23T08:00");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    Task report = task(directive, "Task_SubmitCompletionReport");
    assertThat(report.getPriority()).isEqualTo(Reminders.REMINDED_PRIORITY);
    assertThat(comments(report.getId())).anyMatch(text -> text.equals("Nhắc hạn: nhiệm vụ đến hạn ngày 30/09/2026."));
    assertThat(job(directive, "Timer_DeadlineReached").getDuedate()).isEqualTo(at("2026-09-30T23:59:59"));
    assertThat(status(directive)).isEqualTo(DirectiveStatus.IN_PROGRESS);

    clock("2026-10-01T00:00:30");
    managementService.executeJob(job(directive, "Timer_DeadlineReached").getId());
    assertThat(status(directive)).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(task(directive, "Task_FollowUpOverdueDirective")).isNotNull();
    assertThat(job(directive, "Timer_LeadershipEscalationDue").getDuedate()).isEqualTo(at("2026-10-14T23:59:59"));

    clock("2026-10-15T00:00:30");
    managementService.executeJob(job(directive, "Timer_LeadershipEscalationDue").getId());
    assertThat(task(directive, "Task_DirectOverdueDirective")).isNotNull();
  }

  /** The task is gone, with a comment saying why, and the follow-up log says so too. */
  void assertClosedWithANote(ProcessInstance directive, Task stale) {
    assertThat(taskService.createTaskQuery().taskId(stale.getId()).count()).isZero();
    assertThat(comments(stale.getId())).contains("Đóng do gia hạn đến 30/09/2026.");
    String step = stale.getName().substring(0, stale.getName().indexOf(" — "));
    assertThat((String) runtimeService.getVariable(directive.getId(), "followUpLog"))
        .contains("hệ thống: đóng \"" + step + "\" — Đóng do gia hạn đến 30/09/2026");
  }

  void assertKeepsTheOldDeadline(ProcessInstance directive, DirectiveStatus status, int priority) {
    assertThat(date(directive, "deadline")).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat(date(directive, "reminderDate")).isEqualTo(at("2026-06-23T08:00"));
    assertThat(date(directive, "leadershipEscalationDate")).isEqualTo(at("2026-07-14T23:59:59"));
    Task report = task(directive, "Task_SubmitCompletionReport");
    assertThat(report.getPriority()).isEqualTo(priority);
    assertThat(report.getDueDate()).isEqualTo(at("2026-06-30T23:59:59"));
    assertThat(comments(report.getId())).noneMatch(text -> text.contains("gia hạn"));
    assertThat(status(directive)).isEqualTo(status);
    assertThat((String) runtimeService.getVariable(directive.getId(), "extensionLog"))
        .contains("không chấp thuận gia hạn 30/06/2026 → 30/09/2026");
    assertThat(directive).hasPassed("Gateway_ExtensionApproved")
        .hasNotPassed("ServiceTask_ApplyExtension", "ServiceTask_UpdateTasksForNewDeadline")
        .isWaitingAt("Task_RequestExtension");
    assertThat(closedOverdueTasks(directive)).isEmpty();
  }

  /** The deadline timers waiting now, by activity id. */
  List<String> deadlineTimers(ProcessInstance directive) {
    return managementService.createJobQuery().processInstanceId(directive.getId()).timers().list().stream()
        .map(job -> managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId())
        .filter(activity -> !activity.contains("Monthly")).toList();
  }

  /** Follow-up and direction tasks that ended without being completed. */
  List<HistoricTaskInstance> closedOverdueTasks(ProcessInstance directive) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(directive.getId())
        .taskDefinitionKeyIn(EscalationTasks.OVERDUE_TASKS.toArray(String[]::new)).finished().list().stream()
        .filter(task -> !"completed".equals(task.getDeleteReason())).toList();
  }

  List<String> comments(String taskId) {
    return taskService.getTaskComments(taskId).stream().map(Comment::getFullMessage).toList();
  }
}
