package vn.directivetracker.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/** Drives one directive through acknowledgement and completion report, on whatever engine it is given. */
public final class FirstProcessPath {

  private FirstProcessPath() {}

  public static ProcessInstance start(ProcessEngine engine, String businessKey) {
    BpmnAwareTests.init(engine);
    return engine.getRuntimeService().startProcessInstanceByKey("directive", businessKey, Map.of(
        "noticeNumber", "315/TB-VPCP",
        "itemRef", "1.b",
        "directiveText", "Xây dựng, trình Chính phủ Nghị quyết về thúc đẩy tạo lập dữ liệu",
        "leadAgency", "BCA",
        "leadAgencyName", "Bộ Công an",
        "standingOffice", "VPCP",
        "deadlinePhrase", "Hoàn thành trước ngày 30 tháng 6 năm 2025",
        "deadline", new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000)));
  }

  public static void runToCompletion(ProcessEngine engine, ProcessInstance instance) {
    BpmnAwareTests.init(engine);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AcknowledgeDirective");
    assertThat(task(instance).getName()).isEqualTo("Tiếp nhận nhiệm vụ");
    complete(task(instance), Map.of("responsibleUnit", "Cục C06", "responsiblePerson", "Nguyễn Văn A",
        "plan", "Dự thảo trong tháng 6"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isWaitingAt("Task_SubmitCompletionReport");
    complete(task(instance), Map.of("resultSummary", "Đã trình Chính phủ"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance)
        .hasPassed("Task_AcknowledgeDirective", "Task_SubmitCompletionReport").isEnded();
  }
}
