package vn.directivetracker.mail;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import vn.directivetracker.tasklist.TaskNames;

/**
 * Ties mail to the moments the processes define, without a listener in each diagram (a process
 * owner who adds a user task in Modeler gets its mail for free): every user task of the directive and
 * the periodic review tells its candidates when it is created; the reminder, overdue and late-report
 * service tasks tell the lead agency once they have run; the extension and completion-report
 * decisions tell it when they are completed. Each listener runs after the element's own.
 *
 * <p>A mail that cannot be rendered or addressed is logged and dropped, never fails the step; a
 * failing outbox write does (it is the step's own transaction).
 */
@Component
public class MailPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(MailPlugin.class);

  /** Service tasks whose end tells the lead agency. */
  static final Map<String, BiConsumer<MailNotices, DelegateExecution>> AFTER_SERVICE_TASK = Map.of(
      "ServiceTask_RemindLeadAgency", MailNotices::deadlineReminder,
      "ServiceTask_MarkOverdue", MailNotices::deadlinePassed,
      "ServiceTask_RecordLateMonthlyReport", MailNotices::monthlyReportLate);

  /** User tasks whose completion tells the lead agency. */
  static final Map<String, BiConsumer<MailNotices, DelegateTask>> AFTER_DECISION = Map.of(
      "Task_DecideExtension", MailNotices::extensionDecided,
      "Task_ReviewCompletionReport", MailNotices::completionReviewed);

  private final MailNotices notices;

  public MailPlugin(@Lazy MailNotices notices) {
    this.notices = notices;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!TaskNames.PROCESSES.contains(processKey(activity))
            || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
          return;
        }
        userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE,
            task -> safely(task.getExecution(), () -> notices.taskCreated(task)));
        BiConsumer<MailNotices, DelegateTask> decision = AFTER_DECISION.get(activity.getId());
        if (decision != null) {
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE,
              task -> safely(task.getExecution(), () -> decision.accept(notices, task)));
        }
      }

      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        BiConsumer<MailNotices, DelegateExecution> after = AFTER_SERVICE_TASK.get(activity.getId());
        if (after != null && "directive".equals(processKey(activity))) {
          ExecutionListener listener = execution -> safely(execution, () -> after.accept(notices, execution));
          activity.addListener(ExecutionListener.EVENTNAME_END, listener);
        }
      }
    });
  }

  private static String processKey(ActivityImpl activity) {
    return ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
  }

  private static void safely(DelegateExecution execution, Runnable mail) {
    try {
      mail.run();
    } catch (DataAccessException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("[{}] mail not queued: {}", execution == null ? "-" : execution.getProcessBusinessKey(), e.toString(), e);
    }
  }
}
