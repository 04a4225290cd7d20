package vn.directivetracker.lifecycle;

import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.LATE_MONTHLY_REPORT_COUNT;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEAD_AGENCY;
import static vn.directivetracker.lifecycle.DirectiveVariables.REMINDER_SENT_AT;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reminders reach officers where they work: the lead agency's open tasks of this directive get a
 * higher priority (Tasklist sorts and shows it) and a comment that says what is due.
 */
@Component("reminders")
public class Reminders {

  /** Priority of a task its agency has been reminded of (Camunda's default is 50). */
  public static final int REMINDED_PRIORITY = 80;
  public static final String MONTHLY_REPORT_TASK = "Task_SubmitMonthlyReport";
  private static final Logger log = LoggerFactory.getLogger(Reminders.class);

  /** ServiceTask_RemindLeadAgency: N working days before the deadline. */
  public void remindLead(DelegateExecution execution) {
    String message = "Nhắc hạn: nhiệm vụ đến hạn ngày " + execution.getVariable(DEADLINE_TEXT) + ".";
    int reminded = remindOpenTasks(execution, message, "Task_AcknowledgeDirective", "Task_SubmitCompletionReport");
    execution.setVariable(REMINDER_SENT_AT, Dates.now());
    log.info("[{}] reminded {} about the deadline on {} tasks", execution.getBusinessKey(),
        execution.getVariable(LEAD_AGENCY), reminded);
  }

  /** ServiceTask_RecordLateMonthlyReport: the monthly report is past due; it counts against the agency. */
  public void recordLateMonthlyReport(DelegateExecution execution) {
    Object count = execution.getVariable(LATE_MONTHLY_REPORT_COUNT);
    execution.setVariable(LATE_MONTHLY_REPORT_COUNT, (count instanceof Number n ? n.intValue() : 0) + 1);
    remindOpenTasks(execution, "Báo cáo tháng đã quá hạn nộp, đề nghị nộp ngay.", MONTHLY_REPORT_TASK);
    log.warn("[{}] monthly report of {} is late", execution.getBusinessKey(), execution.getVariable(LEAD_AGENCY));
  }

  private static int remindOpenTasks(DelegateExecution execution, String message, String... taskKeys) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    int count = 0;
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn(taskKeys).list()) {
      remind(tasks, task, message);
      count++;
    }
    return count;
  }

  /** Raises the task to {@link #REMINDED_PRIORITY} (never lowers it) and adds the reminder as a comment. */
  public static void remind(TaskService tasks, Task task, String message) {
    if (task.getPriority() < REMINDED_PRIORITY) {
      task.setPriority(REMINDED_PRIORITY);
      tasks.saveTask(task);
    }
    tasks.createComment(task.getId(), task.getProcessInstanceId(), message);
  }
}
