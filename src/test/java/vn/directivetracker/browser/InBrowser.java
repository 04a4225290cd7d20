package vn.directivetracker.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium for a whole browser test class: started before its first test, quit (and
 * its profile removed) after its last. Checked for before the class is built (and its Spring
 * application started), see {@link Chromium.Installed}.
 */
@ExtendWith(Chromium.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InBrowser {

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
}
