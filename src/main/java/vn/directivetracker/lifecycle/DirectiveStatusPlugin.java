package vn.directivetracker.lifecycle;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Recomputes the status after every task, event and sub-process of the {@code directive}
 * process, so that a process owner who adds a step in Modeler need not remember a listener.
 */
@Component
public class DirectiveStatusPlugin extends AbstractProcessEnginePlugin {

  public static final String PROCESS_KEY = "directive";

  private final DirectiveStatusCalculator calculator;

  public DirectiveStatusPlugin(@Lazy DirectiveStatusCalculator calculator) {
    this.calculator = calculator;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(parseListener());
  }

  private BpmnParseListener parseListener() {
    ExecutionListener listener = execution -> {
      if (execution.getProcessDefinitionId().startsWith(PROCESS_KEY + ":")) {
        calculator.update(execution);
      }
    };
    return new AbstractBpmnParseListener() {
      private void attach(ActivityImpl activity) {
        activity.addListener(ExecutionListener.EVENTNAME_END, listener);
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        attach(activity);
      }

      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        attach(activity);
      }

      @Override
      public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        attach(activity);
      }

      @Override
      public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        attach(activity);
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        attach(activity);
      }

      @Override
      public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        attach(activity);
      }
    };
  }
}
