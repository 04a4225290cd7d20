package vn.directivetracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The standing office registers a notice from its pasted text on /dashboard/thong-bao-moi (issue 16):
 * the draft beside its source with the unsure fields marked, a refused registration (a body not in
 * the registry leads an item), the marked field corrected, then registered through /api/notices.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "directive-tracker.demo.import-seed-notices=false")
@DirtiesContext
class DraftInBrowserTest extends InBrowser {

  private static final String NUMBER = "91/TB-VPCP";
  private static final String TEXT = """
      VĂN PHÒNG CHÍNH PHỦ
      Số: 91/TB-VPCP                     Hà Nội, ngày 20 tháng 11 năm 2026

      THÔNG BÁO
      Kết luận của Phó Thủ tướng Chính phủ về dữ liệu dùng chung

      Ngày 18 tháng 11 năm 2026, Phó Thủ tướng Chính phủ chủ trì cuộc họp và yêu cầu thực hiện các nhiệm vụ trọng tâm sau:

      1. Bộ Công an:
      a) Chủ trì, phối hợp với Bộ Khoa học và Công nghệ xây dựng nền tảng dữ liệu dùng chung, hoàn thành trước ngày 30/6/2027.
      b) Báo cáo kết quả thực hiện, hoàn thành trước 31/12.

      2. Hội đồng Không Có Trong Danh Mục:
      a) Rà soát văn bản quy phạm pháp luật về dữ liệu. Nhiệm vụ thường xuyên.

      Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
      """;

  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;


  @Test
  void theOfficePastesChecksTheMarkedFieldsAndRegisters() {
    Pages pages = new Pages(browser, "draft");
    browser.get("http://localhost:" + port + "/dashboard/thong-bao-moi");
    wait(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("reviewer-vpcp");
    browser.findElement(By.id("login-password")).sendKeys("demo");
    browser.findElement(By.id("login-submit")).click();
    WebElement text = wait(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
    // pasted, not typed: the text area gets the whole notice at once
    browser.executeScript("arguments[0].value = arguments[1]", text, TEXT);
    pages.look("pasted");
    browser.findElement(By.id("read")).click();
    wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#items .draft-item")));
    assertThat(browser.findElements(By.cssSelector("#items .draft-item"))).hasSize(3);
    assertThat(browser.findElements(By.cssSelector("#items .marked"))).as("marked fields").isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#source mark"))).as("marked words in the source").isNotEmpty();
    assertThat(browser.findElement(By.id("unplaced")).getText()).contains("Câu kết của thông báo");
    assertThat(browser.findElement(By.cssSelector("#items .draft-item[data-index='1']")).getText())
        .contains("không ghi năm, lấy năm của thông báo");
    pages.look("draft");

    // the lead of 2.a is no known body: the import refuses, next to the item, and writes nothing
    click(By.id("register"));
    wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".item-problem")));
    assertThat(browser.findElement(By.cssSelector("#items .draft-item[data-index='2']")).getText()).contains("chưa có cơ quan chủ trì");
    assertThat(count()).isZero();
    pages.look("refused");

    WebElement lead = browser.findElement(By.cssSelector("#items .draft-item[data-index='2'] input[data-field=lead]"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", lead);
    lead.sendKeys("BTP");
    click(By.id("register"));
    WebElement message = wait(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    wait(ExpectedConditions.textToBePresentInElement(message, "Đã ghi nhận thông báo " + NUMBER));
    pages.look("registered");
    pages.assertAllWasRight();

    assertThat(count()).isEqualTo(1);
    assertThat(jdbc.queryForList("select lead_agency from dt_notice_item where notice_number = ? order by ref",
        String.class, NUMBER)).containsExactly("BCA", "BCA", "BTP");
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from dt_notice where number = ?", Long.class, NUMBER);
  }
}
