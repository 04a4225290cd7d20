package vn.directivetracker.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.support.Http;
import vn.directivetracker.support.NoticeJobs;
import vn.directivetracker.support.RecordSnapshot;
import vn.directivetracker.support.WebappSession;

/**
 * The standing office confirms a whole notice's assignments at once ({@code /api/assignments}, issue
 * 13), over real HTTP, and everyone else tries: another office, an officer, a manager, the
 * administrator, anonymous callers, a session without its CSRF token, extra fields, another notice's
 * directives, bad dates and agencies, a huge list. Nothing is half-written. Run on H2 and PostgreSQL.
 */
abstract class NoticeAssignmentPaths {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @LocalServerPort int port;

  /** A fresh notice of VPCP per test: 1.a (BCA, with BKHCN, dated), 1.b (BTC, "sớm nhất"), 2.a (the 34 provinces, ongoing). */
  String number;

  @BeforeEach
  void aNoticeImportedAndFannedOut() throws Exception {
    ProcessEngines.registerProcessEngine(engine);
    number = importNotice(true);
  }

  // ------------------------------------------------------------------ the office's path

  @Test
  void theOfficeConfirmsEveryDirectiveAtOnceChangingOnlyTheExceptions() throws Exception {
    JsonNode view = json(call("GET", "/api/assignments?notice=" + java.net.URLEncoder.encode(number,
        java.nio.charset.StandardCharsets.UTF_8), "reviewer-vpcp", null), 200);
    assertThat(view.path("directives")).hasSize(36);
    assertThat(view.path("starting").asInt()).isZero();
    JsonNode first = view.path("directives").get(0);
    assertThat(first.path("key").asText()).isEqualTo(number + "/1.a/BCA");
    assertThat(first.path("leadName").asText()).isEqualTo("Bộ Công an");
    assertThat(first.path("coordinators").toString()).isEqualTo("[\"BKHCN\"]");
    assertThat(first.path("deadline").asText()).isEqualTo("2027-06-30");
    assertThat(view.path("directives").get(1).path("needsTargetDate").asBoolean()).isTrue();
    JsonNode notices = json(call("GET", "/api/assignments", "reviewer-vpcp", null), 200).path("notices");
    assertThat(notices.toString()).contains("\"number\":\"" + number + "\"", "\"awaiting\":36");

    StringBuilder body = new StringBuilder("{\"notice\": \"" + number + "\", \"directives\": [");
    body.append("{\"key\": \"").append(number).append("/1.a/BCA\", \"lead\": \"BKHCN\", \"coordinators\": [\"BCA\"],"
        + " \"keyTask\": true},");
    body.append("{\"key\": \"").append(number).append("/1.b/BTC\", \"deadline\": \"31/03/2027\"},");
    body.append("{\"key\": \"").append(number).append("/2.a/UBND-CAMAU\", \"withdraw\": true,"
        + " \"reason\": \"Tỉnh đã hoàn thành trước khi có thông báo\"}");
    for (JsonNode row : view.path("directives")) {
      String key = row.path("key").asText();
      if (key.contains("/2.a/") && !key.endsWith("/UBND-CAMAU")) {
        body.append(",{\"key\": \"").append(key).append("\"}");
      }
    }
    body.append("]}");
    JsonNode outcome = json(call("POST", "/api/assignments", "reviewer-vpcp", body.toString()), 200);
    assertThat(outcome.path("confirmed").asInt()).isEqualTo(35);
    assertThat(outcome.path("withdrawn").asInt()).isEqualTo(1);
    assertThat(outcome.path("changed").asInt()).isEqualTo(2);

    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ConfirmAssignment")
        .processInstanceBusinessKeyLike(number + "/%").count()).as("no confirmation left open").isZero();
    ProcessInstance changed = directive(number + "/1.a/BCA");
    Task acknowledge = engine.getTaskService().createTaskQuery().processInstanceId(changed.getId()).singleResult();
    assertThat(acknowledge.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeDirective");
    assertThat(engine.getTaskService().getIdentityLinksForTask(acknowledge.getId())).extracting(IdentityLink::getGroupId)
        .contains("BKHCN").doesNotContain("BCA");
    assertThat(engine.getRuntimeService().getVariable(changed.getId(), "leadAgency")).isEqualTo("BKHCN");
    assertThat(engine.getRuntimeService().getVariable(changed.getId(), "keyTask")).isEqualTo(true);
    ProcessInstance target = directive(number + "/1.b/BTC");
    assertThat(engine.getRuntimeService().getVariable(target.getId(), "deadlineDate")).isEqualTo("2027-03-31");
    // who confirmed: the office's user, in the directive's history
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(target.getId())
        .taskDefinitionKey("Task_ConfirmAssignment").singleResult().getDeleteReason()).isEqualTo("completed");
    assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(engine.getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(target.getId()).taskDefinitionKey("Task_ConfirmAssignment")
        .singleResult().getId()).operationType("Complete").singleResult().getUserId()).isEqualTo("reviewer-vpcp");

    HistoricProcessInstance withdrawn = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(number + "/2.a/UBND-CAMAU").singleResult();
    assertThat(withdrawn.getEndTime()).isNotNull();
    assertThat(withdrawn.getDeleteReason()).contains("reviewer-vpcp", "Tỉnh đã hoàn thành trước khi có thông báo");
    // the other provinces of the item go on; the notice still tracks them
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive")
        .processInstanceBusinessKeyLike(number + "/2.a/%").count()).isEqualTo(33);
    ProcessInstance notice = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice")
        .processInstanceBusinessKey(number).singleResult();
    assertThat(notice).isNotNull();

    // nothing waits any more; a second confirmation of the same directive is refused
    JsonNode after = json(call("GET", "/api/assignments?notice=" + encoded(), "reviewer-vpcp", null), 200);
    assertThat(after.path("directives")).isEmpty();
    HttpResponse<String> again = call("POST", "/api/assignments", "reviewer-vpcp",
        "{\"notice\": \"" + number + "\", \"directives\": [{\"key\": \"" + number + "/1.a/BCA\"}]}");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("không còn chờ xác nhận giao");
  }

  @Test
  void withdrawingEveryDirectiveOfAnItemEndsTheItemAndTheNoticeGoesOn() throws Exception {
    String body = "{\"notice\": \"" + number + "\", \"directives\": [{\"key\": \"" + number + "/1.a/BCA\","
        + " \"withdraw\": true, \"reason\": \"Trùng với nhiệm vụ đã giao\"}]}";
    JsonNode outcome = json(call("POST", "/api/assignments", "reviewer-vpcp", body), 200);
    assertThat(outcome.path("withdrawn").asInt()).isEqualTo(1);
    ProcessInstance notice = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice")
        .processInstanceBusinessKey(number).singleResult();
    NoticeJobs.run(engine, notice);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("noticeItem")
        .processInstanceBusinessKey(number + "/1.a").count()).as("the item's instance ended").isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(notice.getId()).count())
        .as("the notice still tracks its other items").isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(number + "/%")
        .taskDefinitionKey("Task_ConfirmAssignment").count()).as("the rest still wait for confirmation").isEqualTo(35);
  }

  @Test
  void aSessionConfirmsWithItsCsrfTokenAndNotWithout() throws Exception {
    WebappSession session = WebappSession.login(port, "tasklist", "reviewer-vpcp");
    String body = "{\"notice\": \"" + number + "\", \"directives\": [{\"key\": \"" + number + "/1.a/BCA\"}]}";
    List<RecordSnapshot> before = snapshot();
    HttpResponse<String> withoutToken = session.sendWithoutToken("POST", "/api/assignments", body);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(snapshot()).isEqualTo(before);
    HttpResponse<String> withToken = session.send("POST", "/api/assignments", body);
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    assertThat(withToken.body()).contains("\"confirmed\":1");
  }

  // ------------------------------------------------------------------ who may not

  @Test
  void onlyTheNoticesStandingOfficeMayReadOrConfirm() throws Exception {
    String body = "{\"notice\": \"" + number + "\", \"directives\": [{\"key\": \"" + number + "/1.a/BCA\"}]}";
    List<RecordSnapshot> before = snapshot();
    for (String user : List.of("reviewer-vptwd", "officer-bca", "manager", "leader", "admin")) {
      HttpResponse<String> confirm = call("POST", "/api/assignments", user, body);
      assertThat(confirm.statusCode()).as(user + ": " + confirm.body()).isEqualTo(403);
      assertThat(confirm.body()).as(user).contains("Chỉ cơ quan thường trực của thông báo " + number, "Văn phòng Chính phủ");
      assertThat(call("GET", "/api/assignments?notice=" + encoded(), user, null).statusCode()).as(user).isEqualTo(403);
      assertThat(call("GET", "/api/assignments", user, null).body()).as(user).doesNotContain(number);
    }
    assertThat(call("POST", "/api/assignments", null, body).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/assignments?notice=" + encoded(), null, null).statusCode()).isEqualTo(401);
    assertThat(snapshot()).as("nothing written").isEqualTo(before);
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void everyBadValueIsNamedInVietnameseAndNothingIsWritten() throws Exception {
    String other = importNotice(true);
    String body = """
        {"notice": "%1$s", "directives": [
          {"key": "%1$s/1.a/BCA", "lead": "BXX", "standingOffice": "BKHCN"},
          {"key": "%1$s/1.b/BTC", "deadline": "31/02/2027"},
          {"key": "%1$s/2.a/UBND-HANOI", "deadline": "31/12/2027"},
          {"key": "%1$s/2.a/UBND-HUE", "coordinators": ["UBND-HUE"]},
          {"key": "%1$s/2.a/UBND-CAMAU", "withdraw": true},
          {"key": "%2$s/1.a/BCA"},
          {"key": "%1$s/2.a/UBND-HANOI"},
          {"key": "%1$s/9.z/BCA"}
        ], "comment": "x"}""".formatted(number, other);
    List<RecordSnapshot> before = snapshot();
    HttpResponse<String> response = call("POST", "/api/assignments", "reviewer-vpcp", body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains(
        "\"field\":\"comment\"",
        "\"field\":\"standingOffice\"", "trường không được nhận",
        "không có cơ quan chủ trì mã BXX",
        "\\\"31/02/2027\\\" không phải là một ngày hợp lệ",
        "nhiệm vụ thường xuyên không có thời hạn",
        "UBND-HUE là cơ quan chủ trì, không thể đồng thời là cơ quan phối hợp",
        "cần nêu lý do rút nhiệm vụ khỏi theo dõi",
        "không phải nhiệm vụ của thông báo " + number,
        "nhiệm vụ được nêu hai lần",
        "chưa có gì được ghi");
    assertThat(snapshot()).as("nothing written").isEqualTo(before);

    // a "sớm nhất" item needs the office's target date, not a past one
    HttpResponse<String> noTarget = call("POST", "/api/assignments", "reviewer-vpcp",
        "{\"notice\": \"" + number + "\", \"directives\": [{\"key\": \"" + number + "/1.a/BCA\"}, {\"key\": \"" + number
            + "/1.b/BTC\"}]}");
    assertThat(noTarget.statusCode()).isEqualTo(400);
    assertThat(noTarget.body()).contains("cần đặt thời hạn mục tiêu");
    HttpResponse<String> past = call("POST", "/api/assignments", "reviewer-vpcp",
        "{\"notice\": \"" + number + "\", \"directives\": [{\"key\": \"" + number + "/1.b/BTC\", \"deadline\": \"2020-01-31\"}]}");
    assertThat(past.body()).contains("đã qua");
    assertThat(snapshot()).as("nothing written").isEqualTo(before);
  }

  @Test
  void malformedOrHugeRequestsAreRefusedWithoutWriting() throws Exception {
    List<RecordSnapshot> before = snapshot();
    assertThat(call("POST", "/api/assignments", "reviewer-vpcp", "{\"notice\": ").body()).contains("không đọc được như JSON");
    assertThat(call("POST", "/api/assignments", "reviewer-vpcp", "[1, 2]").statusCode()).isEqualTo(400);
    assertThat(call("POST", "/api/assignments", "reviewer-vpcp", "{\"notice\": \"" + number + "\", \"directives\": []}")
        .body()).contains("ít nhất một");
    assertThat(call("POST", "/api/assignments", "reviewer-vpcp", "{\"notice\": \"999/KHONG-CO\", \"directives\": [{}]}")
        .statusCode()).isEqualTo(404);
    StringBuilder many = new StringBuilder("{\"notice\": \"" + number + "\", \"directives\": [");
    for (int i = 0; i <= NoticeAssignment.MAX_DIRECTIVES; i++) {
      many.append(i == 0 ? "" : ",").append("{}");
    }
    HttpResponse<String> huge = call("POST", "/api/assignments", "reviewer-vpcp", many.append("]}").toString());
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("quá nhiều nhiệm vụ");
    StringBuilder bad = new StringBuilder("{\"notice\": \"" + number + "\", \"directives\": [");
    for (int i = 0; i < 5_000; i++) {
      bad.append(i == 0 ? "" : ",").append("{}");
    }
    JsonNode badAnswer = json(call("POST", "/api/assignments", "reviewer-vpcp", bad.append("]}").toString()), 400);
    assertThat(badAnswer.path("detail").asText()).startsWith("5000 vấn đề (liệt kê 200 vấn đề đầu)");
    assertThat(badAnswer.path("problems")).hasSize(200);
    String tooBig = "{\"notice\": \"" + number + "\", \"directives\": [{\"key\": \"" + number + "/1.a/BCA\", \"reason\": \""
        + "x".repeat(1_100_000) + "\"}]}";
    assertThat(call("POST", "/api/assignments", "reviewer-vpcp", tooBig).statusCode()).isEqualTo(413);
    HttpResponse<String> longReason = call("POST", "/api/assignments", "reviewer-vpcp", "{\"notice\": \"" + number
        + "\", \"directives\": [{\"key\": \"" + number + "/1.a/BCA\", \"withdraw\": true, \"reason\": \"" + "x".repeat(1001) + "\"}]}");
    assertThat(longReason.body()).contains("dài quá 1000 ký tự");
    assertThat(call("POST", "/api/assignments", "reviewer-vpcp", "notice=x").statusCode()).isEqualTo(400);
    assertThat(snapshot()).as("nothing written").isEqualTo(before);
  }

  @Test
  void aNoticeStillFanningOutWaitsAndAConfirmedDirectiveIsNotConfirmedAgain() throws Exception {
    String fresh = importNotice(false);
    HttpResponse<String> early = call("POST", "/api/assignments", "reviewer-vpcp",
        "{\"notice\": \"" + fresh + "\", \"directives\": [{\"key\": \"" + fresh + "/1.a/BCA\"}]}");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("đang được khởi tạo");

    // confirmed one by one in Tasklist: no longer offered, and refused if sent
    ProcessInstance one = directive(number + "/1.a/BCA");
    Task confirm = engine.getTaskService().createTaskQuery().processInstanceId(one.getId()).singleResult();
    assertThat(call("POST", "/engine-rest/task/" + confirm.getId() + "/complete", "reviewer-vpcp", "{\"variables\": {}}")
        .statusCode()).isEqualTo(204);
    JsonNode view = json(call("GET", "/api/assignments?notice=" + encoded(), "reviewer-vpcp", null), 200);
    assertThat(view.path("directives")).hasSize(35);
    HttpResponse<String> again = call("POST", "/api/assignments", "reviewer-vpcp",
        "{\"notice\": \"" + number + "\", \"directives\": [{\"key\": \"" + number + "/1.a/BCA\"}]}");
    assertThat(again.statusCode()).isEqualTo(400);
  }

  // ------------------------------------------------------------------ helpers

  private String importNotice(boolean fanOut) throws Exception {
    String n = "GV" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "/TB-VPCP";
    String yaml = """
        number: "%s"
        issuer: VPCP
        standingOffice: VPCP
        title: "Kết luận về chuyển đổi số"
        issuedOn: 2026-11-20
        items:
          - ref: "1.a"
            text: "Bộ Công an xây dựng nền tảng dữ liệu dùng chung."
            lead: BCA
            coordinators: [BKHCN]
            deadline: {kind: DATE, date: 2027-06-30, phrase: "Hoàn thành trước ngày 30 tháng 6 năm 2027"}
          - ref: "1.b"
            text: "Bộ Tài chính bố trí kinh phí."
            lead: BTC
            deadline: {kind: ASAP, phrase: "Trong thời gian sớm nhất"}
          - ref: "2.a"
            text: "Ủy ban nhân dân các tỉnh báo cáo tình hình triển khai."
            leadClass: PROVINCIAL_PEOPLES_COMMITTEES
            deadline: {kind: ONGOING}
        """.formatted(n);
    HttpResponse<String> created = Http.call(port, "POST", "/api/notices", "reviewer-vpcp", "application/yaml", yaml);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    if (fanOut) {
      NoticeJobs.run(engine, engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice")
          .processInstanceBusinessKey(n).singleResult());
    }
    return n;
  }

  /** The record of every directive of the test's notice, and how many there are. */
  private List<RecordSnapshot> snapshot() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive")
        .processInstanceBusinessKeyLike(number + "/%").orderByProcessInstanceId().asc().list().stream()
        .map(instance -> RecordSnapshot.of(engine, instance.getId())).toList();
  }

  private ProcessInstance directive(String businessKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive")
        .processInstanceBusinessKey(businessKey).singleResult();
  }

  private String encoded() {
    return java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8);
  }

  private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
    return Http.call(port, method, path, user, "application/json", json);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
