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
import static vn.directivetracker.lifecycle.DirectiveVariables.OVERDUE_SINCE;
import static vn.directivetracker.lifecycle.DirectiveVariables.POLICY_VERSION;
import static vn.directivetracker.lifecycle.DirectiveVariables.REMINDER_DATE;
import static vn.directivetracker.lifecycle.DirectiveVariables.REMINDER_LEAD_DAYS;
import static vn.directivetracker.lifecycle.DirectiveVariables.REMINDER_SENT_AT;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.calendar.WorkingDayCalendar;

/**
 * Where a directive's deadline becomes timer dates. The BPMN timers read the variables this bean
 * writes ({@code ${reminderDate}}, {@code ${deadline}}, {@code ${leadershipEscalationDate}}) when
 * the deadline watch (SubProcess_DeadlineWatch) is entered; an approved extension rewrites them and
 * the watch is entered again, so its timers are created for the new dates.
 */
@Component("deadlines")
public class Deadlines {

  /** Timer events whose due dates follow the deadline (ids in processes/directive.bpmn). */
  public static final List<String> DEADLINE_TIMERS =
      List.of("Timer_DeadlineReminder", "Timer_DeadlineReached", "Timer_LeadershipEscalationDue");
  /** The lead agency's task whose due date is the deadline. */
  public static final String COMPLETION_REPORT_TASK = "Task_SubmitCompletionReport";
  /** The lead agency's tasks a deadline reminder raises (see Reminders#remindLead). */
  public static final List<String> LEAD_DEADLINE_TASKS = List.of("Task_AcknowledgeDirective", COMPLETION_REPORT_TASK);
  private static final LocalTime REMINDER_TIME = LocalTime.of(8, 0);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

  private final WorkingDayCalendar calendar;
  private final DirectivePolicy policy;

  public Deadlines(WorkingDayCalendar calendar, DirectivePolicy policy) {
    this.calendar = calendar;
    this.policy = policy;
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
    execution.setVariables(scheduleVariables(execution::getVariable));
    log.info("[{}] scheduled: deadline {}, reminder {}, leadership escalation {}", execution.getBusinessKey(),
        execution.getVariable(DEADLINE_TEXT), execution.getVariable(REMINDER_DATE),
        execution.getVariable(LEADERSHIP_ESCALATION_DATE));
  }

  /**
   * The deadline variables for the directive's current deadline kind and stated day, reading the
   * directive's variables (the policy's working-day counts included) through {@code scope}.
   */
  public Map<String, Object> scheduleVariables(Function<String, Object> scope) {
    Map<String, Object> variables = new HashMap<>();
    DeadlineKind kind = DeadlineKind.valueOf((String) scope.apply(DEADLINE_KIND));
    variables.put(ONGOING, kind.isOngoing());
    variables.put(HAS_DEADLINE, !kind.isOngoing());
    if (kind.isOngoing()) {
      variables.put(DEADLINE_TEXT, "Thường xuyên");
      return variables;
    }
    DeadlineSchedule schedule = scheduleFor(LocalDate.parse((String) scope.apply(DEADLINE_DATE)),
        number(scope, REMINDER_LEAD_DAYS), number(scope, LEADERSHIP_ESCALATION_DAYS));
    variables.put(DEADLINE, schedule.dueDate());
    variables.put(REMINDER_DATE, schedule.remindDate());
    variables.put(LEADERSHIP_ESCALATION_DATE, schedule.escalateDate());
    variables.put(DEADLINE_TEXT, schedule.dueDay().format(DAY));
    if (scope.apply(ORIGINAL_DEADLINE) == null) {
      variables.put(ORIGINAL_DEADLINE, schedule.dueDate());
    }
    return variables;
  }

  /**
   * ServiceTask_ApplyExtension, after an approved extension (the new stated day is already in
   * {@code deadlineDate}): the deadline, reminder and leadership-escalation dates for the new day,
   * under the policy in force now. The deadline watch is then left and entered again
   * (processes/directive.bpmn, Event_DeadlineExtended), so its timers are created anew from these
   * variables.
   */
  public void applyExtension(DelegateExecution execution) {
    policy.decideAll(execution);
    schedule(execution);
    log.info("[{}] extension applied: deadline now {}", execution.getBusinessKey(), execution.getVariable(DEADLINE_TEXT));
  }

  /**
   * SubProcess_DeadlineWatch, as it starts (after the acknowledgement, and again after an extension):
   * when the policy changed since the directive's dates were set, decide it again and set the
   * dates by the version in force, before the watch's timers are created from them.
   */
  public void watchUnderPolicyInForce(DelegateExecution execution) {
    Object decided = execution.getVariable(POLICY_VERSION);
    int inForce = policy.latestVersion(execution);
    if (decided instanceof Number number && number.intValue() == inForce) {
      return;
    }
    policy.decideAll(execution);
    // the lead's report task may be open already (a parallel branch): its dates follow
    retime(execution);
    log.info("[{}] watch starts under policy v{} (dates were set by v{}): reminder {}", execution.getBusinessKey(),
        inForce, decided, execution.getVariable(REMINDER_DATE));
  }

  /**
   * ServiceTask_ApplyPolicyChange, when a process owner applies a changed policy to the running
   * directives (signal {@code directivePolicyChanged}): every policy value decided again, and the
   * reminder and leadership-escalation timers still waiting re-timed for them. A reminder already
   * sent stays sent; a reminder whose new day has passed fires at once.
   */
  public void applyPolicyChange(DelegateExecution execution) {
    Object before = execution.getVariable(POLICY_VERSION);
    DirectivePolicy.Decision decision = policy.decideAll(execution);
    if (!Boolean.TRUE.equals(execution.getVariable(HAS_DEADLINE)) || execution.getVariable(DEADLINE_DATE) == null) {
      log.info("[{}] policy v{} -> v{}: no deadline to re-time", execution.getBusinessKey(), before, decision.version());
      return;
    }
    retime(execution);
    log.info("[{}] policy v{} -> v{}: reminder {}, leadership escalation {}", execution.getBusinessKey(), before,
        decision.version(), execution.getVariable(REMINDER_DATE), execution.getVariable(LEADERSHIP_ESCALATION_DATE));
  }

  /** The deadline's dates from the policy values just decided, and the waiting timers and report task moved to them. */
  private void retime(DelegateExecution execution) {
    execution.setVariables(scheduleVariables(execution::getVariable));
    moveTimers(execution.getProcessEngineServices(), execution.getProcessInstanceId(),
        (Date) execution.getVariable(DEADLINE), (Date) execution.getVariable(REMINDER_DATE));
  }

  /**
   * When the directive becomes overdue: the day the leadership is told, counted from the due day by
   * the policy in force now (not the one in force when the deadline was set).
   */
  public void scheduleLeadershipEscalation(DelegateExecution execution) {
    policy.decideLeadershipEscalation(execution);
    Date escalateAt = (Date) scheduleVariables(execution::getVariable).get(LEADERSHIP_ESCALATION_DATE);
    execution.setVariable(LEADERSHIP_ESCALATION_DATE, escalateAt);
    log.info("[{}] leadership escalation on {}", execution.getBusinessKey(), escalateAt);
  }

  /**
   * ServiceTask_UpdateTasksForNewDeadline, when the deadline watch was left for a new deadline: the
   * lead agency's open task takes the new due and follow-up dates, loses the priority a reminder gave
   * it and says why; the reminder and overdue marks of the old deadline are cleared (their values stay
   * in the variables' history), so the watch entered next reminds and escalates as for a new directive.
   */
  public void updateTasksForNewDeadline(DelegateExecution execution) {
    Date deadline = (Date) execution.getVariable(DEADLINE);
    Date reminder = (Date) execution.getVariable(REMINDER_DATE);
    String note = "Thời hạn được gia hạn đến ngày " + execution.getVariable(DEADLINE_TEXT) + ".";
    asEngine(() -> {
      TaskService tasks = execution.getProcessEngineServices().getTaskService();
      for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKeyIn(LEAD_DEADLINE_TASKS.toArray(String[]::new)).list()) {
        if (COMPLETION_REPORT_TASK.equals(task.getTaskDefinitionKey())) {
          task.setDueDate(deadline);
          task.setFollowUpDate(reminder);
        }
        task.setPriority(Task.PRIORITY_NORMAL);
        tasks.saveTask(task);
        tasks.createComment(task.getId(), task.getProcessInstanceId(), note);
      }
    });
    execution.removeVariable(REMINDER_SENT_AT);
    execution.removeVariable(OVERDUE_SINCE);
    log.info("[{}] lead agency's tasks moved to the new deadline {}", execution.getBusinessKey(),
        execution.getVariable(DEADLINE_TEXT));
  }

  /**
   * Makes the waiting deadline timers re-read their dates and the completion-report task show the
   * new deadline and reminder; for a deadline corrected from outside the process (a corrected notice).
   */
  public void moveTimers(ProcessEngineServices services, String processInstanceId, Date deadline, Date reminder) {
    asEngine(() -> moveTimersNow(services, processInstanceId, deadline, reminder));
  }

  /**
   * Runs the procedure's own consequence of a decision: the office member who approved an extension
   * may not update the lead's task, comment on the leadership's or touch the jobs.
   */
  public static void asEngine(Runnable work) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      work.run();
    } else {
      command.runWithoutAuthorization(() -> {
        work.run();
        return null;
      });
    }
  }

  private static void moveTimersNow(ProcessEngineServices services, String processInstanceId, Date deadline, Date reminder) {
    ManagementService management = services.getManagementService();
    for (String timer : DEADLINE_TIMERS) {
      for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(timer).timers().list()) {
        management.recalculateJobDuedate(job.getId(), false);
      }
    }
    TaskService tasks = services.getTaskService();
    Set<String> moved = new HashSet<>();
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(COMPLETION_REPORT_TASK).list()) {
      task.setDueDate(deadline);
      task.setFollowUpDate(reminder);
      tasks.saveTask(task);
      moved.add(task.getId());
    }
    // a task created earlier in this same transaction (a parallel branch) is not in the database yet
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      for (TaskEntity task : command.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class)) {
        if (processInstanceId.equals(task.getProcessInstanceId()) && COMPLETION_REPORT_TASK.equals(task.getTaskDefinitionKey())
            && !task.isDeleted() && !moved.contains(task.getId())) {
          task.setDueDate(deadline);
          task.setFollowUpDate(reminder);
        }
      }
    }
  }

  private static int number(Function<String, Object> scope, String name) {
    Object value = scope.apply(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("Directive policy gave no " + name + " (got " + value + ")");
    }
    return number.intValue();
  }
}
