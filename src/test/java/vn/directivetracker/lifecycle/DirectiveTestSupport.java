package vn.directivetracker.lifecycle;

import vn.directivetracker.support.NoticeItemVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.deadline.MonthlyReporting;
import vn.directivetracker.calendar.WorkingDayCalendar;


/**
 * What every directive process test needs: the engine, a clock the test moves, a directive started
 * and driven as a notice and its offices would, and short ways to read its tasks, jobs and variables.
 */
abstract class DirectiveTestSupport {

  static final String LEAD = "BCA";
  static final String OFFICE = "VPCP";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired MonthlyReporting reporting;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    clock("2026-06-01T09:00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }


  Map<String, Object> variables() {
    return NoticeItemVariables.item1bForBca();
  }

  ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey("directive",
        "315/TB-VPCP/1.b/" + UUID.randomUUID().toString().substring(0, 8), variables);
  }

  /** Started, assignment confirmed as the notice says, acknowledged by the lead agency. */
  ProcessInstance assignedAndAcknowledged(Map<String, Object> variables) {
    ProcessInstance directive = start(variables);
    assertThat(directive).isWaitingAt("Task_ConfirmAssignment");
    assertThat(status(directive)).isEqualTo(DirectiveStatus.NOT_STARTED);
    taskService.complete(task(directive, "Task_ConfirmAssignment").getId(), variables);
    assertThat(directive).isWaitingAt("Task_AcknowledgeDirective");
    taskService.complete(task(directive, "Task_AcknowledgeDirective").getId(), Map.of(
        "responsibleUnit", "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        "responsiblePerson", "Nguyễn Văn An", "plan", "Dự thảo trong tuần 1, lấy ý kiến tuần 2, trình tuần 3"));
    return directive;
  }

  void submitCompletionReport(ProcessInstance directive) {
    taskService.complete(task(directive, "Task_SubmitCompletionReport").getId(), Map.of(
        "resultSummary", "Đã trình Chính phủ dự thảo Nghị quyết", "resultDocumentNumber", "45/TTr-BCA",
        "resultDocumentDate", LocalDate.ofInstant(ClockUtil.now().toInstant(), WorkingDayCalendar.ZONE).toString(),
        "evidenceLinks", "https://vanban.chinhphu.vn/45-ttr-bca"));
  }

  void review(ProcessInstance directive, String decision, String comments) {
    engine.getIdentityService().setAuthentication("reviewer-vpcp", List.of(OFFICE, "reviewers"));
    Map<String, Object> values = new HashMap<>();
    values.put("reviewDecision", decision);
    values.put("reviewComments", comments);
    taskService.complete(task(directive, "Task_ReviewCompletionReport").getId(), values);
    engine.getIdentityService().clearAuthentication();
  }

  void requestExtension(ProcessInstance directive, String proposed) {
    taskService.complete(task(directive, "Task_RequestExtension").getId(), Map.of(
        "extensionReason", "Chờ ý kiến của các bộ", "proposedDeadline", proposed));
  }

  void decideExtension(ProcessInstance directive, String decision, String reason) {
    engine.getIdentityService().setAuthentication("reviewer-vpcp", List.of(OFFICE, "reviewers"));
    taskService.complete(task(directive, "Task_DecideExtension").getId(), Map.of(
        "extensionDecision", decision, "decisionReason", reason));
    engine.getIdentityService().clearAuthentication();
  }

  Task task(ProcessInstance directive, String key) {
    return taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(key).singleResult();
  }

  Job job(ProcessInstance directive, String activityId) {
    return managementService.createJobQuery().processInstanceId(directive.getId()).activityId(activityId).singleResult();
  }

  List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
  }

  Date date(ProcessInstance directive, String variable) {
    return (Date) runtimeService.getVariable(directive.getId(), variable);
  }

  DirectiveStatus status(ProcessInstance directive) {
    return DirectiveStatus.valueOf((String) runtimeService.getVariable(directive.getId(), "status"));
  }

  String historicStatus(ProcessInstance directive) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(directive.getId()).variableName("status").singleResult().getValue();
  }

  static Date at(String localDateTime) {
    return Date.from(java.time.LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant());
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(at(localDateTime));
  }

  static void assertRejected(Runnable action, String... problems) {
    assertThatThrownBy(action::run).isInstanceOf(DirectiveInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(problems));
  }
}
