package vn.directivetracker.tasklist;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Names every user task of the {@code directive} and {@code reviewCycle} processes through
 * {@link TaskNames} when it is created, so that a process owner who adds a task in Modeler need not
 * remember a listener. The element's name (what the diagram shows) becomes the task's first words.
 *
 * <p>The name is computed where the engine computes it from the element (before the task is stored,
 * its history written or any listener runs), so it is the engine's own doing, not a user's rename.
 */
@Component
public class TaskNamePlugin extends AbstractProcessEnginePlugin {

  private final TaskNames names;

  public TaskNamePlugin(@Lazy TaskNames names) {
    this.names = names;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String process = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        if (TaskNames.PROCESSES.contains(process)
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          TaskDefinition definition = userTask.getTaskDefinition();
          if (definition.getNameExpression() != null) {
            definition.setNameExpression(new NameExpression(definition.getNameExpression(), process, activity.getId()));
          }
        }
      }
    });
  }

  /** The element's name expression, followed by what the task is about. */
  private final class NameExpression implements Expression {

    private final Expression element;
    private final String process;
    private final String taskKey;

    NameExpression(Expression element, String process, String taskKey) {
      this.element = element;
      this.process = process;
      this.taskKey = taskKey;
    }

    @Override
    public Object getValue(VariableScope scope) {
      return name(String.valueOf(element.getValue(scope)), scope);
    }

    private String name(String step, VariableScope scope) {
      return "directive".equals(process) ? names.directiveTask(step, taskKey, scope::getVariable)
          : names.reviewTask(step, scope::getVariable);
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
      element.setValue(value, scope);
    }

    @Override
    public String getExpressionText() {
      return element.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
      return false;
    }
  }
}
