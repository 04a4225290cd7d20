package vn.directivetracker.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both named explicitly, so that
 * Selenium Manager never looks for (or downloads) a browser. Without them the browser tests are
 * skipped, unless DT_REQUIRE_BROWSER=true (as in {@code .ci/run}, which installs them), where they fail.
 */
final class Chromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Quits the browser and removes its profile folder. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  /**
   * Checks for the browser before the test class is even built (and its Spring application
   * started): {@code @ExtendWith(Chromium.Installed.class)}. Missing, the tests are reported as
   * skipped with the reason, or fail when DT_REQUIRE_BROWSER=true.
   */
  static final class Installed implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String missing = missing();
      if (missing == null) {
        return ConditionEvaluationResult.enabled("chromium and chromedriver installed");
      }
      if (required()) {
        throw new IllegalStateException("Browser required (DT_REQUIRE_BROWSER=true) but " + missing);
      }
      return ConditionEvaluationResult.disabled(missing);
    }
  }

  /** What is missing of the browser, or null. */
  static String missing() {
    String missing = !Files.isExecutable(BINARY) ? BINARY.toString() : !Files.isExecutable(DRIVER) ? DRIVER.toString() : null;
    return missing == null ? null : missing + " is missing (apt-get install chromium chromium-driver)";
  }

  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("DT_REQUIRE_BROWSER"));
  }

  /** As a JUnit assumption: skips the test when the browser is missing, fails it when required. */
  static void assumeInstalled() {
    String missing = missing();
    if (missing == null) {
      return;
    }
    if (required()) {
      throw new IllegalStateException("Browser required (DT_REQUIRE_BROWSER=true) but " + missing);
    }
    Assumptions.abort(missing);
  }

  /**
   * A browser as an officer's, at 1366×768 in Vietnam's time zone, but set to English: the worst
   * case for the webapps' language.
   */
  static Chromium start() {
    assumeInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("dt-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Ho_Chi_Minh"))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
    return new Chromium(driver, profile);
  }
}
