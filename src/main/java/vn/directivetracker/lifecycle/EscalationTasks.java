package vn.directivetracker.lifecycle;

import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.FOLLOW_UP_LOG;
import static vn.directivetracker.lifecycle.DirectiveVariables.OVERDUE_SINCE;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.deadline.Deadlines;

/** What happens when a directive is overdue: recorded, followed up by the office, directed by the leadership. */
@Component("escalation")
public class EscalationTasks {

  /** The tasks an overdue directive raises: the office's follow-up and the leadership's direction. */
  public static final List<String> OVERDUE_TASKS = List.of("Task_FollowUpOverdueDirective", "Task_DirectOverdueDirective");
  /** Who the follow-up log names for what the procedure itself did. */
  static final String SYSTEM = "hệ thống";
  private static final Logger log = LoggerFactory.getLogger(EscalationTasks.class);

  private final Deadlines deadlines;

  public EscalationTasks(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  /** ServiceTask_MarkOverdue, when the deadline timer fires. */
  public void markOverdue(DelegateExecution execution) {
    if (execution.getVariable(OVERDUE_SINCE) == null) {
      execution.setVariable(OVERDUE_SINCE, Dates.now());
    }
    log.warn("[{}] overdue since {}", execution.getBusinessKey(), execution.getVariable(DirectiveVariables.DEADLINE_TEXT));
    deadlines.scheduleLeadershipEscalation(execution);
  }

  /** Task_FollowUpOverdueDirective: the standing office's "đôn đốc". */
  public void followUp(DelegateTask task) {
    FormInput input = new FormInput(task);
    String note = input.requiredText("followUpNote", "Nội dung đôn đốc");
    input.check();
    TextLog.append(task, FOLLOW_UP_LOG, ExecutionTasks.reviewer(task), "đôn đốc — " + note);
    task.removeVariable("followUpNote");
  }

  /** Task_DirectOverdueDirective: the steering committee leadership's direction. */
  public void direct(DelegateTask task) {
    FormInput input = new FormInput(task);
    String direction = input.requiredText("leadershipDirection", "Ý kiến chỉ đạo");
    input.check();
    TextLog.append(task, FOLLOW_UP_LOG, ExecutionTasks.reviewer(task), "lãnh đạo chỉ đạo — " + direction);
    task.removeVariable("leadershipDirection");
  }

  /**
   * ServiceTask_CloseStaleFollowUps, after an approved extension: each follow-up and direction task
   * raised for the old deadline gets a comment saying why it closes, and the follow-up log a line.
   * The tasks themselves end when the deadline watch they belong to is left (Event_DeadlineExtended).
   */
  public void closeForExtension(DelegateExecution execution) {
    String why = "Đóng do gia hạn đến " + execution.getVariable(DEADLINE_TEXT);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    // the office member who approved may not see, let alone comment on, the leadership's task
    Deadlines.asEngine(() -> {
      for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKeyIn(OVERDUE_TASKS.toArray(String[]::new)).list()) {
        tasks.createComment(task.getId(), task.getProcessInstanceId(), why + ".");
        TextLog.append(execution, FOLLOW_UP_LOG, SYSTEM, "đóng \"" + step(task) + "\" — " + why);
        log.info("[{}] {} of the old deadline closed: {}", execution.getBusinessKey(), task.getTaskDefinitionKey(), why);
      }
    });
  }

  /** The task's step, without the notice and agency Tasklist adds to its name. */
  private static String step(Task task) {
    String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    int dash = name.indexOf(" — ");
    return dash < 0 ? name : name.substring(0, dash);
  }
}
