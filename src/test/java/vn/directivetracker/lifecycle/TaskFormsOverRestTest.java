package vn.directivetracker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.support.FirstProcessPath;
import vn.directivetracker.support.Http;

/** What Tasklist does: fetch the task's Camunda Form, submit values; bad values come back as a readable 400. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskFormsOverRestTest {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  /**
   * Test contexts cached in one JVM each register an engine named "default"; the REST API serves
   * whichever registered last. Point it at this context's engine (production has only one).
   */
  @org.junit.jupiter.api.BeforeEach
  void serveThisEngineOverRest() {
    org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
  }

  @Test
  void theTaskFormIsServedAndRejectedValuesComeBackAsA400() throws Exception {
    ProcessInstance directive = FirstProcessPath.start(engine, "rest/" + System.nanoTime());
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(directive.getId()).singleResult().getId();

    HttpResponse<String> form = send("GET", "/engine-rest/task/" + taskId + "/deployed-form", null);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Task_ConfirmAssignment")
        .contains("Cơ quan chủ trì (mã)");

    // Tasklist posts to submit-form (through /camunda/api/engine, the same resource as here)
    HttpResponse<String> rejected = send("POST", "/engine-rest/task/" + taskId + "/submit-form", """
        {"variables": {"leadAgency": {"value": "BXX"}, "deadlineDate": {"value": ""}}}""");
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(rejected.body()).contains("Chưa thể hoàn thành", "không có cơ quan mã BXX", "thiếu \\\"Thời hạn\\\"")
        .doesNotContain("ENGINE-03051");

    // the kind of deadline is shown on the form, not chosen there: the notice states it
    HttpResponse<String> readOnly = send("POST", "/engine-rest/task/" + taskId + "/submit-form", """
        {"variables": {"leadAgency": {"value": "BCA"}, "deadlineKind": {"value": "ASAP"}}}""");
    assertThat(readOnly.statusCode()).isEqualTo(400);
    assertThat(readOnly.body()).contains("\\\"Loại thời hạn\\\" (deadlineKind) chỉ để xem, không được sửa");
    assertThat(engine.getRuntimeService().getVariable(directive.getId(), "deadlineKind")).isEqualTo("DATE");
    assertThat(engine.getRuntimeService().getVariable(directive.getId(), "leadAgency")).isEqualTo("BCA");

    HttpResponse<String> viaComplete = send("POST", "/engine-rest/task/" + taskId + "/complete", """
        {"variables": {"leadAgency": {"value": "BXX"}}}""");
    assertThat(viaComplete.statusCode()).isEqualTo(400);
    assertThat(viaComplete.body()).contains("không có cơ quan mã BXX").doesNotContain("ENGINE-03051");
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    return Http.call(port, method, path, "reviewer-vpcp", "application/json", json);
  }
}
