package vn.directivetracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import vn.directivetracker.support.FirstProcessPath;

/**
 * The day of each kind of user in a real browser (issue 12): Debian's Chromium, headless, at
 * 1366×768, set to English. An officer fails and passes a form and types dates, the standing office
 * finds a directive by its item number, a manager follows a directive in Cockpit, the administrator
 * opens Admin. On every page: no visible English (see {@link EnglishWords}), and a screenshot in
 * {@code target/browser-screens/}. On the embedded H2 with the demo logins, in an application of its
 * own (the webapps keep process-wide state, see TasklistOverHttpH2Test), one browser for the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "directive-tracker.demo.import-seed-notices=false")
@DirtiesContext
class WorkingDayInBrowserTest extends InBrowser {

  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Next year: a proposed deadline after the directive's (a month from now), as the form requires. */
  private static final int YEAR = LocalDate.now().getYear() + 1;

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  private Pages pages;

  @BeforeEach
  void signedOut(TestInfo test) {
    pages = new Pages(browser, test.getTestMethod().orElseThrow().getName());
    // signed out: the session cookie goes (cookies are deleted for the page's own site)
    browser.get(base() + "/actuator/health");
    browser.manage().deleteAllCookies();
  }

  @AfterEach
  void lastScreen() {
    // what the page showed when the test ended, passed or failed
    pages.screenshot("end");
  }

  // ------------------------------------------------------------------ an agency officer

  @Test
  void anOfficerFailsAFormOnceThenCompletesTheirTask() {
    ProcessInstance directive = confirmedDirective("BCA", "2.a");
    Task task = task(directive, "Task_AcknowledgeDirective");

    login("tasklist", "officer-bca");
    pages.look("tasklist");
    openTask(task.getName());
    pages.look("task");
    // the task's tabs: Lịch sử, Sơ đồ, Mô tả, then back to Biểu mẫu
    String[] tabs = {"form", "history", "diagram", "description"};
    for (int tab : new int[] {1, 2, 3, 0}) {
      browser.findElement(By.cssSelector(".task-details ul.nav-tabs li:nth-child(" + (tab + 1) + ") a")).click();
      pages.look("tab-" + tabs[tab]);
    }
    claim();
    pages.look("claimed");

    // the plan is missing: the form says so, in Vietnamese, and the task stays
    fill("Đơn vị chịu trách nhiệm", "Cục C06");
    fill("Người chịu trách nhiệm", "Nguyễn Văn An");
    complete();
    assertThat(messageBeside("Kế hoạch thực hiện")).as("the message beside the empty plan").isNotBlank();
    pages.look("required-field-missing");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);

    fill("Kế hoạch thực hiện", "Dự thảo trong tháng, trình Chính phủ trước hạn");
    complete();
    waitUntilDone(task);
    waitForListWithout(task.getName());
    pages.look("completed");
    assertThat(variable(directive, "plan")).isEqualTo("Dự thảo trong tháng, trình Chính phủ trước hạn");

    pages.assertAllWasRight();
  }

  @Test
  void anOfficerTypesTheProposedDeadlineAndItIsStoredAsTyped() {
    ProcessInstance directive = acknowledgedDirective("BCA", "2.b");
    Task task = task(directive, "Task_RequestExtension");

    login("tasklist", "officer-bca");
    openTask(task.getName());
    claim();
    fill("Lý do đề nghị gia hạn", "Chờ ý kiến thẩm định của Bộ Tư pháp");
    WebElement date = field("Thời hạn đề nghị");
    date.click();
    pages.look("date-picker-open");
    if (String.valueOf(date.getAttribute("placeholder")).toLowerCase().startsWith("mm")) {
      pages.problem("the date field asks for \"" + date.getAttribute("placeholder") + "\", month first");
    }
    date.sendKeys("05/03/" + YEAR, Keys.TAB);
    pages.look("date-typed");
    String shown = date.getAttribute("value");
    complete();
    waitUntilDone(task);
    pages.look("completed");

    assertThat(variable(directive, "proposedDeadline"))
        .as("proposedDeadline typed as 05/03/%d (dd/MM/yyyy); the field then showed \"%s\"", YEAR, shown)
        .isEqualTo(YEAR + "-03-05");
    pages.assertAllWasRight();
  }

  @Test
  void anOfficerTypesADayThatDoesNotExistAndIsToldSo() {
    ProcessInstance directive = acknowledgedDirective("BCA", "2.c");
    Task task = task(directive, "Task_RequestExtension");

    login("tasklist", "officer-bca");
    openTask(task.getName());
    claim();
    fill("Lý do đề nghị gia hạn", "Chờ ý kiến thẩm định của Bộ Tư pháp");
    WebElement date = field("Thời hạn đề nghị");
    date.click();
    date.sendKeys("31/02/" + YEAR, Keys.TAB);
    pages.look("impossible-date-typed");
    String shown = date.getAttribute("value");
    // "Hoàn thành" may be disabled by now (form-js finds the required date empty): pressed all the same
    press(browser.findElement(By.cssSelector(".task-details .form-actions button.btn-primary")));
    Pages.sleep(2000);
    pages.look("after-complete");

    // nothing completed, nothing stored, and the officer is told beside the field
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count())
        .as("the task with 31/02/%d typed is still open (the field showed \"%s\"; stored: %s)", YEAR, shown,
            historicVariables(directive, "proposedDeadline").stream().map(HistoricVariableInstance::getValue).toList())
        .isEqualTo(1);
    assertThat(historicVariables(directive, "proposedDeadline")).as("proposedDeadline stored from 31/02/" + YEAR)
        .isEmpty();
    assertThat(messageBeside("Thời hạn đề nghị")).as("the message beside the date field").isNotBlank();
    pages.assertAllWasRight();
  }

  // ------------------------------------------------------------------ the standing office

  @Test
  void theStandingOfficeFindsADirectiveByItsItemNumber() {
    ProcessInstance wanted = directive("BCA", "3.e");
    directive("BTC", "3.f");
    String name = task(wanted, "Task_ConfirmAssignment").getName();
    assertThat(name).isEqualTo("Xác nhận giao nhiệm vụ — 315/TB-VPCP mục 3.e (Bộ Công an)");

    login("tasklist", "reviewer-vpcp");
    List<String> listed = listedOnceItShows(name);
    pages.look("tasklist");
    // the menus of the header and the list, and the keyboard shortcuts
    for (String[] menu : new String[][] {{"li.account a.dropdown-toggle", "user-menu"},
        {"li.sorting-choice a.dropdown-toggle", "sort-menu"}, {"a.showShortcutHelp", "shortcuts"}}) {
      browser.findElement(By.cssSelector(menu[0])).click();
      pages.look(menu[1]);
      new Actions(browser).sendKeys(Keys.ESCAPE).perform();
      Pages.sleep(300);
    }
    assertThat(listed).as("the office's list names item and agency")
        .contains(name, "Xác nhận giao nhiệm vụ — 315/TB-VPCP mục 3.f (Bộ Tài chính)");

    WebElement search = browser.findElement(By.cssSelector(".tasks-list input.main-field, input.main-field"));
    search.click();
    search.sendKeys("3.e");
    pages.look("search-typed");
    search.sendKeys(Keys.ENTER);
    new WebDriverWait(browser, WAIT).until(d -> {
      List<String> now = taskNamesListed();
      return !now.isEmpty() && now.stream().allMatch(n -> n.contains("mục 3.e"));
    });
    pages.look("found");
    assertThat(taskNamesListed()).contains(name).allMatch(n -> n.contains("mục 3.e (Bộ Công an)"));
    pages.assertAllWasRight();
  }

  // ------------------------------------------------------------------ a manager

  @Test
  void aManagerFollowsADirectiveInCockpit() {
    ProcessInstance directive = directive("BKHCN", "5.a");

    login("cockpit", "manager");
    pages.look("dashboard");
    go("cockpit", "#/processes");
    waitFor(By.cssSelector("a[href*='process-definition']"));
    pages.look("processes");
    go("cockpit", "#/process-definition/" + directive.getProcessDefinitionId() + "/runtime");
    waitFor(By.cssSelector("a[href*='" + directive.getId() + "']"));
    pages.look("process-definition");
    browser.findElement(By.cssSelector("a[href*='" + directive.getId() + "']")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("process-instance/" + directive.getId()));
    pages.look("process-instance");
    go("cockpit", "#/process-instance/" + directive.getId() + "/runtime?tab=variables-tab");
    new WebDriverWait(browser, WAIT).until(d -> d.getPageSource().contains("noticeNumber"));
    pages.look("variables");
    pages.assertAllWasRight();
  }

  // ------------------------------------------------------------------ the administrator

  @Test
  void theAdministratorOpensUsersGroupsAndAuthorizations() {
    login("admin", "admin");
    pages.look("dashboard");
    go("admin", "#/users");
    new WebDriverWait(browser, WAIT).until(d -> d.getPageSource().contains("officer-bca"));
    pages.look("users");
    go("admin", "#/groups");
    new WebDriverWait(browser, WAIT).until(d -> d.getPageSource().contains("camunda-admin"));
    pages.look("groups");
    go("admin", "#/authorization?resource=0");
    waitFor(By.cssSelector("table"));
    pages.look("authorizations");
    browser.get(base() + "/camunda/app/welcome/default/");
    waitFor(By.cssSelector("body"));
    pages.look("welcome");
    pages.assertAllWasRight();
  }

  // ------------------------------------------------------------------ the browser

  private void login(String app, String user) {
    browser.get(base() + "/camunda/app/" + app + "/");
    WebElement name = waitFor(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
    pages.look("login");
    name.sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("form[name=signinForm]")));
  }

  private void go(String app, String fragment) {
    browser.get(base() + "/camunda/app/" + app + "/default/" + fragment);
  }

  private List<String> taskNamesListed() {
    waitFor(By.cssSelector(".tasks-list"));
    return browser.findElements(By.cssSelector(".tasks-list h4.task a")).stream().map(WebElement::getText).toList();
  }

  /** The task names listed once the list shows the one wanted, or as they are after the wait. */
  private List<String> listedOnceItShows(String name) {
    try {
      return new WebDriverWait(browser, WAIT).until(d -> taskNamesListed().contains(name) ? taskNamesListed() : null);
    } catch (TimeoutException notThere) {
      return taskNamesListed();
    }
  }

  /** Opens the task from the list by its name, as the officer clicks it. */
  private void openTask(String name) {
    WebElement link = new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector(".tasks-list h4.task a"))
        .stream().filter(a -> a.getText().equals(name)).findFirst().orElse(null));
    link.click();
    new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector(".task-details h2.task")).stream()
        .anyMatch(h -> h.getText().equals(name)));
    waitFor(By.cssSelector(".fjs-form"));
  }

  private void claim() {
    press(waitFor(By.cssSelector(".task-details button.claim")));
    new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector(".task-details button.claim")).isEmpty());
    new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
  }

  private void complete() {
    // Tasklist enables "Hoàn thành" again once the form tells it the last change is valid (a digest later)
    WebElement button = new WebDriverWait(browser, WAIT).until(d -> d.findElements(
        By.cssSelector(".task-details .form-actions button.btn-primary")).stream().filter(WebElement::isEnabled)
        .findFirst().orElse(null));
    press(button);
  }

  /** The input of the form field labelled so (form-js ties each label to its input). */
  private WebElement field(String label) {
    WebElement labelElement = waitFor(By.xpath("//label[contains(@class, 'fjs-form-field-label')"
        + " and starts-with(normalize-space(.), '" + label + "')]"));
    return browser.findElement(By.id(labelElement.getAttribute("for")));
  }

  private void fill(String label, String text) {
    WebElement input = field(label);
    scrollTo(input);
    input.clear();
    input.sendKeys(text);
  }

  /**
   * The message shown beside the form field labelled so: visible text inside the field's box that
   * is neither its label nor its description (form-js puts its messages in .fjs-form-field-error; a
   * date check of our own may put its message elsewhere in the box). Empty when there is none.
   */
  private String messageBeside(String label) {
    WebElement input = field(label);
    WebElement box = input.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"));
    try {
      return new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> {
        String text = (String) ((JavascriptExecutor) d).executeScript("""
            var box = arguments[0], out = [];
            var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            for (var node; (node = walker.nextNode()); ) {
              var el = node.parentElement;
              if (!node.nodeValue.trim() || el.closest('.fjs-form-field-label, .fjs-form-field-description')) { continue; }
              if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') { continue; }
              out.push(node.nodeValue.trim());
            }
            return out.join(' ');""", box);
        return text == null || text.isBlank() ? null : text;
      });
    } catch (TimeoutException none) {
      return "";
    }
  }

  /**
   * Clicks as a person would: scrolled into view, on a part of the control that shows. Where
   * something covers its middle (Tasklist's footer sits over the form's buttons at 768 px) it clicks
   * the first point of the control that is on top. A control covered entirely by a notice is noted
   * as a problem of the page, and the notice closed with its × as the person would.
   */
  @SuppressWarnings("unchecked")
  private void press(WebElement control) {
    for (int attempt = 0; ; attempt++) {
      scrollTo(control);
      Map<String, Object> where = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
          var el = arguments[0], r = el.getBoundingClientRect();
          var cx = r.left + r.width / 2, cy = r.top + r.height / 2;
          function mine(hit) { return hit && (hit === el || el.contains(hit)); }
          if (mine(document.elementFromPoint(cx, cy))) { return {dx: 0, dy: 0}; }
          for (var y = r.top + 2; y < r.bottom - 1; y += 2) {
            for (var x = r.left + 2; x < r.right - 1; x += 4) {
              if (mine(document.elementFromPoint(x, y))) { return {dx: Math.round(x - cx), dy: Math.round(y - cy)}; }
            }
          }
          var hit = document.elementFromPoint(cx, Math.max(r.top + 2, 0));
          var notice = hit && hit.closest('.alert');
          return {covered: hit ? (hit.closest('.alert') || hit).innerText.trim().slice(0, 200) : 'nothing',
                  close: notice ? Array.from(notice.querySelectorAll('button.close'))
                      .find(function (b) { return b.getClientRects().length > 0; }) || null : null};""", control);
      if (where.containsKey("dx")) {
        int dx = ((Number) where.get("dx")).intValue();
        int dy = ((Number) where.get("dy")).intValue();
        new Actions(browser).moveToElement(control, dx, dy).click().perform();
        return;
      }
      pages.problem("\"" + control.getText() + "\" is entirely covered by \""
          + String.valueOf(where.get("covered")).replaceAll("\\s+", " ") + "\"");
      assertThat(where.get("close")).as("a × to close what covers \"" + control.getText() + "\"").isNotNull();
      assertThat(attempt).as("attempts to uncover \"" + control.getText() + "\"").isLessThan(2);
      // the × shows, but Chromium reports the notice's own button as not interactable: clicked by script
      ((JavascriptExecutor) browser).executeScript("arguments[0].click()", where.get("close"));
      Pages.sleep(500);
    }
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void waitForListWithout(String taskName) {
    new WebDriverWait(browser, WAIT).until(d -> !taskNamesListed().contains(taskName));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  // ------------------------------------------------------------------ the engine

  private void waitUntilDone(Task task) {
    new WebDriverWait(browser, WAIT).withMessage(() -> "task " + task.getName() + " completed")
        .until(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
  }

  /** A directive of notice 315/TB-VPCP waiting for the standing office (VPCP) to confirm it. */
  private ProcessInstance directive(String lead, String item) {
    Map<String, Object> variables = variables(lead, item);
    return engine.getRuntimeService().startProcessInstanceByKey("directive", "315/TB-VPCP/" + item + "/" + UUID.randomUUID(),
        variables);
  }

  private ProcessInstance confirmedDirective(String lead, String item) {
    ProcessInstance directive = directive(lead, item);
    engine.getTaskService().complete(task(directive, "Task_ConfirmAssignment").getId(), variables(lead, item));
    return directive;
  }

  private ProcessInstance acknowledgedDirective(String lead, String item) {
    ProcessInstance directive = confirmedDirective(lead, item);
    engine.getTaskService().complete(task(directive, "Task_AcknowledgeDirective").getId(), Map.of(
        "responsibleUnit", "Cục C06", "responsiblePerson", "Nguyễn Văn An", "plan", "Theo kế hoạch"));
    return directive;
  }

  private static Map<String, Object> variables(String lead, String item) {
    Map<String, Object> variables = FirstProcessPath.variables();
    variables.put("itemRef", item);
    variables.put("leadAgency", lead);
    variables.remove("leadAgencyName");
    return variables;
  }

  private Task task(ProcessInstance directive, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  private List<HistoricVariableInstance> historicVariables(ProcessInstance directive, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(directive.getId())
        .variableName(name).list();
  }

  private Object variable(ProcessInstance directive, String name) {
    List<HistoricVariableInstance> found = historicVariables(directive, name);
    assertThat(found).as(name).hasSize(1);
    return found.get(0).getValue();
  }
}
