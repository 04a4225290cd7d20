package vn.directivetracker.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.access.TasklistFilters;
import vn.directivetracker.support.FirstProcessPath;
import vn.directivetracker.support.Http;
import vn.directivetracker.support.RecordSnapshot;
import vn.directivetracker.support.WebappSession;

/**
 * Tasklist as officers and the standing office meet it, over real HTTP the way Tasklist's scripts
 * call the server (issue 12): task names that say which directive and agency, setting a follow-up
 * date on a Camunda Forms task, the controls only some roles may use, the sort order. Run on H2 and
 * PostgreSQL (whose name column is strictly 255 characters).
 */
abstract class TasklistPaths {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HAL = "application/hal+json, application/json; q=0.5";

  @Autowired ProcessEngine engine;
  @Autowired TasklistFilters filters;
  @Autowired TaskNameBackfill backfill;
  @LocalServerPort int port;

  /** A BCA directive (coordinator BKHCN, standing office VPCP) of notice 99/TB-VPCP item 1.a, not yet confirmed. */
  ProcessInstance directive;

  @BeforeEach
  void aDirectiveWaitingForConfirmation() {
    ProcessEngines.registerProcessEngine(engine);
    directive = engine.getRuntimeService().startProcessInstanceByKey("directive", "TL/" + UUID.randomUUID(),
        variables("99/TB-VPCP", "1.a"));
  }

  // ------------------------------------------------------------------ task names

  @Test
  void everyTaskNamesItsItemAndAgencyAlsoWhenAUserCommandCreatesIt() throws Exception {
    assertThat(task("Task_ConfirmAssignment").getName()).isEqualTo("Xác nhận giao nhiệm vụ — 99/TB-VPCP mục 1.a (Bộ Công an)");
    // the diagram keeps its short names
    assertThat(engine.getRepositoryService().getBpmnModelInstance(directive.getProcessDefinitionId())
        .getModelElementById("Task_ConfirmAssignment").getAttributeValue("name")).isEqualTo("Xác nhận giao nhiệm vụ");

    // the office confirms over REST with authorization on: the next tasks are created inside its command
    HttpResponse<String> confirmed = call("POST", "/engine-rest/task/" + task("Task_ConfirmAssignment").getId()
        + "/complete", "reviewer-vpcp", "{\"variables\": {}}");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
    Task acknowledge = task("Task_AcknowledgeDirective");
    assertThat(acknowledge.getName()).isEqualTo("Tiếp nhận nhiệm vụ và lập kế hoạch — 99/TB-VPCP mục 1.a (Bộ Công an)");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(acknowledge.getId()).singleResult()
        .getName()).isEqualTo(acknowledge.getName());

    HttpResponse<String> acknowledged = call("POST", "/engine-rest/task/" + acknowledge.getId() + "/submit-form",
        "officer-bca", """
        {"variables": {"responsibleUnit": {"value": "Cục C06"}, "responsiblePerson": {"value": "Nguyễn Văn An"},
                       "plan": {"value": "Theo kế hoạch"}}}""");
    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(204);
    // the coordination task names the coordinator, every other task the lead
    assertThat(task("Task_ContributeCoordination").getName())
        .isEqualTo("Gửi ý kiến phối hợp — 99/TB-VPCP mục 1.a (Bộ Khoa học và Công nghệ)");
    assertThat(task("Task_SubmitCompletionReport").getName())
        .isEqualTo("Nộp báo cáo hoàn thành — 99/TB-VPCP mục 1.a (Bộ Công an)");
    assertThat(task("Task_RequestExtension").getName())
        .isEqualTo("Đề nghị gia hạn (khi cần) — 99/TB-VPCP mục 1.a (Bộ Công an)");

    // what Tasklist lists: the office's filter, as its list call sends it
    WebappSession tasklist = WebappSession.login(port, "tasklist", "officer-bkhcn");
    HttpResponse<String> list = tasklist.send("POST", "/camunda/api/engine/engine/default/filter/"
        + filterId(TasklistFilters.MY_AGENCY) + "/list?firstResult=0&maxResults=1000", "{}", HAL);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("Gửi ý kiến phối hợp — 99/TB-VPCP mục 1.a (Bộ Khoa học và Công nghệ)");
  }

  @Test
  void aNameLongerThanTheColumnIsShortenedNotRefused() {
    // the longest a notice allows (number 100, item 20) and the longest agency name: 260 characters in full
    String number = "9".repeat(95) + "/TB-X";
    Map<String, Object> variables = variables(number, "1.a." + "b".repeat(16));
    variables.put("leadAgency", "BCDCP");
    variables.put("coordinatingAgenciesText", "");
    ProcessInstance longOne = engine.getRuntimeService().startProcessInstanceByKey("directive", "TL/" + UUID.randomUUID(),
        variables);
    String name = engine.getTaskService().createTaskQuery().processInstanceId(longOne.getId()).singleResult().getName();
    assertThat(name).hasSizeLessThanOrEqualTo(TaskNames.MAX_LENGTH).startsWith("Xác nhận giao nhiệm vụ — 999")
        .contains("…").endsWith(" (Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo,"
            + " chuyển đổi số và Đề án 06)");
  }

  @Test
  void openTasksFromBeforeAreNamedAtStartUp() {
    Task confirm = task("Task_ConfirmAssignment");
    // as a task created by the previous version: the bare element name
    engine.getTaskService().setName(confirm.getId(), "Xác nhận giao nhiệm vụ");
    backfill.run(null);
    assertThat(task("Task_ConfirmAssignment").getName()).isEqualTo("Xác nhận giao nhiệm vụ — 99/TB-VPCP mục 1.a (Bộ Công an)");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(confirm.getId()).singleResult()
        .getName()).isEqualTo("Xác nhận giao nhiệm vụ — 99/TB-VPCP mục 1.a (Bộ Công an)");
  }

  @Test
  void nobodyButTheProcessRenamesATask() throws Exception {
    Task confirm = task("Task_ConfirmAssignment");
    RecordSnapshot before = snapshot();
    HttpResponse<String> renamed = call("PUT", "/engine-rest/task/" + confirm.getId(), "reviewer-vpcp",
        taskAsTasklistSendsIt(confirm.getId(), "reviewer-vpcp").put("name", "Việc khác").toString());
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(403);
    assertThat(renamed.body()).contains("tên (name)");
    assertThat(snapshot()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ follow-up and due dates on a Camunda Forms task

  @Test
  void anOfficerSetsAFollowUpDateThroughTasklistButNotADueDate() throws Exception {
    confirm();
    Task acknowledge = task("Task_AcknowledgeDirective");
    WebappSession tasklist = WebappSession.login(port, "tasklist", "officer-bca");
    String path = "/camunda/api/engine/engine/default/task/" + acknowledge.getId();

    // exactly what Tasklist sends: the task as GET gave it (HAL, camundaFormRef included), links removed, one date changed
    ObjectNode task = (ObjectNode) JSON.readTree(tasklist.send("GET", path, null, HAL).body());
    assertThat(task.path("camundaFormRef").path("key").asText()).isEqualTo("Task_AcknowledgeDirective");
    task.remove(List.of("_links", "_embedded"));
    task.put("followUp", "2030-01-15T08:00:00.000+0700");
    HttpResponse<String> followUp = tasklist.send("PUT", path, task.toString());
    assertThat(followUp.statusCode()).as(followUp.body()).isEqualTo(204);
    Task stored = task("Task_AcknowledgeDirective");
    assertThat(stored.getFollowUpDate()).isEqualTo(date("2030-01-15T08:00:00+07:00"));
    assertThat(stored.getAssignee()).isNull();
    assertThat(stored.getName()).isEqualTo(acknowledge.getName());
    assertThat(stored.getDueDate()).isEqualTo(acknowledge.getDueDate());

    // the due date is the procedure's: refused in Vietnamese, nothing changed
    RecordSnapshot withFollowUp = snapshot();
    task.put("due", "2099-12-31T23:59:59.000+0700");
    HttpResponse<String> due = tasklist.send("PUT", path, task.toString());
    assertThat(due.statusCode()).as(due.body()).isEqualTo(403);
    assertThat(due.body()).contains("hạn xử lý (due)", "chỉ quản trị hệ thống được sửa")
        .doesNotContain("CamundaFormRef", "Exception:", "Cannot construct");
    assertThat(snapshot()).isEqualTo(withFollowUp);

    // the same on the engine REST API; another agency and a manager may not touch it
    ObjectNode again = taskAsTasklistSendsIt(acknowledge.getId(), "officer-bca");
    again.put("followUp", "2030-02-01T08:00:00.000+0700");
    assertThat(call("PUT", "/engine-rest/task/" + acknowledge.getId(), "officer-bca", again.toString()).statusCode())
        .isEqualTo(204);
    assertThat(task("Task_AcknowledgeDirective").getFollowUpDate()).isEqualTo(date("2030-02-01T08:00:00+07:00"));
    RecordSnapshot afterOwn = snapshot();
    again.put("followUp", "2031-01-01T08:00:00.000+0700");
    for (String stranger : new String[] {"officer-byt", "manager"}) {
      HttpResponse<String> refused = call("PUT", "/engine-rest/task/" + acknowledge.getId(), stranger, again.toString());
      assertThat(refused.statusCode()).as(stranger + ": " + refused.body()).isIn(403, 404);
    }
    // nor reassign it while setting a date
    again.put("assignee", "officer-bca");
    assertThat(call("PUT", "/engine-rest/task/" + acknowledge.getId(), "officer-bca", again.toString()).statusCode())
        .isEqualTo(403);
    assertThat(snapshot()).isEqualTo(afterOwn);
  }

  @Test
  void theStandingOfficeSetsAFollowUpDateOnTheLeadsTask() throws Exception {
    confirm();
    String id = task("Task_AcknowledgeDirective").getId();
    ObjectNode task = taskAsTasklistSendsIt(id, "reviewer-vpcp");
    task.put("followUp", "2030-03-02T08:00:00.000+0700");
    HttpResponse<String> answer = call("PUT", "/engine-rest/task/" + id, "reviewer-vpcp", task.toString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(task("Task_AcknowledgeDirective").getFollowUpDate()).isEqualTo(date("2030-03-02T08:00:00+07:00"));
  }

  // ------------------------------------------------------------------ standalone tasks, and what Tasklist offers whom

  @Test
  void onlyAdministratorsCreateStandaloneTasks() throws Exception {
    String name = "Việc riêng " + UUID.randomUUID();
    String body = "{\"name\": \"" + name + "\", \"priority\": 50}";
    for (String user : new String[] {"officer-bca", "reviewer-vpcp", "manager", "leader"}) {
      HttpResponse<String> attempt = call("POST", "/engine-rest/task/create", user, body);
      assertThat(attempt.statusCode()).as(user + ": " + attempt.body()).isEqualTo(403);
      assertThat(attempt.body()).contains("Chỉ quản trị hệ thống được tạo việc");
    }
    HttpResponse<String> webapp = WebappSession.login(port, "tasklist", "officer-bca")
        .send("POST", "/camunda/api/engine/engine/default/task/create", body);
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskName(name).count()).isZero();

    assertThat(call("POST", "/engine-rest/task/create", "admin", body).statusCode()).isEqualTo(204);
    Task created = engine.getTaskService().createTaskQuery().taskName(name).singleResult();
    assertThat(call("DELETE", "/engine-rest/task/" + created.getId(), "admin", null).statusCode()).isEqualTo(204);
  }

  @Test
  void tasklistLoadsTheScriptThatOffersOnlyWhatTheUserMayUse() throws Exception {
    assertThat(Http.call(port, "GET", "/camunda/app/tasklist/scripts/config.js", null, null, null).body())
        .contains("ngDeps: ['dt.tasklist']", "'directive-tracker': 'scripts/directive-tracker'");
    HttpResponse<String> script = Http.call(port, "GET", "/camunda/app/tasklist/scripts/directive-tracker.js", null, null,
        null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("angular.module('dt.tasklist'", "startablePermissionCheck", "camunda-admin");
    assertThat(Http.call(port, "GET", "/camunda/app/tasklist/styles/user-styles.css", null, null, null).body())
        .contains("body.dt-may-not-start [cam-widget-header] li.start-process-action",
            "body.dt-may-not-create-task [cam-widget-header] li.create-task-action");

    // the script's two questions, answered per role through the webapps' API
    Map<String, long[]> expected = Map.of("officer-bca", new long[] {0, 0}, "manager", new long[] {0, 0},
        "reviewer-vpcp", new long[] {1, 0}, "admin", new long[] {1, 1});
    for (Map.Entry<String, long[]> role : expected.entrySet()) {
      WebappSession tasklist = WebappSession.login(port, "tasklist", role.getKey());
      long startable = count(tasklist, "/process-definition/count?latestVersion=true&active=true"
          + "&startableInTasklist=true&startablePermissionCheck=true");
      long admin = count(tasklist, "/group/count?id=camunda-admin&member=" + role.getKey());
      assertThat(Math.min(startable, 1)).as(role.getKey() + " may start").isEqualTo(role.getValue()[0]);
      assertThat(admin).as(role.getKey() + " is administrator").isEqualTo(role.getValue()[1]);
    }
  }

  // ------------------------------------------------------------------ the sort order is Tasklist's

  @Test
  void theOrderTasklistSendsIsTheOrderOfTheList() throws Exception {
    for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
      assertThat(((TaskQueryImpl) filter.getQuery()).getOrderingProperties()).as(filter.getName()).isEmpty();
    }
    // three tasks of BTC: due soon with a low priority, due late with a high one, due in between
    List<ProcessInstance> three = List.of(confirmedFor("BTC", "2027-01-10", 10), confirmedFor("BTC", "2027-03-10", 90),
        confirmedFor("BTC", "2027-02-10", 50));
    WebappSession tasklist = WebappSession.login(port, "tasklist", "officer-btc");
    String mine = "/camunda/api/engine/engine/default/filter/" + filterId(TasklistFilters.MY_AGENCY)
        + "/list?firstResult=0&maxResults=1000";
    String byDueDate = "{\"sorting\": [{\"sortBy\": \"dueDate\", \"sortOrder\": \"asc\"}]}";
    String byPriority = "{\"sorting\": [{\"sortBy\": \"priority\", \"sortOrder\": \"desc\"}]}";
    assertThat(instancesIn(tasklist.send("POST", mine, byDueDate, HAL), three))
        .containsExactly(three.get(0).getId(), three.get(2).getId(), three.get(1).getId());
    // before, the filter's own due-date order came first whatever the header said
    assertThat(instancesIn(tasklist.send("POST", mine, byPriority, HAL), three))
        .containsExactly(three.get(1).getId(), three.get(2).getId(), three.get(0).getId());
  }

  @Test
  void aFilterSavedWithItsOwnDueDateOrderLosesItAtStartUp() {
    Filter filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult();
    TaskQueryImpl query = filter.getQuery();
    query.orderByDueDate().asc();
    engine.getFilterService().saveFilter(filter.setQuery(query));
    assertThat(((TaskQueryImpl) engine.getFilterService().getFilter(filter.getId()).getQuery()).getOrderingProperties())
        .hasSize(1);
    filters.run(null);
    assertThat(((TaskQueryImpl) engine.getFilterService().getFilter(filter.getId()).getQuery()).getOrderingProperties())
        .isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private static Map<String, Object> variables(String notice, String item) {
    Map<String, Object> variables = FirstProcessPath.variables();
    variables.put("noticeNumber", notice);
    variables.put("itemRef", item);
    variables.put("coordinatingAgenciesText", "BKHCN");
    variables.put("deadlineDate", "2027-06-30");
    return variables;
  }

  /** A confirmed directive of the agency, its acknowledgement due on the day and raised to the priority. */
  private ProcessInstance confirmedFor(String agency, String due, int priority) {
    Map<String, Object> variables = variables("98/TB-VPCP", UUID.randomUUID().toString().substring(0, 8));
    variables.put("leadAgency", agency);
    variables.put("coordinatingAgenciesText", "");
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("directive", "TL/" + UUID.randomUUID(),
        variables);
    Task confirm = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    engine.getTaskService().complete(confirm.getId(), variables);
    Task acknowledge = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    // as the engine itself would (a reminder raises the priority): no user, so the guard does not apply
    acknowledge.setDueDate(date(due + "T23:59:59+07:00"));
    acknowledge.setPriority(priority);
    engine.getTaskService().saveTask(acknowledge);
    return instance;
  }

  private static List<String> instancesIn(HttpResponse<String> list, List<ProcessInstance> wanted) throws Exception {
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    List<String> ids = wanted.stream().map(ProcessInstance::getId).toList();
    JsonNode tasks = JSON.readTree(list.body()).path("_embedded").path("task");
    List<String> order = new java.util.ArrayList<>();
    tasks.forEach(task -> {
      if (ids.contains(task.path("processInstanceId").asText())) {
        order.add(task.path("processInstanceId").asText());
      }
    });
    return order;
  }

  private void confirm() {
    engine.getTaskService().complete(task("Task_ConfirmAssignment").getId(), variables("99/TB-VPCP", "1.a"));
  }

  private ObjectNode taskAsTasklistSendsIt(String id, String user) throws Exception {
    HttpResponse<String> got = Http.call(port, "GET", "/engine-rest/task/" + id, user, null, null);
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    ObjectNode task = (ObjectNode) JSON.readTree(got.body());
    task.remove(List.of("_links", "_embedded"));
    return task;
  }

  private static long count(WebappSession session, String path) throws Exception {
    HttpResponse<String> answer = session.send("GET", "/camunda/api/engine/engine/default" + path, null);
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).path("count").asLong();
  }

  private String filterId(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
  }

  private Task task(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(key)
        .listPage(0, 1).get(0);
  }

  private RecordSnapshot snapshot() {
    return RecordSnapshot.of(engine, directive.getId());
  }

  private static Date date(String offsetDateTime) {
    return Date.from(java.time.OffsetDateTime.parse(offsetDateTime).toInstant());
  }

  private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
    return Http.call(port, method, path, user, "application/json", json);
  }
}
