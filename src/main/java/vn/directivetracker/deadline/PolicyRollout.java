package vn.directivetracker.deadline;

import static vn.directivetracker.lifecycle.DirectiveVariables.POLICY_VERSION;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings a changed policy to the directives that already run: each gets the signal
 * {@code directivePolicyChanged} (EventSubProcess_PolicyChanged in processes/directive.bpmn) and, in
 * a job of its own, decides its policy again and re-times its waiting reminder and escalation.
 * Without it a running directive takes a changed value only at its next decision.
 */
@Component
public class PolicyRollout {

  public static final String SIGNAL = "directivePolicyChanged";
  private static final String PROCESS_KEY = "directive";
  private static final Logger log = LoggerFactory.getLogger(PolicyRollout.class);

  private final ProcessEngine engine;

  public PolicyRollout(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * @param policyVersion the version of directive-policy.dmn in force
   * @param runningDirectives directives running now
   * @param decidedByOlderVersion running directives whose last decision was an older version
   * @param reachable running directives whose process version listens for the signal (older
   *     versions must first be migrated)
   */
  public record Overview(int policyVersion, long runningDirectives, long decidedByOlderVersion, long reachable) {}

  /** @param reached directives that got the signal; each applies it in a job of its own */
  public record Applied(int policyVersion, long reached) {}

  public Overview overview() {
    return asEngine(() -> {
      int version = policyVersion();
      var runtime = engine.getRuntimeService();
      long running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).active().count();
      long older = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
          .variableValueLessThan(POLICY_VERSION, version).count();
      return new Overview(version, running, older, reachable());
    });
  }

  public Applied applyToRunning(String requestedBy) {
    return asEngine(() -> {
      int version = policyVersion();
      long reached = reachable();
      engine.getRuntimeService().createSignalEvent(SIGNAL).send();
      log.info("Policy v{} applied to {} running directives, asked by {}", version, reached, requestedBy);
      return new Applied(version, reached);
    });
  }

  private long reachable() {
    return engine.getRuntimeService().createEventSubscriptionQuery().eventType("signal").eventName(SIGNAL).count();
  }

  private int policyVersion() {
    var latest = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(DirectivePolicy.DECISION_KEY).withoutTenantId().latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException("No decision '" + DirectivePolicy.DECISION_KEY + "' is deployed");
    }
    return latest.getVersion();
  }

  /** The caller's role is checked by the endpoint; the signal reaches directives no person may touch. */
  private <T> T asEngine(java.util.function.Supplier<T> work) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
  }
}
