package vn.directivetracker.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a whole browser test class: started before its first test, quit (and
 * its profile removed) after its last. Checked for before the class is built (and its Spring
 * application started), see {@link Chromium.Installed}.
 */
@ExtendWith(Chromium.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InBrowser {

  /** How long a page may take to show what a step waits for. */
  protected static final Duration WAIT = Duration.ofSeconds(30);

  private Chromium chromium;
  protected ChromeDriver browser;

  @BeforeAll
  void openTheBrowser() {
    chromium = Chromium.start();
    browser = chromium.driver();
  }

  @AfterAll
  void closeTheBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  protected <T> T wait(ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, WAIT).until(condition);
  }

  /** As a user does: scrolls the element into the middle of the page (clear of sticky bars), then clicks it. */
  protected void click(By by) {
    WebElement element = wait(ExpectedConditions.elementToBeClickable(by));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
