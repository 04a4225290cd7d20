package vn.directivetracker.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.directivetracker.support.Http;
import vn.directivetracker.support.NoticeJobs;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.calendar.WorkingDayCalendar;

/** The import endpoint as a standing office would use it, and the seed notices of the demo. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoticeImportTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void serveThisEngineOverRest() {
    ProcessEngines.registerProcessEngine(engine);
  }

  @Test
  void theDemoImportsBothSeedNoticesWithEveryDirective() {
    assertThat(jdbc.queryForList("select number from dt_notice order by number", String.class))
        .contains("315/TB-VPCP", "TBKL-BCĐTW-05/9/2025");
    assertThat(count("select count(*) from dt_tracked_directive where notice_number = '315/TB-VPCP'")).isEqualTo(190);
    assertThat(count("select count(*) from dt_tracked_directive where notice_number = 'TBKL-BCĐTW-05/9/2025'")).isEqualTo(98);

    ProcessInstance notice = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice")
        .processInstanceBusinessKey("TBKL-BCĐTW-05/9/2025").singleResult();
    // the import only leaves a job behind; it fans out into one job per directive start
    runJobs(notice);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(notice.getId()).count())
        .as("one noticeItem instance per item").isEqualTo(20);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive")
        .processInstanceBusinessKeyLike("TBKL-BCĐTW-05/9/2025/%").count()).isEqualTo(98);
    ProcessInstance hanoi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("TBKL-BCĐTW-05/9/2025/5.a/TU-HANOI").singleResult();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(hanoi.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_ConfirmAssignment");
    assertThat(engine.getRuntimeService().getVariable(hanoi.getId(), "leadAgencyName")).isEqualTo("Thành ủy Hà Nội");
    assertThat(engine.getRuntimeService().getVariable(hanoi.getId(), "standingOffice")).isEqualTo("VPTWD");
    assertThat(engine.getRuntimeService().getVariable(hanoi.getId(), "deadlineText")).isEqualTo("20/09/2025");
  }

  @Test
  void aValidNoticeIsImportedOnceAndAgainChangesNothing() throws Exception {
    String notice = notice("10/TB-VPCP", "Hoàn thành trước ngày 30 tháng 12 năm 2026", "2026-12-30");
    HttpResponse<String> created = post(notice, "reviewer-vpcp");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"status\":\"created\"", "\"directivesStarted\":35", "10/TB-VPCP/2.a/UBND-CAMAU");

    HttpResponse<String> again = post(notice, "reviewer-vpcp");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"status\":\"unchanged\"").doesNotContain("\"corrected\"");
    assertThat(count("select count(*) from dt_tracked_directive where notice_number = '10/TB-VPCP'")).isEqualTo(35);
    assertThat(count("select count(*) from dt_notice_item where notice_number = '10/TB-VPCP'")).isEqualTo(2);
  }

  @Test
  void aCorrectedDeadlineIsANewRevisionAppliedToTheRunningDirective() throws Exception {
    assertThat(post(notice("11/TB-VPCP", "Hoàn thành trước ngày 30 tháng 12 năm 2026", "2026-12-30"), "reviewer-vpcp")
        .statusCode()).isEqualTo(201);
    ProcessInstance notice = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("11/TB-VPCP")
        .singleResult();
    runJobs(notice);
    ProcessInstance directive = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("11/TB-VPCP/1.a/BCA").singleResult();
    String confirm = engine.getTaskService().createTaskQuery().processInstanceId(directive.getId()).singleResult().getId();
    engine.getTaskService().complete(confirm, engine.getRuntimeService().getVariables(directive.getId()));

    HttpResponse<String> corrected = post(notice("11/TB-VPCP", "Hoàn thành trước ngày 29 tháng 1 năm 2027", "2027-01-29"),
        "reviewer-vpcp");
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.body()).contains("\"status\":\"corrected\"", "\"revision\":2");
    assertThat(engine.getRuntimeService().getVariable(directive.getId(), "deadline"))
        .isEqualTo(Date.from(LocalDate.of(2027, 1, 29).atTime(23, 59, 59).atZone(WorkingDayCalendar.ZONE).toInstant()));
    assertThat(engine.getRuntimeService().getVariable(directive.getId(), "deadlinePhrase"))
        .isEqualTo("Hoàn thành trước ngày 29 tháng 1 năm 2027");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(directive.getId())
        .activityId("Timer_DeadlineReached").singleResult()).isNull(); // waits at acknowledgement, not yet in execution
    assertThat(count("select count(*) from dt_notice_item where notice_number = '11/TB-VPCP' and ref = '1.a'")).isEqualTo(2);
  }

  @Test
  void aMalformedNoticeGetsA400NamingEachProblemAndNothingIsWritten() throws Exception {
    String bad = """
        number: 12/TB-VPCP
        issuer: VPCP
        standingOffice: VPCP
        title: Thông báo có lỗi
        issuedOn: 2026-11-20
        items:
          - ref: 1.a
            text: Việc một
            lead: BXX
            deadline: {kind: DATE, date: 2026-02-30}
          - ref: 1.a
            text: ""
            deadline: {kind: SOMETIME}
        """;
    HttpResponse<String> response = post(bad, "reviewer-vpcp");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("unknown agency code BXX", "2026-02-30 is not a date", "duplicate reference 1.a",
        "\"field\":\"text\"", "unknown deadline kind 'SOMETIME'", "\"item\":\"1.a\"");
    assertThat(count("select count(*) from dt_notice where number = '12/TB-VPCP'")).isZero();
  }

  @Test
  void onlyTheStandingOfficeMayImportAndAnonymousCallersAreRefused() throws Exception {
    String notice = notice("13/TB-VPCP", "Hoàn thành trước ngày 30 tháng 12 năm 2026", "2026-12-30");
    assertThat(post(notice, "officer-bca").statusCode()).isEqualTo(403);
    assertThat(post(notice, null).statusCode()).isEqualTo(401);
    assertThat(count("select count(*) from dt_notice where number = '13/TB-VPCP'")).isZero();
  }

  private static String notice(String number, String phrase, String date) {
    return """
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
            deadline: {kind: DATE, date: %s, phrase: "%s"}
            keyTask: true
          - ref: "2.a"
            text: "Ủy ban nhân dân các tỉnh báo cáo tình hình triển khai."
            leadClass: PROVINCIAL_PEOPLES_COMMITTEES
            deadline: {kind: ONGOING}
        """.formatted(number, date, phrase);
  }

  private HttpResponse<String> post(String yaml, String user) throws Exception {
    return Http.call(port, "POST", "/api/notices", user, "application/yaml", yaml);
  }

  private void runJobs(ProcessInstance notice) {
    NoticeJobs.run(engine, notice);
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }
}
