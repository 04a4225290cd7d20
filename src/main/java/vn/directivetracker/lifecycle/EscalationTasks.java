package vn.directivetracker.lifecycle;

import static vn.directivetracker.lifecycle.DirectiveVariables.FOLLOW_UP_LOG;
import static vn.directivetracker.lifecycle.DirectiveVariables.OVERDUE_SINCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What happens when a directive is overdue: recorded, followed up by the office, directed by the leadership. */
@Component("escalation")
public class EscalationTasks {

  private static final Logger log = LoggerFactory.getLogger(EscalationTasks.class);

  /** ServiceTask_MarkOverdue, when the deadline timer fires. */
  public void markOverdue(DelegateExecution execution) {
    if (execution.getVariable(OVERDUE_SINCE) == null) {
      execution.setVariable(OVERDUE_SINCE, Dates.now());
    }
    log.warn("[{}] overdue since {}", execution.getBusinessKey(), execution.getVariable(DirectiveVariables.DEADLINE_TEXT));
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
}
