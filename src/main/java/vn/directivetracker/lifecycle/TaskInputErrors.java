package vn.directivetracker.lifecycle;

import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws in "ENGINE-03051 There was an exception while
 * invoking the TaskListener…", which Tasklist then shows as a server error. This interceptor, outside
 * the transaction (so the rollback has happened), hands the {@link DirectiveInputException} itself
 * to the caller: Tasklist and the REST API answer 400 with the Vietnamese message alone (and 403 for
 * an authorization refused inside a listener).
 */
@Component
public class TaskInputErrors extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Unwrapping());
  }

  static final class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof DirectiveInputException input) {
            throw input;
          }
          if (cause instanceof AuthorizationException refused) {
            // a listener's refusal (e.g. who may start a notice by hand) is a 403, not a server error
            throw refused;
          }
        }
        throw e;
      }
    }
  }
}
