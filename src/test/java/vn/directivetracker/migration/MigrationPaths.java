package vn.directivetracker.migration;

import vn.directivetracker.support.NoticeItemVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import vn.directivetracker.access.Roles;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.support.Http;

/**
 * A new version of {@code directive} with an added user task (Kiểm tra hồ sơ minh chứng, between
 * the completion report and its review), deployed here with its forms as a process owner would,
 * and directives migrated to it from each waiting state of the version the application deployed:
 * their tasks (ids, assignees, candidates), timers (due dates) and variables stay, and they go on
 * along the new version. A version whose migration cannot map a waiting step is refused with the
 * step named; and the role's limits, from the attacker's side. Run on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MigrationPaths {

  static final String OWNER = "owner";
  static final String ADDED_TASK = "Task_CheckCompletionEvidence";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RunningInstanceMigration migration;
  @LocalServerPort int port;

  ProcessDefinition oldVersion;
  ProcessDefinition newVersion;

  @BeforeAll
  void deployTheVersionWithAnAddedTask() throws IOException {
    // a version of its own, so that directives other test classes left on the shipped one do not count here
    String base = deploy("directive.bpmn", false);
    oldVersion = repositoryService.createProcessDefinitionQuery().deploymentId(base).processDefinitionKey("directive")
        .singleResult();
    String deployment = deploy("directive-added-task.bpmn", true);
    newVersion = repositoryService.createProcessDefinitionQuery().deploymentId(deployment).processDefinitionKey("directive")
        .singleResult();
    assertThat(newVersion.getVersion()).isEqualTo(oldVersion.getVersion() + 1);
  }

  @BeforeEach
  void setUp() {
    ProcessEngines.registerProcessEngine(engine);
    clock("2026-06-01T09:00");
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    ClockUtil.reset();
    // whatever a failed test left on the old version would count in the next test's overview
    List<String> left = runtimeService.createProcessInstanceQuery().processDefinitionId(oldVersion.getId()).list().stream()
        .map(ProcessInstance::getId).toList();
    if (!left.isEmpty()) {
      runtimeService.deleteProcessInstances(left, "test clean-up", true, true);
    }
  }

  // ------------------------------------------------------------------ each waiting state

  @Test
  void waitingForConfirmationMovesAndGoesOnInTheNewVersion() {
    ProcessInstance directive = start();
    assertWaitingAt(directive, "Task_ConfirmAssignment");
    taskService.setAssignee(task(directive, "Task_ConfirmAssignment").getId(), "reviewer-vpcp");

    Map<String, Long> waiting = asOwner(() -> migration.overview("directive")).running().stream()
        .filter(v -> v.version() == oldVersion.getVersion()).findFirst().orElseThrow().activities().stream()
        .collect(java.util.stream.Collectors.toMap(MigrationViews.ActivityCount::activityId,
            MigrationViews.ActivityCount::instances));
    assertThat(waiting).containsEntry("Task_ConfirmAssignment", 1L);

    migrateAndAssertUnchanged(directive);

    taskService.complete(task(directive, "Task_ConfirmAssignment").getId(), variables());
    assertWaitingAt(directive, "Task_AcknowledgeDirective");
    acknowledge(directive);
    submitCompletionReport(directive);
    assertWaitingAt(directive, ADDED_TASK, "Task_RequestExtension", "Task_ContributeCoordination");
  }

  @Test
  void inExecutionWithTheDeadlineWatchMovesAndItsTimersStillFire() {
    ProcessInstance directive = assignedAndAcknowledged();
    assertThat(jobDue(directive, "Timer_DeadlineReminder")).isEqualTo(at("2026-06-23T08:00"));

    MigrationViews.Plan plan = asOwner(() -> migration.plan("directive", oldVersion.getVersion()));
    assertThat(plan.valid()).isTrue();
    // only a task was added: every step of the old version has its place (escalation events hold nothing)
    assertThat(plan.unmapped()).isEmpty();
    // the timers are the same in both versions: kept as they are, not recomputed
    assertThat(plan.instructions()).anySatisfy(i -> assertThat(i.sourceActivityId()).isEqualTo("Timer_DeadlineReminder"))
        .noneMatch(MigrationViews.Instruction::updateEventTrigger);
    migrateAndAssertUnchanged(directive);

    clock("2026-06-23T08:01");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    assertThat(task(directive, "Task_SubmitCompletionReport").getPriority()).isGreaterThan(Task.PRIORITY_NORMAL);
    assertThat(jobDue(directive, "Timer_DeadlineReached")).isEqualTo(at("2026-06-30T23:59:59"));
    clock("2026-06-24T09:00");
    submitCompletionReport(directive);
    assertWaitingAt(directive, ADDED_TASK, "Task_RequestExtension", "Task_ContributeCoordination");
    Task added = task(directive, ADDED_TASK);
    assertThat(candidateGroups(added)).containsExactly("VPCP");
    assertThat(engine.getFormService().getDeployedTaskForm(added.getId())).isNotNull();
    taskService.complete(added.getId(), Map.of("evidenceNote", "Đủ hồ sơ"));
    assertWaitingAt(directive, "Task_ReviewCompletionReport", "Task_RequestExtension", "Task_ContributeCoordination");
  }

  @Test
  void withTheMonthlyReportOpenMovesWithItsLateTimer() {
    ProcessInstance directive = assignedAndAcknowledged();
    clock("2026-06-15T10:00");
    managementService.executeJob(job(directive, "StartEvent_MonthlyReportDue").getId());
    assertThat(task(directive, "Task_SubmitMonthlyReport")).isNotNull();
    assertThat(job(directive, "Timer_MonthlyReportLate")).isNotNull();
    clock("2026-06-16T09:00");

    migrateAndAssertUnchanged(directive);

    taskService.complete(task(directive, "Task_SubmitMonthlyReport").getId(), Map.of(
        "progressSummary", "Đã hoàn thành dự thảo", "percentComplete", 40));
    assertThat(task(directive, "Task_SubmitMonthlyReport")).isNull();
    assertThat(job(directive, "Timer_MonthlyReportLate")).isNull();
  }

  @Test
  void withAnExtensionRequestedMoves() {
    ProcessInstance directive = assignedAndAcknowledged();
    clock("2026-06-10T09:00");
    taskService.complete(task(directive, "Task_RequestExtension").getId(), Map.of(
        "extensionReason", "Chờ ý kiến của các bộ", "proposedDeadline", "2026-09-30"));
    assertThat(task(directive, "Task_DecideExtension")).isNotNull();

    migrateAndAssertUnchanged(directive);

    identityService.setAuthentication("reviewer-vpcp", List.of("VPCP", Roles.REVIEWERS));
    taskService.complete(task(directive, "Task_DecideExtension").getId(), Map.of(
        "extensionDecision", "approve", "decisionReason", "Chờ ý kiến thẩm định"));
    identityService.clearAuthentication();
    assertThat(jobDue(directive, "Timer_DeadlineReminder")).isEqualTo(at("2026-09-23T08:00"));
  }

  @Test
  void overdueAndEscalatedMovesWithTheLeadershipTimer() {
    ProcessInstance directive = assignedAndAcknowledged();
    clock("2026-06-23T08:01");
    managementService.executeJob(job(directive, "Timer_DeadlineReminder").getId());
    clock("2026-07-01T00:00:30");
    managementService.executeJob(job(directive, "Timer_DeadlineReached").getId());
    assertThat(task(directive, "Task_FollowUpOverdueDirective")).isNotNull();
    assertThat(jobDue(directive, "Timer_LeadershipEscalationDue")).isEqualTo(at("2026-07-14T23:59:59"));
    // the June report timer is due and has not fired (no job executor here): it must stay due, not move to July
    assertThat(jobDue(directive, "StartEvent_MonthlyReportDue")).isBefore(at("2026-06-16T00:00"));
    clock("2026-07-02T09:00");

    migrateAndAssertUnchanged(directive);

    clock("2026-07-15T00:00:30");
    managementService.executeJob(job(directive, "Timer_LeadershipEscalationDue").getId());
    assertThat(task(directive, "Task_DirectOverdueDirective")).isNotNull();
  }

  // ------------------------------------------------------------------ refused

  @Test
  void aVersionWithoutAWaitingStepIsRefusedWithTheStepNamed() throws Exception {
    ProcessInstance directive = start();
    String renamed = deploy("directive-renamed-task.bpmn", false);
    try {
      MigrationViews.Plan plan = asOwner(() -> migration.plan("directive", oldVersion.getVersion()));
      assertThat(plan.blocking()).singleElement().satisfies(step -> {
        assertThat(step.activityId()).isEqualTo("Task_ConfirmAssignment");
        assertThat(step.reason()).contains("Bước «Xác nhận giao nhiệm vụ» không còn trong phiên bản mới",
            "Task_ConfirmAssignmentByOffice");
        assertThat(step.runningInstances()).isEqualTo(1);
      });

      MigrationViews.DryRun dryRun = asOwner(() -> migration.dryRun("directive", oldVersion.getVersion()));
      assertThat(dryRun.checked()).isEqualTo(1);
      assertThat(dryRun.wouldFail()).isEqualTo(1);
      assertThat(dryRun.failures()).singleElement().satisfies(f -> assertThat(f.reason())
          .contains("Bước «Xác nhận giao nhiệm vụ» không còn trong phiên bản mới"));

      assertThatThrownBy(() -> asOwner(() -> migration.execute("directive", oldVersion.getVersion())))
          .isInstanceOfSatisfying(MigrationRefusedException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.problems()).singleElement().asString().contains("«Xác nhận giao nhiệm vụ»", "1 đang chờ");
          });
      HttpResponse<String> overHttp = call("POST", "/api/migrations/directive/execute", OWNER,
          "{\"sourceVersion\": " + oldVersion.getVersion() + "}");
      assertThat(overHttp.statusCode()).isEqualTo(409);
      assertThat(overHttp.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(overHttp.body()).contains("Xác nhận giao nhiệm vụ");
      assertThat(managementService.createBatchQuery().count()).isZero();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(directive.getId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(oldVersion.getId());
    } finally {
      repositoryService.deleteDeployment(renamed, true);
    }
  }

  @Test
  void theDryRunChangesNothing() {
    ProcessInstance directive = assignedAndAcknowledged();
    Snapshot before = snapshot(directive);
    long operations = engine.getHistoryService().createUserOperationLogQuery().operationType("Migrate").count();

    MigrationViews.DryRun dryRun = asOwner(() -> migration.dryRun("directive", oldVersion.getVersion()));

    assertThat(dryRun.checked()).isEqualTo(1);
    assertThat(dryRun.wouldMigrate()).isEqualTo(1);
    assertThat(dryRun.failures()).isEmpty();
    assertThat(definitionOf(directive)).isEqualTo(oldVersion.getId());
    assertThat(snapshot(directive)).isEqualTo(before);
    assertThat(engine.getHistoryService().createUserOperationLogQuery().operationType("Migrate").count())
        .isEqualTo(operations);
  }

  // ------------------------------------------------------------------ who may

  @Test
  void onlyProcessOwnersAndAdministratorsMigrate() throws Exception {
    ProcessInstance directive = start();
    String body = "{\"sourceVersion\": " + oldVersion.getVersion() + "}";
    for (String user : List.of("officer-bca", "manager", "reviewer-vpcp", "leader")) {
      assertThat(call("GET", "/api/migrations/directive", user, null).statusCode()).as(user).isEqualTo(403);
      HttpResponse<String> execute = call("POST", "/api/migrations/directive/execute", user, body);
      assertThat(execute.statusCode()).as(user).isEqualTo(403);
      assertThat(execute.body()).contains(Roles.PROCESS_OWNERS);
      // nor through the engine's own API
      assertThat(call("POST", "/engine-rest/migration/executeAsync", user, engineMigration(directive)).statusCode())
          .as(user).isEqualTo(403);
    }
    assertThat(call("GET", "/api/migrations/directive", null, null).statusCode()).isEqualTo(401);
    assertThat(managementService.createBatchQuery().count()).isZero();
    assertThat(definitionOf(directive)).isEqualTo(oldVersion.getId());

    HttpResponse<String> overview = call("GET", "/api/migrations/directive", OWNER, null);
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body()).contains("\"version\":" + newVersion.getVersion(), "Xác nhận giao nhiệm vụ");
    assertThat(call("GET", "/api/migrations/directive", "admin", null).statusCode()).isEqualTo(200);
    HttpResponse<String> plan = call("POST", "/api/migrations/directive/plan", OWNER, body);
    assertThat(plan.statusCode()).isEqualTo(200);
    assertThat(plan.body()).contains("\"valid\":true", "Timer_DeadlineReminder");

    // the page beside the dashboard: its own script only, the data comes from the API above
    HttpResponse<String> page = call("GET", "/dashboard/chuyen-phien-ban", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Chuyển hồ sơ đang chạy sang phiên bản quy trình mới", "/dashboard/migrate.js");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
  }

  @Test
  void onlyProcessOwnersAndAdministratorsApplyAChangedPolicyToRunningDirectives() throws Exception {
    ProcessInstance directive = assignedAndAcknowledged();
    for (String user : List.of("officer-bca", "manager", "reviewer-vpcp", "leader")) {
      assertThat(call("GET", "/api/policy", user, null).statusCode()).as(user).isEqualTo(403);
      HttpResponse<String> apply = call("POST", "/api/policy/apply-to-running", user, null);
      assertThat(apply.statusCode()).as(user).isEqualTo(403);
      assertThat(apply.body()).contains(Roles.PROCESS_OWNERS);
      // nor by sending the signal through the engine's own API
      assertDenied(call("POST", "/engine-rest/signal", user, "{\"name\": \"directivePolicyChanged\"}"));
    }
    assertThat(call("POST", "/api/policy/apply-to-running", null, null).statusCode()).isEqualTo(401);
    assertThat(managementService.createJobQuery().activityId("ServiceTask_ApplyPolicyChange").count()).isZero();

    HttpResponse<String> overview = call("GET", "/api/policy", OWNER, null);
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body()).contains("\"policyVersion\":", "\"runningDirectives\":");
    HttpResponse<String> applied = call("POST", "/api/policy/apply-to-running", OWNER, null);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    assertThat(applied.body()).contains("\"reached\":");
    assertThat(managementService.createJobQuery().processInstanceId(directive.getId())
        .activityId("ServiceTask_ApplyPolicyChange").count()).isEqualTo(1);
  }

  @Test
  void theProcessOwnerDoesNoneOfTheOfficersOrManagersWork() throws Exception {
    ProcessInstance directive = start();
    String task = task(directive, "Task_ConfirmAssignment").getId();
    assertDenied(call("POST", "/engine-rest/task/" + task + "/complete", OWNER, "{}"));
    assertDenied(call("POST", "/engine-rest/task/" + task + "/claim", OWNER, "{\"userId\": \"owner\"}"));
    assertDenied(call("PUT", "/engine-rest/task/" + task + "/variables/leadAgency", OWNER, "{\"value\": \"BYT\"}"));
    assertDenied(call("PUT", "/engine-rest/process-instance/" + directive.getId() + "/variables/status", OWNER,
        "{\"value\": \"COMPLETED_ON_TIME\"}"));
    assertDenied(call("POST", "/engine-rest/process-instance/" + directive.getId() + "/modification", OWNER,
        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Task_ConfirmAssignment\"}]}"));
    assertDenied(call("DELETE", "/engine-rest/process-instance/" + directive.getId(), OWNER, null));
    assertDenied(call("POST", "/engine-rest/process-definition/key/directive/start", OWNER, "{}"));
    assertDenied(call("POST", "/engine-rest/process-definition/key/notice/start", OWNER, "{}"));
    assertThat(call("POST", "/api/notices", OWNER, "{}").statusCode()).isIn(400, 403);
    assertThat(task(directive, "Task_ConfirmAssignment").getAssignee()).isNull();
    assertThat(runtimeService.getVariable(directive.getId(), "status")).isNotEqualTo("COMPLETED_ON_TIME");
    assertThat(runtimeService.getVariable(directive.getId(), "leadAgency")).isEqualTo("BCA");

    // what the role is for: read every instance and deploy
    assertThat(call("GET", "/engine-rest/process-instance/" + directive.getId(), OWNER, null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/engine-rest/history/process-instance/" + directive.getId(), OWNER, null).statusCode())
        .isEqualTo(200);
    assertThat(call("GET", "/engine-rest/decision-definition?key=directivePolicy", OWNER, null).body())
        .contains("directivePolicy");
    assertThat(vn.directivetracker.support.WebappSession.login(port, "cockpit", OWNER).loginStatus()).isEqualTo(200);
    assertThat(vn.directivetracker.support.WebappSession.login(port, "tasklist", OWNER).loginStatus()).isIn(401, 403);
    List<String> groups = List.of(Roles.PROCESS_OWNERS);
    assertThat(authorizationService.isUserAuthorized(OWNER, groups, Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
    assertThat(authorizationService.isUserAuthorized(OWNER, groups, Permissions.DELETE, Resources.DEPLOYMENT)).isFalse();
  }

  @Test
  void badRequestsGetAProblemNamingIt() throws Exception {
    HttpResponse<String> text = call("POST", "/api/migrations/directive/plan", OWNER, "{\"sourceVersion\": \"một\"}");
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.body()).contains("sourceVersion");
    HttpResponse<String> latest = call("POST", "/api/migrations/directive/plan", OWNER,
        "{\"sourceVersion\": " + newVersion.getVersion() + "}");
    assertThat(latest.statusCode()).isEqualTo(400);
    assertThat(latest.body()).contains("đã là phiên bản mới nhất");
    assertThat(call("POST", "/api/migrations/directive/plan", OWNER, "{\"sourceVersion\": 999}").body())
        .contains("không có phiên bản 999");
    assertThat(call("GET", "/api/migrations/payroll", OWNER, null).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/api/migrations/directive/plan", OWNER, "{").statusCode()).isEqualTo(400);
    assertThat(Http.call(port, "POST", "/api/migrations/directive/execute", OWNER, "text/plain",
        "{\"sourceVersion\": 1}").statusCode()).isEqualTo(415);
  }

  // ------------------------------------------------------------------ migrating and comparing

  /** What must survive a migration: tasks, timers, variables. */
  record Snapshot(List<String> tasks, List<String> timers, Map<String, Object> variables) {}

  Snapshot snapshot(ProcessInstance directive) {
    List<String> tasks = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().processInstanceId(directive.getId()).orderByTaskId().asc().list()) {
      tasks.add(task.getId() + " " + task.getTaskDefinitionKey() + " assignee=" + task.getAssignee() + " candidates="
          + candidateGroups(task) + " due=" + task.getDueDate() + " followUp=" + task.getFollowUpDate() + " priority="
          + task.getPriority());
    }
    List<String> timers = managementService.createJobQuery().processInstanceId(directive.getId()).list().stream()
        .map(job -> managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
            .getActivityId() + "@" + job.getDuedate().toInstant()).sorted().toList();
    return new Snapshot(tasks, timers, new TreeMap<>(runtimeService.getVariables(directive.getId())));
  }

  void migrateAndAssertUnchanged(ProcessInstance directive) {
    Snapshot before = snapshot(directive);
    MigrationViews.DryRun dryRun = asOwner(() -> migration.dryRun("directive", oldVersion.getVersion()));
    assertThat(dryRun.wouldFail()).as(dryRun.failures().toString()).isZero();
    assertThat(dryRun.wouldMigrate()).isEqualTo(1);

    MigrationViews.Execution execution = asOwner(() -> migration.execute("directive", oldVersion.getVersion()));
    assertThat(execution.instances()).isEqualTo(1);
    assertThat(execution.targetVersion()).isEqualTo(newVersion.getVersion());
    Batch batch = managementService.createBatchQuery().batchId(execution.batchId()).singleResult();
    assertThat(batch.getType()).isEqualTo(Batch.TYPE_PROCESS_INSTANCE_MIGRATION);
    assertThat(batch.getCreateUserId()).isEqualTo(OWNER);
    runBatch(batch);

    assertThat(definitionOf(directive)).isEqualTo(newVersion.getId());
    Snapshot after = snapshot(directive);
    assertThat(after.tasks()).isEqualTo(before.tasks());
    assertThat(after.timers()).isEqualTo(before.timers());
    assertThat(after.variables()).isEqualTo(before.variables());
    assertThat(taskService.createTaskQuery().processInstanceId(directive.getId()).list())
        .allSatisfy(task -> assertThat(task.getProcessDefinitionId()).isEqualTo(newVersion.getId()));
    System.out.printf("Migrated %s: v%d -> v%d%n  tasks  %s%n  timers %s%n", directive.getBusinessKey(),
        oldVersion.getVersion(), newVersion.getVersion(), after.tasks(), after.timers());
  }

  /** As the job executor would: seed, migrate, monitor (no user: the batch checked the owner's rights when created). */
  void runBatch(Batch batch) {
    identityService.clearAuthentication();
    for (Job seed; (seed = managementService.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId())
        .singleResult()) != null; ) {
      managementService.executeJob(seed.getId());
    }
    for (Job job : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
      managementService.executeJob(job.getId());
    }
    Job monitor = managementService.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).singleResult();
    managementService.executeJob(monitor.getId());
    assertThat(managementService.createBatchQuery().batchId(batch.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricBatchQuery().batchId(batch.getId()).singleResult().getEndTime())
        .isNotNull();
  }

  <T> T asOwner(java.util.function.Supplier<T> call) {
    identityService.setAuthentication(OWNER, List.of(Roles.PROCESS_OWNERS));
    try {
      return call.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  // ------------------------------------------------------------------ driving a directive

  /**
   * Deploys a variant of the shipped processes/directive.bpmn (made by {@link #variant}) with the
   * policy and every form, as one deployment; derived at run time so that it follows the model.
   */
  String deploy(String bpmn, boolean withAddedForm) throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    DeploymentBuilder builder = repositoryService.createDeployment().name("migration-test").source("migration-test");
    String shipped = new String(resolver.getResource("classpath:processes/directive.bpmn").getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    builder.addString("processes/directive.bpmn", variant(bpmn, shipped));
    builder.addInputStream("processes/directive-policy.dmn", read(resolver.getResource("classpath:processes/directive-policy.dmn")));
    for (Resource form : resolver.getResources("classpath*:forms/*.form")) {
      builder.addInputStream("forms/" + form.getFilename(), read(form));
    }
    if (withAddedForm) {
      builder.addInputStream("forms/" + ADDED_TASK + ".form",
          read(resolver.getResource("classpath:migration/" + ADDED_TASK + ".form")));
    }
    return builder.deploy().getId();
  }

  /**
   * The two edits a process owner makes in Camunda Modeler: "directive-added-task.bpmn" puts
   * {@link #ADDED_TASK} between the completion report and its review; "directive-renamed-task.bpmn"
   * gives Task_ConfirmAssignment a new id.
   */
  static String variant(String name, String shipped) {
    if (name.equals("directive.bpmn")) {
      return shipped;
    }
    String changed = switch (name) {
      case "directive-added-task.bpmn" -> shipped
          .replace("""
              <bpmn:sequenceFlow id="Flow_ToReviewCompletionReport" sourceRef="Task_SubmitCompletionReport" targetRef="Task_ReviewCompletionReport" />""",
              """
              <bpmn:sequenceFlow id="Flow_ToCheckCompletionEvidence" sourceRef="Task_SubmitCompletionReport" targetRef="Task_CheckCompletionEvidence" />
                    <bpmn:sequenceFlow id="Flow_ToReviewCompletionReport" sourceRef="Task_CheckCompletionEvidence" targetRef="Task_ReviewCompletionReport" />""")
          .replaceFirst("(<bpmn:userTask id=\"Task_SubmitCompletionReport\"[\\s\\S]*?)<bpmn:outgoing>Flow_ToReviewCompletionReport</bpmn:outgoing>\\s*</bpmn:userTask>",
              "$1" + java.util.regex.Matcher.quoteReplacement("<bpmn:outgoing>Flow_ToCheckCompletionEvidence</bpmn:outgoing>\n      </bpmn:userTask>\n"
              + "      <bpmn:userTask id=\"Task_CheckCompletionEvidence\" name=\"Kiểm tra hồ sơ minh chứng\" camunda:formRef=\"Task_CheckCompletionEvidence\" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"${standingOffice}\" camunda:dueDate=\"P2WD@end\">\n"
              + "        <bpmn:incoming>Flow_ToCheckCompletionEvidence</bpmn:incoming>\n"
              + "        <bpmn:outgoing>Flow_ToReviewCompletionReport</bpmn:outgoing>\n      </bpmn:userTask>"));
      case "directive-renamed-task.bpmn" -> shipped
          .replace("<bpmn:userTask id=\"Task_ConfirmAssignment\"", "<bpmn:userTask id=\"Task_ConfirmAssignmentByOffice\"")
          .replace("targetRef=\"Task_ConfirmAssignment\"", "targetRef=\"Task_ConfirmAssignmentByOffice\"")
          .replace("sourceRef=\"Task_ConfirmAssignment\"", "sourceRef=\"Task_ConfirmAssignmentByOffice\"")
          .replace("bpmnElement=\"Task_ConfirmAssignment\"", "bpmnElement=\"Task_ConfirmAssignmentByOffice\"");
      default -> throw new IllegalArgumentException(name);
    };
    if (changed.equals(shipped) || (name.contains("added") && !changed.contains("Flow_ToCheckCompletionEvidence\" sourceRef"))
        || (name.contains("added") && !changed.contains("id=\"Task_CheckCompletionEvidence\""))) {
      throw new IllegalStateException("processes/directive.bpmn changed: the test's edit for " + name + " no longer applies");
    }
    return changed;
  }

  private static InputStream read(Resource resource) throws IOException {
    return new java.io.ByteArrayInputStream(resource.getInputStream().readAllBytes());
  }

  ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("directive").latestVersion().singleResult();
  }

  ProcessInstance start() {
    return runtimeService.startProcessInstanceById(oldVersion.getId(),
        "315/TB-VPCP/1.b/" + UUID.randomUUID().toString().substring(0, 8), variables());
  }

  ProcessInstance assignedAndAcknowledged() {
    ProcessInstance directive = start();
    taskService.complete(task(directive, "Task_ConfirmAssignment").getId(), variables());
    acknowledge(directive);
    assertWaitingAt(directive, "Task_SubmitCompletionReport", "Task_RequestExtension", "Task_ContributeCoordination");
    return directive;
  }

  void acknowledge(ProcessInstance directive) {
    taskService.complete(task(directive, "Task_AcknowledgeDirective").getId(), Map.of(
        "responsibleUnit", "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        "responsiblePerson", "Nguyễn Văn An", "plan", "Dự thảo trong tuần 1, lấy ý kiến tuần 2, trình tuần 3"));
  }

  void submitCompletionReport(ProcessInstance directive) {
    taskService.complete(task(directive, "Task_SubmitCompletionReport").getId(), Map.of(
        "resultSummary", "Đã trình Chính phủ dự thảo Nghị quyết", "resultDocumentNumber", "45/TTr-BCA",
        "resultDocumentDate", java.time.LocalDate.ofInstant(ClockUtil.now().toInstant(), WorkingDayCalendar.ZONE).toString(),
        "evidenceLinks", "https://vanban.chinhphu.vn/45-ttr-bca"));
  }

  static Map<String, Object> variables() {
    return NoticeItemVariables.item1bForBca();
  }

  void assertWaitingAt(ProcessInstance directive, String... taskKeys) {
    assertThat(taskService.createTaskQuery().processInstanceId(directive.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).distinct().toList()).containsExactlyInAnyOrder(taskKeys);
  }

  String definitionOf(ProcessInstance directive) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(directive.getId()).singleResult()
        .getProcessDefinitionId();
  }

  Task task(ProcessInstance directive, String key) {
    return taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(key).singleResult();
  }

  Job job(ProcessInstance directive, String activityId) {
    return managementService.createJobQuery().processInstanceId(directive.getId()).activityId(activityId).singleResult();
  }

  Date jobDue(ProcessInstance directive, String activityId) {
    Job job = job(directive, activityId);
    return job == null ? null : job.getDuedate();
  }

  List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId).sorted().toList();
  }

  String engineMigration(ProcessInstance directive) {
    return "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"" + oldVersion.getId()
        + "\", \"targetProcessDefinitionId\": \"" + newVersion.getId() + "\", \"instructions\": [{\"sourceActivityIds\":"
        + " [\"Task_ConfirmAssignment\"], \"targetActivityIds\": [\"Task_ConfirmAssignment\"]}]},"
        + " \"processInstanceIds\": [\"" + directive.getId() + "\"]}";
  }

  HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
    return Http.call(port, method, path, user, "application/json", json);
  }

  static void assertDenied(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
  }

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant());
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(at(localDateTime));
  }
}
