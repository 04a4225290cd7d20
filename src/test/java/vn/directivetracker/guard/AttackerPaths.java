package vn.directivetracker.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.support.FirstProcessPath;
import vn.directivetracker.support.Http;
import vn.directivetracker.support.NoticeJobs;
import vn.directivetracker.support.RecordSnapshot;

/**
 * The attacker's suite (issue "the record cannot be forged"): every attempt is made over real HTTP
 * with the demo logins, and each test asserts the outcome, not only the status: the directive's
 * variables, tasks, jobs, comments and the notice register read back unchanged. Run on H2 and
 * PostgreSQL.
 */
abstract class AttackerPaths {

  private static final AtomicInteger NUMBERS = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  /** A directive of BCA (coordinator BKHCN, standing office VPCP), confirmed, waiting for BCA's acknowledgement. */
  ProcessInstance directive;

  @BeforeEach
  void aConfirmedDirective() {
    ProcessEngines.registerProcessEngine(engine);
    directive = engine.getRuntimeService().startProcessInstanceByKey("directive", "ATTACK/" + UUID.randomUUID(),
        variables());
    complete("Task_ConfirmAssignment", variables());
  }

  // ------------------------------------------------------------------ notices: who may register, who may correct

  @Test
  void anOfficerCannotRegisterANoticeNamingItsOwnAgency() throws Exception {
    String number = number();
    long before = count("select count(*) from dt_notice");
    HttpResponse<String> own = post(notice(number, "BTC", "BTC", "2027-06-30"), "officer-btc");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
    assertThat(own.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(post(notice(number, "VPCP", "VPCP", "2027-06-30"), "officer-btc").statusCode()).isEqualTo(403);
    assertThat(count("select count(*) from dt_notice")).isEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    // and so it does not become a standing office that sees every agency's report
    assertThat(Http.call(port, "GET", "/api/reports/viewer", "officer-btc", null, null).body())
        .contains("\"seesAll\":false");
  }

  @Test
  void anotherStandingOfficeCannotRegisterAGovernmentNotice() throws Exception {
    String number = number();
    assertThat(post(notice(number, "VPCP", "VPCP", "2027-06-30"), "reviewer-vptwd").statusCode()).isEqualTo(403);
    HttpResponse<String> wrongOffice = post(notice(number, "VPCP", "VPTWD", "2027-06-30"), "reviewer-vptwd");
    assertThat(wrongOffice.statusCode()).isEqualTo(400);
    assertThat(wrongOffice.body()).contains("\"field\":\"standingOffice\"", "tracked by VPCP");
    assertThat(count("select count(*) from dt_notice where number = ?", number)).isZero();
  }

  @Test
  void onlyTheOfficeThatRegisteredANoticeMayCorrectIt() throws Exception {
    String number = number();
    assertThat(post(notice(number, "VPCP", "VPCP", "2027-06-30"), "reviewer-vpcp").statusCode()).isEqualTo(201);
    List<Map<String, Object>> register = noticeRows(number);

    // the attack: only item 1.a, one's own code as standing office, a later deadline
    String forged = notice(number, "VPCP", "BTC", "2030-12-31");
    assertThat(post(forged, "officer-btc").statusCode()).isEqualTo(403);
    assertThat(post(notice(number, "VPCP", "VPCP", "2030-12-31"), "reviewer-vptwd").statusCode()).isEqualTo(403);
    HttpResponse<String> moved = post(notice(number, "VPCP", "VPTWD", "2030-12-31"), "reviewer-vpcp");
    assertThat(moved.statusCode()).isEqualTo(400);
    assertThat(moved.body()).contains("\"field\":\"standingOffice\"", "cannot change its standing office");
    HttpResponse<String> reissued = post(notice(number, "BCDTW", "VPCP", "2030-12-31"), "reviewer-vpcp");
    assertThat(reissued.statusCode()).isEqualTo(400);
    assertThat(reissued.body()).contains("\"field\":\"issuer\"");
    assertThat(noticeRows(number)).isEqualTo(register);

    // the office itself corrects it
    HttpResponse<String> corrected = post(notice(number, "VPCP", "VPCP", "2027-09-30"), "reviewer-vpcp");
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.body()).contains("\"status\":\"corrected\"");
  }

  @Test
  void aNumberTypedInDecomposedUnicodeIsTheSameNotice() throws Exception {
    String composed = "HÀ-" + NUMBERS.incrementAndGet() + "/TB-VPCP";
    String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(composed);
    assertThat(post(notice(composed, "VPCP", "VPCP", "2027-06-30"), "reviewer-vpcp").statusCode()).isEqualTo(201);
    String again = Normalizer.normalize(notice(decomposed, "VPCP", "VPCP", "2027-06-30"), Normalizer.Form.NFD);
    HttpResponse<String> second = post(again, "reviewer-vpcp");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(second.body()).contains("\"status\":\"unchanged\"").doesNotContain("corrected");
    assertThat(count("select count(*) from dt_notice where number like ?", "H%-" + composed.substring(3))).isOne();
    assertThat(count("select count(*) from dt_notice_item where notice_number = ?", composed)).isOne();
  }

  @Test
  void twoIdenticalImportsAtTheSameMomentCreateOneNotice() throws Exception {
    String number = number();
    String notice = notice(number, "VPCP", "VPCP", "2027-06-30");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<HttpResponse<String>> importIt = () -> post(notice, "reviewer-vpcp");
      Future<HttpResponse<String>> first = pool.submit(importIt);
      Future<HttpResponse<String>> second = pool.submit(importIt);
      List<Integer> statuses = new ArrayList<>(List.of(first.get().statusCode(), second.get().statusCode()));
      statuses.sort(null);
      assertThat(statuses).as(first.get().body() + "\n" + second.get().body()).containsExactly(200, 201);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("select count(*) from dt_notice where number = ?", number)).isOne();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice")
        .processInstanceBusinessKey(number).count()).isOne();
  }

  // ------------------------------------------------------------------ task completion writes only the form

  @Test
  void theLeadCannotMakeItselfTheStandingOfficeWhenAcknowledging() throws Exception {
    RecordSnapshot before = snapshot();
    for (String endpoint : new String[] {"complete", "submit-form", "resolve"}) {
      HttpResponse<String> attempt = call("POST", "/engine-rest/task/" + taskId("Task_AcknowledgeDirective") + "/"
          + endpoint, "officer-bca", acknowledgement("\"standingOffice\": {\"value\": \"BCA\"}"));
      assertThat(attempt.statusCode()).as(endpoint).isEqualTo(400);
      assertThat(attempt.body()).contains("standingOffice", "không được ghi");
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void theLeadCannotMoveItsOwnDeadline() throws Exception {
    RecordSnapshot before = snapshot();
    HttpResponse<String> attempt = call("POST", "/engine-rest/task/" + taskId("Task_AcknowledgeDirective") + "/complete",
        "officer-bca", acknowledgement("\"deadlineDate\": {\"value\": \"2099-12-31\"}, \"deadline\": {\"value\":"
            + " \"2099-12-31T23:59:59.000+0700\", \"type\": \"Date\"}"));
    assertThat(attempt.statusCode()).isEqualTo(400);
    assertThat(attempt.body()).contains("deadline, deadlineDate");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void theLeadCannotEndItsTaskWithAnErrorOrEscalation() throws Exception {
    RecordSnapshot before = snapshot();
    String task = taskId("Task_AcknowledgeDirective");
    assertRefused(call("POST", "/engine-rest/task/" + task + "/bpmnError", "officer-bca",
        "{\"errorCode\": \"DONE\", \"variables\": {\"status\": {\"value\": \"COMPLETED_ON_TIME\"}}}"), "officer-bca");
    assertRefused(call("POST", "/engine-rest/task/" + task + "/bpmnEscalation", "officer-bca",
        "{\"escalationCode\": \"DONE\", \"variables\": {\"status\": {\"value\": \"COMPLETED_ON_TIME\"}}}"),
        "officer-bca");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aCoordinatorCannotForgeTheCoordinationLog() throws Exception {
    complete("Task_AcknowledgeDirective", Map.of("responsibleUnit", "Cục C06", "responsiblePerson", "Nguyễn Văn An",
        "plan", "Theo kế hoạch"));
    RecordSnapshot before = snapshot();
    HttpResponse<String> attempt = call("POST", "/engine-rest/task/" + taskId("Task_ContributeCoordination")
        + "/complete", "officer-bkhcn", """
        {"variables": {"contribution": {"value": "Ý kiến"},
                       "coordinationLog": {"value": "[01/01/2026 08:00] Bộ Tài chính: đồng ý"}}}""");
    assertThat(attempt.statusCode()).isEqualTo(400);
    assertThat(attempt.body()).contains("coordinationLog");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void valuesTheFormCannotHoldAreRefusedNamingTheField() throws Exception {
    RecordSnapshot before = snapshot();
    String task = taskId("Task_AcknowledgeDirective");
    HttpResponse<String> tooLong = call("POST", "/engine-rest/task/" + task + "/complete", "officer-bca", """
        {"variables": {"responsibleUnit": {"value": "%s"}, "responsiblePerson": {"value": "A"}, "plan": {"value": "B"}}}"""
        .formatted("x".repeat(5000)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("responsibleUnit", "5000 ký tự");
    HttpResponse<String> serialized = call("POST", "/engine-rest/task/" + task + "/complete", "officer-bca", """
        {"variables": {"plan": {"value": "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "type": "Object",
          "valueInfo": {"objectTypeName": "java.util.HashMap",
                        "serializationDataFormat": "application/x-java-serialized-object"}}}}""");
    assertThat(serialized.statusCode()).isEqualTo(400);
    assertThat(serialized.body()).contains("plan").doesNotContain("java.util", "Exception:");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aConfirmationWithAnImpossibleDateOrKindIsRefused() throws Exception {
    ProcessInstance fresh = engine.getRuntimeService().startProcessInstanceByKey("directive",
        "ATTACK/" + UUID.randomUUID(), variables());
    String confirm = engine.getTaskService().createTaskQuery().processInstanceId(fresh.getId()).singleResult().getId();
    RecordSnapshot before = RecordSnapshot.of(engine, fresh.getId());
    for (String date : new String[] {"garbage", "2026-02-30", "1900-01-01", "9999-12-31"}) {
      HttpResponse<String> attempt = call("POST", "/engine-rest/task/" + confirm + "/complete", "reviewer-vpcp",
          "{\"variables\": {\"leadAgency\": {\"value\": \"BCA\"}, \"deadlineDate\": {\"value\": \"" + date + "\"}}}");
      assertThat(attempt.statusCode()).as(date).isEqualTo(400);
      assertThat(attempt.body()).as(date).contains("deadlineDate").doesNotContain("vn.directivetracker", "Exception:");
    }
    HttpResponse<String> bogus = call("POST", "/engine-rest/task/" + confirm + "/complete", "reviewer-vpcp",
        "{\"variables\": {\"deadlineKind\": {\"value\": \"BOGUS\"}}}");
    assertThat(bogus.statusCode()).isEqualTo(400);
    assertThat(bogus.body()).contains("deadlineKind", "chỉ để xem").doesNotContain("DeadlineKind");
    assertThat(RecordSnapshot.of(engine, fresh.getId())).isEqualTo(before);
  }

  // ------------------------------------------------------------------ no direct variable writes

  @Test
  void nobodyWritesADirectivesVariablesDirectly() throws Exception {
    RecordSnapshot before = snapshot();
    String task = taskId("Task_AcknowledgeDirective");
    String instance = directive.getId();
    for (String user : new String[] {"officer-bca", "reviewer-vpcp", "manager", "admin"}) {
      assertRefused(call("PUT", "/engine-rest/process-instance/" + instance + "/variables/deadlineDate", user,
          "{\"value\": \"2099-12-31\"}"), user);
      assertRefused(call("POST", "/engine-rest/process-instance/" + instance + "/variables", user,
          "{\"modifications\": {\"status\": {\"value\": \"COMPLETED_ON_TIME\"}}}"), user);
      assertRefused(call("DELETE", "/engine-rest/process-instance/" + instance + "/variables/deadline", user, null), user);
      assertRefused(call("PUT", "/engine-rest/task/" + task + "/variables/standingOffice", user,
          "{\"value\": \"BCA\"}"), user);
      assertRefused(call("PUT", "/engine-rest/task/" + task + "/localVariables/plan", user, "{\"value\": \"x\"}"), user);
      assertRefused(call("PUT", "/engine-rest/execution/" + instance + "/localVariables/leadAgency", user,
          "{\"value\": \"BTC\"}"), user);
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aProcessStartsOnlyWithItsStartFormsFields() throws Exception {
    long notices = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice").count();
    long directives = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive").count();
    // itemsImported would skip drafting and fan out the items of a notice registered by someone else
    HttpResponse<String> forged = call("POST", "/engine-rest/process-definition/key/notice/start", "reviewer-vpcp", """
        {"variables": {"noticeNumber": {"value": "315/TB-VPCP"}, "standingOffice": {"value": "VPCP"},
                       "itemsImported": {"value": true}}}""");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("itemsImported");
    HttpResponse<String> viaForm = call("POST", "/engine-rest/process-definition/key/notice/submit-form",
        "reviewer-vpcp", "{\"variables\": {\"itemsImported\": {\"value\": true}}}");
    assertThat(viaForm.statusCode()).isEqualTo(400);
    for (String user : new String[] {"reviewer-vpcp", "admin"}) {
      assertRefused(call("POST", "/engine-rest/process-definition/key/directive/start", user,
          "{\"businessKey\": \"FORGED/1.a/BTC\", \"variables\": {\"leadAgency\": {\"value\": \"BTC\"}}}"), user);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice").count())
        .isEqualTo(notices);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive").count())
        .isEqualTo(directives);
  }

  @Test
  void aNoticeStartedByHandMustBeTheOfficesOwnAndCarryAPlainNumber() throws Exception {
    long notices = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice").count();
    HttpResponse<String> otherOffice = startByHand("reviewer-vptwd", "51/TB-VPCP", "VPCP", "VPCP");
    assertThat(otherOffice.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongOffice = startByHand("reviewer-vpcp", "52/TB-VPCP", "VPCP", "BKHCN");
    assertThat(wrongOffice.statusCode()).isEqualTo(400);
    assertThat(wrongOffice.body()).contains("do VPCP theo dõi");
    HttpResponse<String> markdown = startByHand("reviewer-vpcp", "[Bấm vào đây](http://evil.example)", "VPCP", "VPCP");
    assertThat(markdown.statusCode()).isEqualTo(400);
    assertThat(markdown.body()).contains("Số thông báo");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice").count())
        .isEqualTo(notices);
    assertThat(startByHand("reviewer-vpcp", "53/TB-VPCP", "vpcp", "vpcp").statusCode()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ jobs, comments, attachments, task details

  @Test
  void readOnlyUsersCannotRunOrStopTimers() throws Exception {
    complete("Task_AcknowledgeDirective", Map.of("responsibleUnit", "Cục C06", "responsiblePerson", "Nguyễn Văn An",
        "plan", "Theo kế hoạch"));
    RecordSnapshot before = snapshot();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(directive.getId()).timers()
        .listPage(0, 1).get(0);
    for (String user : new String[] {"manager", "officer-bkhcn", "officer-bca", "reviewer-vpcp"}) {
      for (int attempt = 0; attempt < 4; attempt++) {
        assertRefused(call("POST", "/engine-rest/job/" + timer.getId() + "/execute", user, null), user);
      }
      assertRefused(call("PUT", "/engine-rest/job/" + timer.getId() + "/retries", user, "{\"retries\": 0}"), user);
      assertRefused(call("PUT", "/engine-rest/job/" + timer.getId() + "/duedate", user,
          "{\"duedate\": \"2099-01-01T00:00:00.000+0700\"}"), user);
      assertRefused(call("PUT", "/engine-rest/job/" + timer.getId() + "/suspended", user, "{\"suspended\": true}"), user);
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThat(engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult().getRetries())
        .isEqualTo(timer.getRetries());
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(directive.getId()).count()).isZero();
  }

  @Test
  void managersAndOtherAgenciesCannotCommentOrAttachButTheLeadCommentsOnItsTask() throws Exception {
    String task = taskId("Task_AcknowledgeDirective");
    RecordSnapshot before = snapshot();
    for (String user : new String[] {"manager", "reviewer-vpcp", "officer-bkhcn"}) {
      assertRefused(call("POST", "/engine-rest/task/" + task + "/comment/create", user,
          "{\"message\": \"Đã xử lý xong\"}"), user);
      assertRefused(Http.call(port, "POST", "/engine-rest/task/" + task + "/attachment/create", user,
          "multipart/form-data; boundary=XX", """
          --XX\r
          Content-Disposition: form-data; name="attachment-name"\r
          \r
          bien-ban.pdf\r
          --XX\r
          Content-Disposition: form-data; name="url"\r
          \r
          http://evil.example/bien-ban.pdf\r
          --XX--\r
          """), user);
    }
    assertThat(snapshot()).isEqualTo(before);

    HttpResponse<String> own = call("POST", "/engine-rest/task/" + task + "/comment/create", "officer-bca",
        "{\"message\": \"Đang dự thảo kế hoạch\"}");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(engine.getTaskService().getTaskComments(task)).extracting(c -> c.getFullMessage())
        .contains("Đang dự thảo kế hoạch");
    // once written, a comment is part of the record
    String comment = engine.getTaskService().getTaskComments(task).get(0).getId();
    assertRefused(call("DELETE", "/engine-rest/task/" + task + "/comment/" + comment, "officer-bca", null), "officer-bca");
  }

  @Test
  void aTaskOfAProcessIsNeverDeletedNorRedatedByHand() throws Exception {
    RecordSnapshot before = snapshot();
    String task = taskId("Task_AcknowledgeDirective");
    for (String user : new String[] {"officer-bca", "reviewer-vpcp", "manager", "admin"}) {
      assertRefused(call("DELETE", "/engine-rest/task/" + task, user, null), user);
    }
    String name = engine.getTaskService().createTaskQuery().taskId(task).singleResult().getName();
    HttpResponse<String> redated = call("PUT", "/engine-rest/task/" + task, "reviewer-vpcp",
        "{\"name\": \"" + name + "\", \"due\": \"2099-12-31T23:59:59.000+0700\", \"priority\": 1}");
    assertRefused(redated, "reviewer-vpcp");
    assertThat(redated.body()).contains("mức ưu tiên (priority), hạn xử lý (due)");
    // another agency made a candidate could work on the lead's task
    assertRefused(call("POST", "/engine-rest/task/" + task + "/identity-links", "reviewer-vpcp",
        "{\"groupId\": \"BTC\", \"type\": \"candidate\"}"), "reviewer-vpcp");
    assertThat(snapshot()).isEqualTo(before);
    // reassigning stays the office's
    assertThat(call("POST", "/engine-rest/task/" + task + "/assignee", "reviewer-vpcp",
        "{\"userId\": \"officer-bca\"}").statusCode()).isEqualTo(204);
  }

  // ------------------------------------------------------------------ bad input: a clear 4xx, nothing written

  @Test
  void noticeFieldsLongerThanTheDatabaseHoldsAreRefusedByName() throws Exception {
    long before = count("select count(*) from dt_notice");
    HttpResponse<String> text = post(notice(number(), "VPCP", "VPCP", "2027-06-30")
        .replace("Bộ Công an xây dựng nền tảng dữ liệu dùng chung.", "a".repeat(20_001)), "reviewer-vpcp");
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.body()).contains("\"field\":\"text\"", "at most 4000");
    HttpResponse<String> title = post(notice(number(), "VPCP", "VPCP", "2027-06-30")
        .replace("Kết luận về chuyển đổi số", "t".repeat(5_000)), "reviewer-vpcp");
    assertThat(title.statusCode()).isEqualTo(400);
    assertThat(title.body()).contains("\"field\":\"title\"");
    HttpResponse<String> longNumber = post(notice("9".repeat(101), "VPCP", "VPCP", "2027-06-30"), "reviewer-vpcp");
    assertThat(longNumber.statusCode()).isEqualTo(400);
    assertThat(longNumber.body()).contains("\"field\":\"number\"", "at most 100");
    HttpResponse<String> markdown = post(notice("[x](http://evil.example)", "VPCP", "VPCP", "2027-06-30"),
        "reviewer-vpcp");
    assertThat(markdown.statusCode()).isEqualTo(400);
    assertThat(markdown.body()).contains("\"field\":\"number\"");
    assertThat(count("select count(*) from dt_notice")).isEqualTo(before);

    // the longest text the database holds is taken, and its directive starts
    String number = number();
    HttpResponse<String> longest = post(notice(number, "VPCP", "VPCP", "2027-06-30")
        .replace("Bộ Công an xây dựng nền tảng dữ liệu dùng chung.", "đ".repeat(4_000)), "reviewer-vpcp");
    assertThat(longest.statusCode()).as(longest.body()).isEqualTo(201);
    NoticeJobs.run(engine, engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice")
        .processInstanceBusinessKey(number).singleResult());
    ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number + "/1.a/BCA").singleResult();
    assertThat(engine.getRuntimeService().getVariable(started.getId(), "directiveText")).isEqualTo("đ".repeat(4_000));
  }

  @Test
  void datesOutsideTheCalendarAreRefusedAtTheDoor() throws Exception {
    long before = count("select count(*) from dt_notice");
    for (String date : new String[] {"1900-01-01", "2200-01-01", "9999-12-31"}) {
      HttpResponse<String> response = post(notice(number(), "VPCP", "VPCP", date), "reviewer-vpcp");
      assertThat(response.statusCode()).as(date).isEqualTo(400);
      assertThat(response.body()).as(date).contains("\"field\":\"deadline.date\"", "1901–2198");
    }
    assertThat(count("select count(*) from dt_notice")).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNoNoticeGetsA400NotA403() throws Exception {
    for (String body : new String[] {"", "null", "[]", "42", "\"a notice\""}) {
      HttpResponse<String> response = Http.call(port, "POST", "/api/notices", "reviewer-vpcp", "application/json", body);
      assertThat(response.statusCode()).as("body <%s>", body).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }

  @Test
  void aNoticeDocumentThatIsHugeDeepOrMalformedIsRefusedWithoutClassNames() throws Exception {
    long before = count("select count(*) from dt_notice");
    String hugeJson = "{\"number\": \"1/TB-VPCP\", \"title\": \"" + "x".repeat(1_100_000) + "\"}";
    String hugeYaml = "number: 1/TB-VPCP\ntitle: " + "x".repeat(1_100_000) + "\n";
    String deep = "{\"items\": " + "[".repeat(30) + "]".repeat(30) + "}";
    String aliases = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
    String malformed = "number: 1/TB-VPCP\nitems:\n  - ref: 1.a\n   text: [unclosed\n";
    Map<String, String[]> bodies = Map.of("huge JSON", new String[] {"application/json", hugeJson},
        "huge YAML", new String[] {"application/yaml", hugeYaml}, "deep", new String[] {"application/json", deep},
        "aliases", new String[] {"application/yaml", aliases}, "malformed", new String[] {"application/yaml", malformed});
    for (Map.Entry<String, String[]> body : bodies.entrySet()) {
      HttpResponse<String> response = Http.call(port, "POST", "/api/notices", "reviewer-vpcp", body.getValue()[0],
          body.getValue()[1]);
      assertThat(response.statusCode()).as(body.getKey() + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).as(body.getKey()).doesNotContain("org.", "java.", "snakeyaml", "Exception");
    }
    // a caller who may register no notice at all is refused before the body is read
    HttpResponse<String> officer = Http.call(port, "POST", "/api/notices", "officer-btc", "application/yaml", hugeYaml);
    assertThat(officer.statusCode()).isEqualTo(403);
    assertThat(count("select count(*) from dt_notice")).isEqualTo(before);
  }

  @Test
  void aLongHistoryOfMonthlyReportsStaysWithinTheColumn() throws Exception {
    complete("Task_AcknowledgeDirective", Map.of("responsibleUnit", "Cục C06", "responsiblePerson", "Nguyễn Văn An",
        "plan", "Theo kế hoạch"));
    String reportLine = "Tiến độ tháng: " + "đã triển khai các bước theo kế hoạch. ".repeat(25);
    for (int month = 1; month <= 8; month++) {
      // the month's report window opens, as its timer does on the 15th
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
          .processInstanceId(directive.getId()).activityId("StartEvent_MonthlyReportDue").singleResult().getId());
      String task = taskId("Task_SubmitMonthlyReport");
      HttpResponse<String> report = call("POST", "/engine-rest/task/" + task + "/submit-form", "officer-bca",
          "{\"variables\": {\"progressSummary\": {\"value\": \"" + month + ". " + reportLine + "\"}}}");
      assertThat(report.statusCode()).as("month %d: %s", month, report.body()).isEqualTo(204);
    }
    String log = (String) engine.getRuntimeService().getVariable(directive.getId(), "monthlyReportLog");
    assertThat(log.length()).isLessThanOrEqualTo(4000);
    assertThat(log).contains("8. Tiến độ tháng", "dòng cũ hơn xem trong lịch sử");
    assertThat(engine.getRuntimeService().getVariable(directive.getId(), "monthlyReportCount")).isEqualTo(8);
  }

  // ------------------------------------------------------------------ helpers

  private static String number() {
    return "A" + NUMBERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6) + "/TB-VPCP";
  }

  private static String notice(String number, String issuer, String office, String date) {
    return """
        {"number": "%s", "issuer": "%s", "standingOffice": "%s", "title": "Kết luận về chuyển đổi số",
         "issuedOn": "2026-11-20",
         "items": [{"ref": "1.a", "text": "Bộ Công an xây dựng nền tảng dữ liệu dùng chung.", "lead": "BCA",
                    "deadline": {"kind": "DATE", "date": "%s", "phrase": "Hoàn thành trước hạn"}}]}"""
        .formatted(number, issuer, office, date);
  }

  private HttpResponse<String> post(String json, String user) throws Exception {
    return Http.call(port, "POST", "/api/notices", user, "application/json", json);
  }

  private HttpResponse<String> startByHand(String user, String number, String issuer, String office) throws Exception {
    return call("POST", "/engine-rest/process-definition/key/notice/submit-form", user, """
        {"variables": {"noticeNumber": {"value": "%s"}, "noticeTitle": {"value": "Thông báo nhập tay"},
                       "issuer": {"value": "%s"}, "standingOffice": {"value": "%s"},
                       "issuedOn": {"value": "2026-11-20"}}}""".formatted(number, issuer, office));
  }

  private List<Map<String, Object>> noticeRows(String number) {
    List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("select * from dt_notice where number = ?", number));
    rows.addAll(jdbc.queryForList("select * from dt_notice_item where notice_number = ? order by ref, revision", number));
    return rows;
  }

  private static String acknowledgement(String extra) {
    return """
        {"variables": {"responsibleUnit": {"value": "Cục C06"}, "responsiblePerson": {"value": "Nguyễn Văn An"},
                       "plan": {"value": "Theo kế hoạch"}, %s}}""".formatted(extra);
  }

  /** A BCA directive of the shortest path, with a coordinator and a fixed deadline. */
  private static Map<String, Object> variables() {
    Map<String, Object> variables = FirstProcessPath.variables();
    variables.put("noticeNumber", "99/TB-VPCP");
    variables.put("itemRef", "1.a");
    variables.put("coordinatingAgenciesText", "BKHCN");
    variables.put("deadlineDate", "2027-06-30");
    return variables;
  }

  private void complete(String taskKey, Map<String, Object> values) {
    engine.getTaskService().complete(taskId(taskKey), values);
  }

  private String taskId(String key) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(key)
        .listPage(0, 1).get(0);
    return task.getId();
  }

  private RecordSnapshot snapshot() {
    return RecordSnapshot.of(engine, directive.getId());
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
    return Http.call(port, method, path, user, "application/json", json);
  }

  private static void assertRefused(HttpResponse<String> response, String user) {
    assertThat(response.statusCode()).as(user + ": " + response.body()).isIn(400, 403);
    assertThat(response.body()).as(user).doesNotContain("at org.", "at java.");
  }
}
