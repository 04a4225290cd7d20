package vn.directivetracker.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.directivetracker.support.NoticeJobs;
import vn.directivetracker.lifecycle.DirectiveInputException;

/** The notice process: a short notice entered by hand in Tasklist, then tracked until every directive ends. */
@SpringBootTest
class NoticeProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void aNoticeEnteredByHandIsValidatedRegisteredTrackedAndSummedUp() {
    ProcessInstance notice = startByHand("21/TB-VPCP", "VPCP");
    assertThat(notice).isWaitingAt("Task_AddNoticeItem");

    // a bad item is refused on the spot and nothing is added
    Map<String, Object> bad = item("1.a", "BXX", "DATE", "2026-12-30", true);
    assertThatThrownBy(() -> taskService.complete(task(notice), bad))
        .isInstanceOf(DirectiveInputException.class)
        .hasMessageContaining("mục 1.a, lead: unknown agency code BXX");
    assertThat(engine.getRuntimeService().getVariable(notice.getId(), NoticeDrafts.DRAFT_ITEMS)).isNull();

    taskService.complete(task(notice), item("1.a", "BCA", "DATE", "2026-12-30", true));
    taskService.complete(task(notice), item("1.b", "BTC", "ONGOING", null, true));
    taskService.complete(task(notice), item("1.c", "BYT", "DATE", "2026-12-31", false));
    assertThat(notice).isWaitingAt("Task_ReviewNoticeDraft");
    assertThat((String) engine.getRuntimeService().getVariable(notice.getId(), NoticeDrafts.DRAFT_SUMMARY))
        .contains("1.a. [BCA;", "1.b. [BTC;", "1.c. [BYT;");

    // remove one item, then register
    taskService.complete(task(notice), Map.of("reviewAction", "removeItem", "removeRef", "1.c"));
    assertThat(notice).isWaitingAt("Task_ReviewNoticeDraft");
    taskService.complete(task(notice), Map.of("reviewAction", "register"));
    assertThat(notice).hasPassed("ServiceTask_ValidateNotice", "ServiceTask_RegisterNotice");

    runJobs(notice);
    List<ProcessInstance> directives = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("directive").processInstanceBusinessKeyLike("21/TB-VPCP/%").list();
    assertThat(directives).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("21/TB-VPCP/1.a/BCA", "21/TB-VPCP/1.b/BTC");

    // the notice waits until every directive has ended, then the office writes the final report
    for (ProcessInstance directive : directives) {
      close(directive);
    }
    // each directive's end reaches its item and the notice through a job (asyncAfter), not the reviewer's transaction
    assertThat(notice).isWaitingAt("CallActivity_TrackItems");
    runJobs(notice);
    assertThat(notice).isWaitingAt("Task_WriteFinalReport");
    taskService.complete(task(notice), Map.of("finalReport", "Đã hoàn thành các nhiệm vụ"));
    assertThat(notice).hasPassed("EndEvent_NoticeClosed").isEnded();
  }

  @Test
  void anInvalidNoticeGoesBackToTheReviewWithItsProblems() {
    ProcessInstance notice = startByHand("22/TB-VPCP", "VPCP");
    taskService.complete(task(notice), item("1.a", "BCA", "DATE", "2026-12-30", false));
    // the issuer was mistyped in the start form
    Map<String, Object> header = new HashMap<>(header("22/TB-VPCP", "VPCP"));
    header.put("issuer", "BXX");
    engine.getRuntimeService().setVariables(notice.getId(), header);
    taskService.complete(task(notice), Map.of("reviewAction", "register"));

    assertThat(notice).isWaitingAt("Task_ReviewNoticeDraft").hasNotPassed("ServiceTask_RegisterNotice");
    assertThat((String) engine.getRuntimeService().getVariable(notice.getId(), NoticeDrafts.NOTICE_PROBLEMS))
        .contains("issuer: unknown agency code BXX");
  }

  @Test
  void tasklistsStartFormStartsTheManualPathAndTheNoticeGetsItsBusinessKey() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("notice")
        .latestVersion().singleResult().getId();
    // exactly what Tasklist submits: the start form's fields, nothing else
    ProcessInstance notice = engine.getFormService().submitStartForm(definition, header("24/TB-VPCP", "VPCP"));
    assertThat(notice).isWaitingAt("Task_AddNoticeItem");

    taskService.complete(task(notice), item("1.a", "BCA", "DATE", "2026-12-30", true));
    assertThat(engine.getRuntimeService().getVariable(notice.getId(), "moreItems")).as("next form starts unticked").isNull();
    taskService.complete(task(notice), item("1.b", "BTC", "DATE", "2026-12-30", false));
    taskService.complete(task(notice), Map.of("reviewAction", "register"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(notice.getId()).singleResult()
        .getBusinessKey()).isEqualTo("24/TB-VPCP");
  }

  @Test
  void addingMoreItemsAfterTheReviewGoesBackToTheItemForm() {
    ProcessInstance notice = startByHand("23/TB-VPCP", "VPCP");
    taskService.complete(task(notice), item("1.a", "BCA", "DATE", "2026-12-30", false));
    taskService.complete(task(notice), Map.of("reviewAction", "addMore"));
    assertThat(notice).isWaitingAt("Task_AddNoticeItem");
  }

  private ProcessInstance startByHand(String number, String office) {
    Map<String, Object> variables = new HashMap<>(header(number, office));
    variables.put(NoticeImporter.ITEMS_IMPORTED, false);
    return engine.getRuntimeService().startProcessInstanceByKey("notice", number, variables);
  }

  private static Map<String, Object> header(String number, String office) {
    return Map.of("noticeNumber", number, "noticeTitle", "Kết luận cuộc họp về dữ liệu", "issuer", "VPCP",
        "standingOffice", office, "issuedOn", "2026-11-20", "meetingOn", "2026-11-18");
  }

  private static Map<String, Object> item(String ref, String lead, String kind, String date, boolean more) {
    Map<String, Object> item = new HashMap<>();
    item.put("ref", ref);
    item.put("itemText", "Nhiệm vụ " + ref + " của " + lead);
    item.put("lead", lead);
    item.put("leadClass", "");
    item.put("coordinatorsText", "");
    item.put("deadlineKind", kind);
    item.put("deadlineDate", date);
    item.put("deadlinePhrase", date == null ? null : "Hoàn thành trước ngày " + date);
    item.put("keyTask", false);
    item.put("moreItems", more);
    return item;
  }

  /** Takes a directive along its shortest path: assignment, acknowledgement, then report and review (or closure). */
  private void close(ProcessInstance directive) {
    taskService.complete(task(directive, "Task_ConfirmAssignment"), engine.getRuntimeService().getVariables(directive.getId()));
    taskService.complete(task(directive, "Task_AcknowledgeDirective"), Map.of("responsibleUnit", "Vụ Kế hoạch",
        "responsiblePerson", "Trần Thị B", "plan", "Thực hiện trong tháng"));
    if (Boolean.TRUE.equals(engine.getRuntimeService().getVariable(directive.getId(), "ongoing"))) {
      taskService.complete(task(directive, "Task_CloseOngoingDuty"), Map.of("closingNote", "Kết thúc"));
    } else {
      taskService.complete(task(directive, "Task_SubmitCompletionReport"), Map.of("resultSummary", "Đã xong"));
      taskService.complete(task(directive, "Task_ReviewCompletionReport"), Map.of("reviewDecision", "accept"));
    }
    assertThat(directive).isEnded();
  }

  private String task(ProcessInstance instance, String key) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult().getId();
  }

  private String task(ProcessInstance notice) {
    return taskService.createTaskQuery().processInstanceId(notice.getId()).singleResult().getId();
  }

  private void runJobs(ProcessInstance notice) {
    NoticeJobs.run(engine, notice);
  }

}
