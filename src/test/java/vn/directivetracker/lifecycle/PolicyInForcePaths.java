package vn.directivetracker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.deadline.DirectivePolicy;
import vn.directivetracker.deadline.PolicyRollout;

/**
 * A process owner changes processes/directive-policy.dmn while directives run: each running
 * directive takes the new values at its next decision, and its history names the version that
 * decided. The change here is the key-task rule: reminder 7 → 10 working days before the deadline,
 * leadership told 3 → 5 working days after it, monthly report due on day 20 → 25.
 */
abstract class PolicyInForcePaths extends DirectiveTestSupport {

  @Autowired RepositoryService repositoryService;
  @Autowired PolicyRollout rollout;

  private Deployment change;

  @AfterEach
  void withdrawTheChange() {
    engine.getIdentityService().clearAuthentication();
    if (change != null) {
      repositoryService.deleteDeployment(change.getId(), true);
    }
  }

  @Test
  void directiveStartedBeforeTheChangeAndConfirmedAfterItIsRemindedByTheNewLead() {
    ProcessInstance directive = start(keyTask());
    int before = policyVersionInForce();
    changePolicy();

    // confirmed by the office's reviewer, who holds no grant on the decision itself
    engine.getIdentityService().setAuthentication("reviewer-vpcp", List.of(OFFICE, "reviewers"));
    taskService.complete(task(directive, "Task_ConfirmAssignment").getId(), Map.of("leadAgency", LEAD,
        "deadlineKind", "DATE", "deadlineDate", "2026-06-30", "keyTask", true));
    engine.getIdentityService().clearAuthentication();

    assertThat(runtimeService.getVariable(directive.getId(), "reminderLeadWorkingDays")).isEqualTo(10);
    // 30/06/2026 less 10 working days (7 before the change: 19/06)
    assertThat(date(directive, "reminderDate")).isEqualTo(at("2026-06-16T08:00"));
    assertThat(job(directive, "Timer_DeadlineReminder")).isNull();
    acknowledge(directive);
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-06-16T08:00"));
    assertThat(runtimeService.getVariable(directive.getId(), "policyVersion")).isEqualTo(before + 1);
    assertThat(decisions(directive)).containsExactly("BusinessRuleTask_DeterminePolicy v" + (before + 1));
  }

  @Test
  void directiveConfirmedBeforeTheChangeAndAcknowledgedAfterItIsRemindedByTheNewLead() {
    ProcessInstance directive = start(keyTask());
    taskService.complete(task(directive, "Task_ConfirmAssignment").getId(), keyTask());
    int before = policyVersionInForce();
    assertThat(date(directive, "reminderDate")).isEqualTo(at("2026-06-19T08:00"));
    changePolicy();

    acknowledge(directive);

    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-06-16T08:00"));
    assertThat(task(directive, "Task_SubmitCompletionReport").getFollowUpDate()).isEqualTo(at("2026-06-16T08:00"));
    assertThat(decisions(directive)).containsExactly("BusinessRuleTask_DeterminePolicy v" + before,
        "SubProcess_DeadlineWatch v" + (before + 1));
  }

  @Test
  void monthlyReportOpenedAfterTheChangeIsDueOnTheNewDay() {
    ProcessInstance directive = assignedAndAcknowledged(keyTask());
    int before = policyVersionInForce();
    assertThat(runtimeService.getVariable(directive.getId(), "monthlyReportDueDay")).isEqualTo(20);
    changePolicy();

    String opens = reporting.openingTime(directive.getBusinessKey()).toString();
    clock("2026-06-15T" + opens);
    managementService.executeJob(job(directive, "StartEvent_MonthlyReportDue").getId());

    Task monthly = task(directive, "Task_SubmitMonthlyReport");
    assertThat(monthly.getDueDate()).isEqualTo(at("2026-06-25T23:59:59"));
    assertThat(job(directive, "Timer_MonthlyReportLate").getDuedate()).isEqualTo(at("2026-06-25T23:59:59"));
    assertThat(runtimeService.getVariable(directive.getId(), "monthlyReportDueDay")).isEqualTo(25);
    assertThat(decisions(directive)).containsExactly("BusinessRuleTask_DeterminePolicy v" + before,
        "EventSubProcess_MonthlyReport v" + (before + 1));
  }

  @Test
  void directiveOverdueAfterTheChangeGoesToTheLeadershipByTheNewPeriod() {
    ProcessInstance directive = assignedAndAcknowledged(keyTask());
    int before = policyVersionInForce();
    // 30/06/2026 plus 3 working days, as decided at the start
    assertThat(date(directive, "leadershipEscalationDate")).isEqualTo(at("2026-07-03T23:59:59"));
    changePolicy();

    clock("2026-06-19T08:00");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    clock("2026-07-01T00:00:30");
    managementService.executeJob(job(directive, "Timer_DeadlineReached").getId());

    assertThat(status(directive)).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(job(directive, "Timer_LeadershipEscalationDue").getDuedate()).isEqualTo(at("2026-07-07T23:59:59"));
    assertThat(decisions(directive)).containsExactly("BusinessRuleTask_DeterminePolicy v" + before,
        "ServiceTask_MarkOverdue v" + (before + 1));

    clock("2026-07-07T23:59:59");
    assertThat(managementService.createJobQuery().processInstanceId(directive.getId()).activityId("Timer_LeadershipEscalationDue")
        .duedateLowerThan(at("2026-07-07T23:59:58")).count()).isZero();
    clock("2026-07-08T00:00:30");
    managementService.executeJob(job(directive, "Timer_LeadershipEscalationDue").getId());
    assertThat(task(directive, "Task_DirectOverdueDirective")).isNotNull();
  }

  @Test
  void extensionApprovedAfterTheChangeRemindsByTheNewLead() {
    ProcessInstance directive = assignedAndAcknowledged(keyTask());
    int before = policyVersionInForce();
    assertThat(date(directive, "reminderDate")).isEqualTo(at("2026-06-19T08:00"));
    changePolicy();

    requestExtension(directive, "2026-07-31");
    decideExtension(directive, "approve", "Đồng ý gia hạn");

    // 31/07/2026 less 10 working days (7 before the change: 22/07)
    assertThat(date(directive, "reminderDate")).isEqualTo(at("2026-07-17T08:00"));
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-07-17T08:00"));
    assertThat(decisions(directive)).containsExactly("BusinessRuleTask_DeterminePolicy v" + before,
        "ServiceTask_ApplyExtension v" + (before + 1));
  }

  @Test
  void policyAppliedToRunningDirectivesRetimesTheirWaitingReminder() {
    ProcessInstance directive = assignedAndAcknowledged(keyTask());
    Map<String, Object> ongoing = keyTask();
    ongoing.put("deadlineKind", "ONGOING");
    ProcessInstance duty = assignedAndAcknowledged(ongoing);
    int before = policyVersionInForce();
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-06-19T08:00"));
    changePolicy();

    PolicyRollout.Overview overview = rollout.overview();
    assertThat(overview.policyVersion()).isEqualTo(before + 1);
    assertThat(overview.decidedByOlderVersion()).isGreaterThanOrEqualTo(2);
    PolicyRollout.Applied applied = rollout.applyToRunning("owner");
    assertThat(applied.reached()).isGreaterThanOrEqualTo(2);
    // nothing moves until each directive's own job runs
    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-06-19T08:00"));
    managementService.executeJob(job(directive, "ServiceTask_ApplyPolicyChange").getId());
    managementService.executeJob(job(duty, "ServiceTask_ApplyPolicyChange").getId());

    assertThat(job(directive, "Timer_DeadlineReminder").getDuedate()).isEqualTo(at("2026-06-16T08:00"));
    assertThat(task(directive, "Task_SubmitCompletionReport").getFollowUpDate()).isEqualTo(at("2026-06-16T08:00"));
    assertThat(date(directive, "leadershipEscalationDate")).isEqualTo(at("2026-07-07T23:59:59"));
    assertThat(runtimeService.getVariable(directive.getId(), "policyVersion")).isEqualTo(before + 1);
    assertThat(runtimeService.getVariable(duty.getId(), "monthlyReportDueDay")).isEqualTo(25);
    assertThat(decisions(directive)).containsExactly("BusinessRuleTask_DeterminePolicy v" + before,
        "ServiceTask_ApplyPolicyChange v" + (before + 1));
    assertThat(directive).hasPassed("EndEvent_PolicyApplied").isWaitingAt("Timer_DeadlineReminder");
    assertThat(rollout.overview().decidedByOlderVersion()).isEqualTo(overview.decidedByOlderVersion() - 2);

    clock("2026-06-16T08:00");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    assertThat(runtimeService.getVariable(directive.getId(), "reminderSentAt")).isNotNull();
  }

  @Test
  void withoutAChangeEveryDecisionIsTheSameVersion() {
    ProcessInstance directive = assignedAndAcknowledged(keyTask());
    int version = policyVersionInForce();
    clock("2026-06-19T08:00");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    clock("2026-07-01T00:00:30");
    managementService.executeJob(job(directive, "Timer_DeadlineReached").getId());
    assertThat(job(directive, "Timer_LeadershipEscalationDue").getDuedate()).isEqualTo(at("2026-07-03T23:59:59"));
    assertThat(decisions(directive)).containsExactly("BusinessRuleTask_DeterminePolicy v" + version,
        "ServiceTask_MarkOverdue v" + version);
  }

  private Map<String, Object> keyTask() {
    Map<String, Object> variables = variables();
    variables.put("keyTask", true);
    return variables;
  }

  private void acknowledge(ProcessInstance directive) {
    taskService.complete(task(directive, "Task_AcknowledgeDirective").getId(), Map.of(
        "responsibleUnit", "Văn phòng Bộ", "responsiblePerson", "Nguyễn Văn An", "plan", "Theo kế hoạch"));
  }

  private int policyVersionInForce() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DirectivePolicy.DECISION_KEY)
        .latestVersion().singleResult().getVersion();
  }

  /** The key-task rule as a process owner would edit it in Camunda Modeler, deployed as a new version. */
  private void changePolicy() {
    String table;
    try {
      table = Files.readString(Path.of("processes/directive-policy.dmn"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String changed = table
        .replace("<outputEntry id=\"LiteralExpression_KeyTask_Reminder\"><text>7</text>",
            "<outputEntry id=\"LiteralExpression_KeyTask_Reminder\"><text>10</text>")
        .replace("<outputEntry id=\"LiteralExpression_KeyTask_Escalation\"><text>3</text>",
            "<outputEntry id=\"LiteralExpression_KeyTask_Escalation\"><text>5</text>")
        .replace("<outputEntry id=\"LiteralExpression_KeyTask_ReportDay\"><text>20</text>",
            "<outputEntry id=\"LiteralExpression_KeyTask_ReportDay\"><text>25</text>");
    assertThat(changed).as("the key-task rule of directive-policy.dmn was found").isNotEqualTo(table);
    change = repositoryService.createDeployment().name("policy-change-in-test")
        .addString("processes/directive-policy.dmn", changed).deploy();
  }

  /** Each policy decision of the directive, oldest first, as "step vN". */
  private List<String> decisions(ProcessInstance directive) {
    return engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(directive.getId())
        .decisionDefinitionKey(DirectivePolicy.DECISION_KEY).orderByEvaluationTime().asc().list().stream()
        .map(this::step).toList();
  }

  private String step(HistoricDecisionInstance instance) {
    DecisionDefinition definition = repositoryService.getDecisionDefinition(instance.getDecisionDefinitionId());
    return instance.getActivityId() + " v" + definition.getVersion();
  }
}
