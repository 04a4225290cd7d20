package vn.directivetracker.access;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.support.Http;

/**
 * The attacker's view, on the real HTTP API: an officer of one agency must not see, read, claim,
 * complete or change another agency's work; a coordinator reads its directive only; a manager reads
 * everything and changes nothing; anonymous callers get 401. Run on H2 and PostgreSQL.
 */
abstract class AccessOverRestPaths {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  ProcessInstance bcaDirective;
  ProcessInstance bytDirective;

  @BeforeEach
  void twoDirectivesOfTwoMinistries() {
    // other cached test contexts register an engine too; REST must serve this one
    ProcessEngines.registerProcessEngine(engine);
    bcaDirective = startConfirmed("BCA", "Bộ Công an", "BKHCN");
    complete(bcaDirective, "Task_AcknowledgeDirective", Map.of("responsibleUnit", "Cục C06",
        "responsiblePerson", "Nguyễn Văn An", "plan", "Theo kế hoạch"));
    bytDirective = startConfirmed("BYT", "Bộ Y tế", "");
  }

  @Test
  void anOfficerListsOnlyTheTasksOfTheirAgency() throws Exception {
    HttpResponse<String> tasks = call("GET", "/engine-rest/task?maxResults=1000", "officer-bca", null);
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).contains(bcaDirective.getId()).doesNotContain(bytDirective.getId());
  }

  @Test
  void anOfficersOwnGroupQueryShowsOnlyItsTasksAndAnotherGroupsQueryNothing() throws Exception {
    // served without the authorization join (ShortcutAuthorizationManager): the rows are the group's by construction
    String own = call("GET", "/engine-rest/task?candidateGroup=BCA&includeAssignedTasks=true&maxResults=1000",
        "officer-bca", null).body();
    assertThat(own).contains(bcaDirective.getId()).doesNotContain(bytDirective.getId());
    assertThat(call("GET", "/engine-rest/task/count?candidateGroup=BCA", "officer-bca", null).body())
        .isEqualTo("{\"count\":" + engine.getTaskService().createTaskQuery().taskCandidateGroup("BCA").count() + "}");
    // a group the officer is not in keeps the engine's full check
    assertThat(call("GET", "/engine-rest/task?candidateGroup=BYT", "officer-bca", null).body()).isEqualTo("[]");
    assertThat(call("GET", "/engine-rest/task?candidateGroups=BCA,BYT&maxResults=1000", "officer-bca", null).body())
        .contains(bcaDirective.getId()).doesNotContain(bytDirective.getId());
    assertThat(call("GET", "/engine-rest/task?assignee=officer-byt", "officer-bca", null).body()).isEqualTo("[]");
  }

  @Test
  void anOfficerCannotReadClaimCompleteOrChangeAnotherAgencysTask() throws Exception {
    String other = task(bytDirective, "Task_AcknowledgeDirective").getId();
    assertDenied(call("GET", "/engine-rest/task/" + other, "officer-bca", null));
    assertDenied(call("POST", "/engine-rest/task/" + other + "/claim", "officer-bca", "{\"userId\": \"officer-bca\"}"));
    assertDenied(call("POST", "/engine-rest/task/" + other + "/complete", "officer-bca",
        "{\"variables\": {\"plan\": {\"value\": \"x\"}}}"));
    assertDenied(call("PUT", "/engine-rest/task/" + other + "/variables/plan", "officer-bca", "{\"value\": \"x\"}"));
    assertDenied(call("GET", "/engine-rest/task/" + other + "/variables", "officer-bca", null));

    Task unchanged = task(bytDirective, "Task_AcknowledgeDirective");
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(engine.getTaskService().getVariable(other, "plan")).isNull();
  }

  @Test
  void anOfficerCannotReadAnotherAgencysDirectiveOrItsHistory() throws Exception {
    String other = bytDirective.getId();
    assertDenied(call("GET", "/engine-rest/process-instance/" + other, "officer-bca", null));
    assertDenied(call("GET", "/engine-rest/process-instance/" + other + "/variables", "officer-bca", null));
    assertDenied(call("GET", "/engine-rest/history/process-instance/" + other, "officer-bca", null));
    assertThat(call("GET", "/engine-rest/process-instance?maxResults=1000", "officer-bca", null).body())
        .contains(bcaDirective.getId()).doesNotContain(other);
    assertThat(call("GET", "/engine-rest/history/variable-instance?processInstanceId=" + other, "officer-bca", null).body())
        .isEqualTo("[]");
    assertThat(call("GET", "/engine-rest/process-instance/" + bcaDirective.getId() + "/variables", "officer-bca", null)
        .statusCode()).isEqualTo(200);
  }

  @Test
  void anOfficerCannotStartProcessesMeantForOthersNorOpenCockpitOrAdmin() throws Exception {
    assertDenied(call("POST", "/engine-rest/process-definition/key/notice/start", "officer-bca", "{}"));
    assertDenied(call("POST", "/engine-rest/process-definition/key/directive/start", "officer-bca", "{}"));
    assertThat(login("cockpit", "officer-bca").statusCode()).isIn(401, 403);
    assertThat(login("admin", "officer-bca").statusCode()).isIn(401, 403);
    assertThat(login("tasklist", "officer-bca").statusCode()).isEqualTo(200);
  }

  @Test
  void aCoordinatorReadsTheDirectiveButCannotDoTheLeadsWork() throws Exception {
    assertThat(call("GET", "/engine-rest/process-instance/" + bcaDirective.getId(), "officer-bkhcn", null).statusCode())
        .isEqualTo(200);
    String report = task(bcaDirective, "Task_SubmitCompletionReport").getId();
    assertDenied(call("POST", "/engine-rest/task/" + report + "/complete", "officer-bkhcn",
        "{\"variables\": {\"resultSummary\": {\"value\": \"x\"}}}"));
    String contribution = task(bcaDirective, "Task_ContributeCoordination").getId();
    assertThat(call("POST", "/engine-rest/task/" + contribution + "/complete", "officer-bkhcn",
        "{\"variables\": {\"contribution\": {\"value\": \"Ý kiến của Bộ KH&CN\"}}}").statusCode()).isEqualTo(204);
  }

  @Test
  void aManagerReadsEverythingAndChangesNothing() throws Exception {
    assertThat(call("GET", "/engine-rest/process-instance?processDefinitionKey=directive&maxResults=1000", "manager", null)
        .body()).contains(bcaDirective.getId(), bytDirective.getId());
    assertThat(call("GET", "/engine-rest/history/process-instance/" + bytDirective.getId(), "manager", null).statusCode())
        .isEqualTo(200);
    assertThat(login("cockpit", "manager").statusCode()).isEqualTo(200);
    String task = task(bytDirective, "Task_AcknowledgeDirective").getId();
    assertDenied(call("POST", "/engine-rest/task/" + task + "/complete", "manager", "{}"));
    assertDenied(call("POST", "/engine-rest/task/" + task + "/claim", "manager", "{\"userId\": \"manager\"}"));
    assertDenied(call("PUT", "/engine-rest/process-instance/" + bytDirective.getId() + "/variables/status", "manager",
        "{\"value\": \"COMPLETED_ON_TIME\"}"));
    assertDenied(call("POST", "/engine-rest/process-instance/" + bytDirective.getId() + "/modification", "manager",
        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Task_AcknowledgeDirective\"}]}"));
    assertDenied(call("DELETE", "/engine-rest/process-instance/" + bytDirective.getId(), "manager", null));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(bytDirective.getId()).count())
        .isOne();
  }

  @Test
  void theStandingOfficeReadsItsDirectivesAndReassignsTheirTasksButNoOtherOfficeDoes() throws Exception {
    assertThat(call("GET", "/engine-rest/process-instance/" + bytDirective.getId(), "reviewer-vpcp", null).statusCode())
        .isEqualTo(200);
    String task = task(bytDirective, "Task_AcknowledgeDirective").getId();
    assertThat(call("POST", "/engine-rest/task/" + task + "/assignee", "reviewer-vpcp", "{\"userId\": \"officer-byt\"}")
        .statusCode()).isEqualTo(204);
    assertThat(task(bytDirective, "Task_AcknowledgeDirective").getAssignee()).isEqualTo("officer-byt");
    // the Party's standing office has nothing to do with a Government notice
    assertDenied(call("GET", "/engine-rest/process-instance/" + bytDirective.getId(), "reviewer-vptwd", null));
    assertDenied(call("POST", "/engine-rest/task/" + task + "/assignee", "reviewer-vptwd", "{\"userId\": \"reviewer-vptwd\"}"));
  }

  @Test
  void anOfficerWorksTheirOwnTaskThroughTheApi() throws Exception {
    String task = task(bytDirective, "Task_AcknowledgeDirective").getId();
    assertThat(call("POST", "/engine-rest/task/" + task + "/claim", "officer-byt", "{\"userId\": \"officer-byt\"}")
        .statusCode()).isEqualTo(204);
    assertThat(call("POST", "/engine-rest/task/" + task + "/complete", "officer-byt", """
        {"variables": {"responsibleUnit": {"value": "Cục Công nghệ thông tin"},
                       "responsiblePerson": {"value": "Lê Văn C"}, "plan": {"value": "Trong quý"}}}""")
        .statusCode()).isEqualTo(204);
    // TASK_WORK, not reassignment: an officer cannot hand the next task to someone else
    String next = task(bytDirective, "Task_SubmitCompletionReport").getId();
    assertDenied(call("POST", "/engine-rest/task/" + next + "/assignee", "officer-byt", "{\"userId\": \"officer-bca\"}"));
  }

  @Test
  void theAdministratorOpensEveryAppAndSeesEverything() throws Exception {
    for (String app : new String[] {"admin", "cockpit", "tasklist"}) {
      assertThat(login(app, "admin").statusCode()).as(app).isEqualTo(200);
    }
    assertThat(call("GET", "/engine-rest/process-instance?processDefinitionKey=directive&maxResults=1000", "admin", null)
        .body()).contains(bcaDirective.getId(), bytDirective.getId());
    assertThat(call("GET", "/engine-rest/authorization/count", "admin", null).body()).doesNotContain("\"count\":0");
  }

  @Test
  void anonymousCallersGet401EverywhereButHealth() throws Exception {
    assertThat(call("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/process-instance/" + bcaDirective.getId(), null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/user", null, null).statusCode()).isEqualTo(401);
    assertThat(call("POST", "/api/notices", null, "{}").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void accessFollowsTheCoordinatorsWhenTheAssignmentChangesThem() throws Exception {
    ProcessInstance directive = start("BCA", "Bộ Công an", "BKHCN");
    assertThat(call("GET", "/engine-rest/process-instance/" + directive.getId(), "officer-bkhcn", null).statusCode())
        .isEqualTo(200);
    assertDenied(call("GET", "/engine-rest/process-instance/" + directive.getId(), "officer-btc", null));

    Map<String, Object> confirmed = variables("BCA", "Bộ Công an", "BTC");
    complete(directive, "Task_ConfirmAssignment", confirmed);

    assertDenied(call("GET", "/engine-rest/process-instance/" + directive.getId(), "officer-bkhcn", null));
    assertThat(call("GET", "/engine-rest/process-instance/" + directive.getId(), "officer-btc", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aReportingMinistrySeesAndWorksOnlyItsOwnReviewReport() throws Exception {
    // as the timer does: the engine starts it, no user
    ProcessInstance review = engine.getRuntimeService().startProcessInstanceByKey("reviewCycle");
    String bkhcn = reviewReport(review, "BKHCN");
    String bca = reviewReport(review, "BCA");

    String listed = call("GET", "/engine-rest/task?processInstanceId=" + review.getId(), "officer-bkhcn", null).body();
    assertThat(listed).contains(bkhcn).doesNotContain(bca);
    assertThat(call("GET", "/engine-rest/task?processInstanceId=" + review.getId(), "officer-byt", null).body())
        .isEqualTo("[]");
    assertDenied(call("GET", "/engine-rest/task/" + bca, "officer-bkhcn", null));
    assertDenied(call("POST", "/engine-rest/task/" + bca + "/complete", "officer-bkhcn",
        "{\"variables\": {\"reviewReportText\": {\"value\": \"x\"}}}"));
    // Tasklist shows the process name and the form's read-only status summary
    assertThat(call("GET", "/engine-rest/process-definition/key/reviewCycle", "officer-bkhcn", null).body())
        .contains("Rà soát định kỳ");
    assertThat(call("GET", "/engine-rest/task/" + bkhcn + "/form-variables", "officer-bkhcn", null).body())
        .contains("statusSummary", "Tình hình đến");
    // the form's Excel link opens for the ministry's officer
    String xlsx = (String) engine.getRuntimeService().getVariable(review.getId(), "statusReportXlsxUrl");
    assertThat(call("GET", xlsx, "officer-bkhcn", null).statusCode()).isEqualTo(200);

    HttpResponse<String> empty = call("POST", "/engine-rest/task/" + bkhcn + "/submit-form", "officer-bkhcn",
        "{\"variables\": {\"reviewReportText\": {\"value\": \" \"}}}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("thiếu \\\"Nội dung báo cáo\\\"");
    assertThat(call("POST", "/engine-rest/task/" + bkhcn + "/submit-form", "officer-bkhcn",
        "{\"variables\": {\"reviewReportText\": {\"value\": \"Báo cáo của Bộ KH&CN\"}}}").statusCode()).isEqualTo(204);
  }

  @Test
  void nobodyStartsTheReviewCycleByHand() throws Exception {
    for (String user : new String[] {"officer-bkhcn", "reviewer-vpcp", "manager"}) {
      assertDenied(call("POST", "/engine-rest/process-definition/key/reviewCycle/start", user, "{}"));
    }
    String startable = call("GET", "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true"
        + "&startablePermissionCheck=true", "reviewer-vpcp", null).body();
    assertThat(startable).contains("\"key\":\"notice\"").doesNotContain("reviewCycle");
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance startConfirmed(String lead, String leadName, String coordinators) {
    ProcessInstance directive = start(lead, leadName, coordinators);
    complete(directive, "Task_ConfirmAssignment", variables(lead, leadName, coordinators));
    return directive;
  }

  private ProcessInstance start(String lead, String leadName, String coordinators) {
    return engine.getRuntimeService().startProcessInstanceByKey("directive",
        "ACCESS/" + lead + "/" + UUID.randomUUID(), variables(lead, leadName, coordinators));
  }

  private static Map<String, Object> variables(String lead, String leadName, String coordinators) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("noticeNumber", "99/TB-VPCP");
    variables.put("itemRef", "1.a");
    variables.put("directiveText", "Nhiệm vụ thử quyền truy cập");
    variables.put("leadAgency", lead);
    variables.put("leadAgencyName", leadName);
    variables.put("coordinatingAgenciesText", coordinators);
    variables.put("standingOffice", "VPCP");
    variables.put("deadlineKind", "DATE");
    variables.put("deadlineDate", "2027-06-30");
    variables.put("deadlinePhrase", "Trước ngày 30/6/2027");
    variables.put("keyTask", false);
    return variables;
  }

  private void complete(ProcessInstance directive, String taskKey, Map<String, Object> values) {
    engine.getTaskService().complete(task(directive, taskKey).getId(), values);
  }

  private String reviewReport(ProcessInstance review, String agency) {
    return engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey("Task_SubmitReviewReport").taskCandidateGroup(agency).singleResult().getId();
  }

  private Task task(ProcessInstance directive, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(key)
        .listPage(0, 1).get(0);
  }

  private static void assertDenied(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
  }

  private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
    return Http.call(port, method, path, user, "application/json", json);
  }

  /** The webapps' own login, as the browser does it: fetch the CSRF cookie, then post the form with it. */
  private HttpResponse<String> login(String app, String user) throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).findFirst().orElse("");
    String form = "username=" + URLEncoder.encode(user, UTF_8) + "&password=demo";
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(form, UTF_8)).build();
    return browser.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
  }
}
