package vn.directivetracker.deadline;

import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_DATE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_KIND;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.HAS_DEADLINE;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEADERSHIP_ESCALATION_DATE;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEADERSHIP_ESCALATION_DAYS;
import static vn.directivetracker.lifecycle.DirectiveVariables.ONGOING;
import static vn.directivetracker.lifecycle.DirectiveVariables.ORIGINAL_DEADLINE;
import static vn.directivetracker.lifecycle.DirectiveVariables.REMINDER_DATE;
import static vn.directivetracker.lifecycle.DirectiveVariables.REMINDER_LEAD_DAYS;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.calendar.WorkingDayCalendar;

/**
 * Where a directive's deadline becomes timer dates. The BPMN timers read the variables this bean
 * writes ({@code ${reminderDate}}, {@code ${deadline}}, {@code ${leadershipEscalationDate}}); an
 * approved extension rewrites them and makes the waiting timer jobs re-read their expressions.
 */
@Component("deadlines")
public class Deadlines {

  /** Timer events whose due dates follow the deadline (ids in processes/directive.bpmn). */
  public static final List<String> DEADLINE_TIMERS =
      List.of("Timer_DeadlineReminder", "Timer_DeadlineReached", "Timer_LeadershipEscalationDue");
  /** The lead agency's task whose due date is the deadline. */
  public static final String COMPLETION_REPORT_TASK = "Task_SubmitCompletionReport";
  private static final LocalTime REMINDER_TIME = LocalTime.of(8, 0);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

  private final WorkingDayCalendar calendar;

  public Deadlines(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Timer dates for a stated deadline, counted in working days. */
  public DeadlineSchedule scheduleFor(LocalDate statedDay, int reminderLeadWorkingDays, int escalationWorkingDays) {
    LocalDate dueDay = calendar.dueDay(statedDay);
    LocalDate remindDay = calendar.plusWorkingDays(dueDay, -reminderLeadWorkingDays);
    LocalDate escalateDay = calendar.plusWorkingDays(dueDay, escalationWorkingDays);
    return new DeadlineSchedule(statedDay, dueDay, calendar.endOfDay(dueDay),
        remindDay.atTime(REMINDER_TIME).atZone(WorkingDayCalendar.ZONE), calendar.endOfDay(escalateDay));
  }

  /** Writes the deadline variables from the confirmed deadline and the policy; called after assignment. */
  public void schedule(DelegateExecution execution) {
    DeadlineKind kind = DeadlineKind.valueOf((String) execution.getVariable(DEADLINE_KIND));
    execution.setVariable(ONGOING, kind.isOngoing());
    execution.setVariable(HAS_DEADLINE, !kind.isOngoing());
    if (kind.isOngoing()) {
      execution.setVariable(DEADLINE_TEXT, "Thường xuyên");
      log.info("[{}] ongoing duty: no deadline timers", execution.getBusinessKey());
      return;
    }
    DeadlineSchedule schedule = scheduleFor(LocalDate.parse((String) execution.getVariable(DEADLINE_DATE)),
        number(execution, REMINDER_LEAD_DAYS), number(execution, LEADERSHIP_ESCALATION_DAYS));
    execution.setVariable(DEADLINE, schedule.dueDate());
    execution.setVariable(REMINDER_DATE, schedule.remindDate());
    execution.setVariable(LEADERSHIP_ESCALATION_DATE, schedule.escalateDate());
    execution.setVariable(DEADLINE_TEXT, schedule.dueDay().format(DAY));
    if (execution.getVariable(ORIGINAL_DEADLINE) == null) {
      execution.setVariable(ORIGINAL_DEADLINE, schedule.dueDate());
    }
    log.info("[{}] deadline {} (stated {}), reminder {}, leadership escalation {}", execution.getBusinessKey(),
        schedule.dueAt(), schedule.statedDay(), schedule.remindAt(), schedule.escalateAt());
  }

  /**
   * After an approved extension (the new stated day is already in {@code deadlineDate}): new dates,
   * the waiting deadline timers re-read them, and the open completion-report task shows the new due date.
   */
  public void applyExtension(DelegateExecution execution) {
    schedule(execution);
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    for (String timer : DEADLINE_TIMERS) {
      for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
          .activityId(timer).timers().list()) {
        management.recalculateJobDuedate(job.getId(), false);
      }
    }
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(COMPLETION_REPORT_TASK).list()) {
      task.setDueDate((java.util.Date) execution.getVariable(DEADLINE));
      tasks.saveTask(task);
    }
    log.info("[{}] extension applied: deadline now {}", execution.getBusinessKey(), execution.getVariable(DEADLINE_TEXT));
  }

  private static int number(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("Directive policy gave no " + name + " (got " + value + ")");
    }
    return number.intValue();
  }
}
