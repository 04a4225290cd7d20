package vn.directivetracker.deadline;

import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_KIND;
import static vn.directivetracker.lifecycle.DirectiveVariables.KEY_TASK;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEADERSHIP_ESCALATION_DAYS;
import static vn.directivetracker.lifecycle.DirectiveVariables.MONTHLY_REPORT_DUE_DAY;
import static vn.directivetracker.lifecycle.DirectiveVariables.POLICY_VERSION;
import static vn.directivetracker.lifecycle.DirectiveVariables.REMINDER_LEAD_DAYS;
import static vn.directivetracker.lifecycle.DirectiveVariables.STANDING_OFFICE;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The directive policy ({@code processes/directive-policy.dmn}) decided at the moment a value is
 * needed, always by the latest deployed version of the decision: a process owner's change to the
 * table reaches every running directive at its next decision (the reminder and leadership
 * escalation when its deadline watch starts or moves, the escalation period when it becomes
 * overdue, the report day when each monthly report opens).
 *
 * <p>Evaluated inside the directive's own step, so the engine's decision history links each
 * evaluation to the directive and the step (and the decision's version); {@code policyVersion}
 * keeps the version that decided last beside the values.
 */
@Component("policyDecisions")
public class DirectivePolicy {

  public static final String DECISION_KEY = "directivePolicy";
  private static final Logger log = LoggerFactory.getLogger(DirectivePolicy.class);

  /** One evaluation's outputs and the version of the table that gave them. */
  public record Decision(int reminderLeadWorkingDays, int leadershipEscalationWorkingDays, int monthlyReportDueDay,
      int version) {}

  /**
   * The version of the decision in force: BusinessRuleTask_DeterminePolicy evaluates the latest
   * version by itself (binding {@code latest}) and records this beside its outputs.
   */
  public int latestVersion(DelegateExecution execution) {
    AtomicReference<Integer> version = new AtomicReference<>();
    // the decision is the procedure's, not a grant of whoever completed the step
    Deadlines.asEngine(() -> version.set(latest(execution).getVersion()));
    return version.get();
  }

  /** Evaluates the latest policy for this directive, writing nothing. */
  public Decision evaluate(DelegateExecution execution) {
    AtomicReference<Decision> decision = new AtomicReference<>();
    // a step run for a signed-in officer must not need a grant on the decision: the procedure decides
    Deadlines.asEngine(() -> decision.set(evaluateNow(execution)));
    return decision.get();
  }

  /** At the start and at a new deadline: every policy value, written to the directive. */
  public Decision decideAll(DelegateExecution execution) {
    Decision decision = evaluate(execution);
    execution.setVariables(Map.of(
        REMINDER_LEAD_DAYS, decision.reminderLeadWorkingDays(),
        LEADERSHIP_ESCALATION_DAYS, decision.leadershipEscalationWorkingDays(),
        MONTHLY_REPORT_DUE_DAY, decision.monthlyReportDueDay(),
        POLICY_VERSION, decision.version()));
    log.info("[{}] policy v{}: reminder {} working days before, leadership {} after, monthly report on day {}",
        execution.getBusinessKey(), decision.version(), decision.reminderLeadWorkingDays(),
        decision.leadershipEscalationWorkingDays(), decision.monthlyReportDueDay());
    return decision;
  }

  /** When the directive becomes overdue: how long until the leadership is told. */
  public int decideLeadershipEscalation(DelegateExecution execution) {
    Decision decision = evaluate(execution);
    execution.setVariable(LEADERSHIP_ESCALATION_DAYS, decision.leadershipEscalationWorkingDays());
    execution.setVariable(POLICY_VERSION, decision.version());
    log.info("[{}] policy v{}: leadership told {} working days after the deadline", execution.getBusinessKey(),
        decision.version(), decision.leadershipEscalationWorkingDays());
    return decision.leadershipEscalationWorkingDays();
  }

  /** EventSubProcess_MonthlyReport, as each month's report opens: the day it is due. */
  public int decideMonthlyReportDueDay(DelegateExecution execution) {
    Decision decision = evaluate(execution);
    execution.setVariable(MONTHLY_REPORT_DUE_DAY, decision.monthlyReportDueDay());
    execution.setVariable(POLICY_VERSION, decision.version());
    log.info("[{}] policy v{}: this month's report due on day {}", execution.getBusinessKey(), decision.version(),
        decision.monthlyReportDueDay());
    return decision.monthlyReportDueDay();
  }

  private Decision evaluateNow(DelegateExecution execution) {
    var services = execution.getProcessEngineServices();
    DecisionDefinition latest = latest(execution);
    Object keyTask = execution.getVariable(KEY_TASK);
    DmnDecisionResult result = services.getDecisionService().evaluateDecisionById(latest.getId())
        .variables(Variables.createVariables()
            .putValue(KEY_TASK, Boolean.TRUE.equals(keyTask))
            .putValue(DEADLINE_KIND, execution.getVariable(DEADLINE_KIND))
            .putValue(STANDING_OFFICE, execution.getVariable(STANDING_OFFICE)))
        .evaluate();
    if (result.size() != 1) {
      throw new IllegalStateException("Decision " + DECISION_KEY + " v" + latest.getVersion() + " gave "
          + result.size() + " results for directive " + execution.getBusinessKey() + "; its hit policy must give one");
    }
    DmnDecisionResultEntries entries = result.getSingleResult();
    return new Decision(number(entries, REMINDER_LEAD_DAYS, latest), number(entries, LEADERSHIP_ESCALATION_DAYS, latest),
        number(entries, MONTHLY_REPORT_DUE_DAY, latest), latest.getVersion());
  }

  private static DecisionDefinition latest(DelegateExecution execution) {
    DecisionDefinition latest = execution.getProcessEngineServices().getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY).withoutTenantId().latestVersion()
        .singleResult();
    if (latest == null) {
      throw new IllegalStateException("No decision '" + DECISION_KEY + "' is deployed (processes/directive-policy.dmn)");
    }
    return latest;
  }

  private static int number(DmnDecisionResultEntries entries, String name, DecisionDefinition definition) {
    Object value = entries.get(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("Decision " + DECISION_KEY + " v" + definition.getVersion() + " gave no number for "
          + name + " (got " + value + ")");
    }
    return number.intValue();
  }
}
