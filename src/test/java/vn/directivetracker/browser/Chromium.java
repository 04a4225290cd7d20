package vn.directivetracker.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
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

  static void assumeInstalled() {
    String missing = !Files.isExecutable(BINARY) ? BINARY.toString() : !Files.isExecutable(DRIVER) ? DRIVER.toString() : null;
    if (missing == null) {
      return;
    }
    String why = missing + " is missing (apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("DT_REQUIRE_BROWSER"))) {
      throw new IllegalStateException("Browser required (DT_REQUIRE_BROWSER=true) but " + why);
    }
    Assumptions.abort(why);
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
