package vn.directivetracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import vn.directivetracker.support.Http;
import vn.directivetracker.support.NoticeJobs;

/**
 * The standing office confirms a whole notice on /dashboard/giao-nhiem-vu in a real browser (issue
 * 13): a refused confirmation first (a "sớm nhất" directive without its target date), then one target
 * date for all, one lead changed, one directive withdrawn, and one button. No visible English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "directive-tracker.demo.import-seed-notices=false")
@DirtiesContext
class AssignmentInBrowserTest extends InBrowser {

  private static final String NUMBER = "77/TB-VPCP";

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;


  @Test
  void theOfficeConfirmsAWholeNoticeChangingOnlyTheExceptions() throws Exception {
    importNotice();
    Pages pages = new Pages(browser, "assignment");
    browser.get("http://localhost:" + port + "/dashboard/giao-nhiem-vu");
    wait(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("reviewer-vpcp");
    browser.findElement(By.id("login-password")).sendKeys("demo");
    pages.look("login");
    browser.findElement(By.id("login-submit")).click();
    wait(ExpectedConditions.elementToBeClickable(By.cssSelector("#notices button[data-notice='" + NUMBER + "']")));
    pages.look("notices");
    browser.findElement(By.cssSelector("#notices button[data-notice='" + NUMBER + "']")).click();
    wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#items details")));
    assertThat(browser.findElements(By.cssSelector("#items tr[data-key]"))).hasSize(36);
    assertThat(browser.findElement(By.id("confirm")).getText()).isEqualTo("Xác nhận giao 36 nhiệm vụ");
    pages.look("notice");

    // the "sớm nhất" directive has no target date yet: refused on the page, nothing sent
    browser.findElement(By.id("confirm")).click();
    wait(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
    assertThat(browser.findElement(By.id("problems")).getText()).contains("còn thiếu thời hạn mục tiêu");
    pages.look("target-missing");

    browser.findElement(By.id("target-all-date")).sendKeys("31/03/2027");
    browser.findElement(By.id("target-all-apply")).click();
    // another lead for 1.a
    click(By.cssSelector("button[data-edit='" + NUMBER + "/1.a/BCA']"));
    WebElement lead = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("select[data-field=lead]")));
    new Select(lead).selectByValue("BKHCN");
    wait(ExpectedConditions.textToBePresentInElementLocated(By.id("bar-summary"), "2 nhiệm vụ có thay đổi"));
    click(By.cssSelector("button[data-edit='" + NUMBER + "/1.a/BCA']"));
    // one province withdrawn, with its reason
    click(By.cssSelector("details[data-item='2.a'] > summary"));
    click(By.cssSelector("button[data-edit='" + NUMBER + "/2.a/UBND-CAMAU']"));
    click(By.cssSelector("input[data-field=withdraw]"));
    WebElement reason = wait(ExpectedConditions.elementToBeClickable(By.cssSelector("input[data-field=reason]")));
    reason.sendKeys("Tỉnh đã hoàn thành trước khi có thông báo");
    browser.findElement(By.id("bar-summary")).click(); // leaves the field: its value is taken
    wait(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm"), "Xác nhận giao 35 nhiệm vụ và rút 1"));
    pages.look("exceptions");

    browser.findElement(By.id("confirm")).click();
    WebElement message = wait(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    assertThat(message.getText()).contains("Đã giao 35 nhiệm vụ của thông báo " + NUMBER, "1 rút khỏi theo dõi");
    pages.look("done");
    pages.assertAllWasRight();

    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike(NUMBER + "/%")
        .taskDefinitionKey("Task_ConfirmAssignment").count()).isZero();
    Task acknowledge = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(NUMBER + "/1.a/BCA")
        .singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(acknowledge.getId())).extracting(IdentityLink::getGroupId)
        .contains("BKHCN");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(NUMBER + "/1.b/BTC")
        .singleResult()).satisfies(pi -> assertThat(engine.getRuntimeService().getVariable(pi.getId(), "deadlineDate"))
        .isEqualTo("2027-03-31"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(NUMBER + "/2.a/UBND-CAMAU")
        .count()).isZero();
  }


  private void importNotice() throws Exception {
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
        """.formatted(NUMBER);
    HttpResponse<String> created = Http.call(port, "POST", "/api/notices", "reviewer-vpcp", "application/yaml", yaml);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    NoticeJobs.run(engine, engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice")
        .processInstanceBusinessKey(NUMBER).singleResult());
  }
}
