package vn.directivetracker.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/** Drives one directive along its shortest path to closure, on whatever engine it is given. */
public final class FirstProcessPath {

  private FirstProcessPath() {}

  public static Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("noticeNumber", "315/TB-VPCP");
    variables.put("itemRef", "1.b");
    variables.put("directiveText", "Xây dựng, trình Chính phủ Nghị quyết về thúc đẩy tạo lập dữ liệu");
    variables.put("leadAgency", "BCA");
    variables.put("leadAgencyName", "Bộ Công an");
    variables.put("coordinatingAgenciesText", "");
    variables.put("standingOffice", "VPCP");
    variables.put("deadlineKind", "DATE");
    variables.put("deadlineDate", LocalDate.now().plusMonths(1).toString());
    variables.put("deadlinePhrase", "Hoàn thành trong một tháng");
    variables.put("keyTask", false);
    return variables;
  }

  public static ProcessInstance start(ProcessEngine engine, String businessKey) {
    BpmnAwareTests.init(engine);
    return engine.getRuntimeService().startProcessInstanceByKey("directive", businessKey, variables());
  }

  public static void runToCompletion(ProcessEngine engine, ProcessInstance instance) {
    BpmnAwareTests.init(engine);
    TaskService tasks = engine.getTaskService();
    assertThat(instance).isWaitingAt("Task_ConfirmAssignment");
    tasks.complete(task(engine, instance, "Task_ConfirmAssignment"), variables());
    tasks.complete(task(engine, instance, "Task_AcknowledgeDirective"), Map.of("responsibleUnit", "Cục C06",
        "responsiblePerson", "Nguyễn Văn A", "plan", "Dự thảo trong tháng"));
    tasks.complete(task(engine, instance, "Task_SubmitCompletionReport"), Map.of("resultSummary", "Đã trình Chính phủ"));
    tasks.complete(task(engine, instance, "Task_ReviewCompletionReport"), Map.of("reviewDecision", "accept"));
    assertThat(instance).hasPassed("EndEvent_ReportAccepted", "EndEvent_DirectiveClosed").isEnded();
  }

  private static String task(ProcessEngine engine, ProcessInstance instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .singleResult().getId();
  }
}
