package vn.directivetracker.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What one test's user sees, page by page: a screenshot of each step in
 * {@code target/browser-screens/<test>-<step>.png} (its visible texts beside it, {@code .txt}), and
 * every visible text that is English, with the page's address, so that a translator can act on it.
 * The English found is also appended to {@code target/browser-screens/english-found.md}.
 */
final class Pages {

  static final Path SCREENS = Path.of("target", "browser-screens");
  private static final String VISIBLE_TEXTS = resource("browser/visible-texts.js");
  private static final EnglishWords ENGLISH = EnglishWords.load();

  record Seen(String text, String where) {}

  record English(String step, String url, String text, String where, List<String> words) {}

  private final WebDriver driver;
  private final String test;
  private final List<English> english = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  Pages(WebDriver driver, String test) {
    this.driver = driver;
    this.test = test;
  }

  /** Waits for the page to settle, saves its screenshot and notes the English on it. */
  List<Seen> look(String step) {
    List<Seen> seen = settledTexts();
    screenshot(step);
    String url = driver.getCurrentUrl();
    List<English> found = new ArrayList<>();
    for (Seen text : seen) {
      List<String> words = ENGLISH.in(text.text());
      if (!words.isEmpty()) {
        found.add(new English(step, url, text.text(), text.where(), words));
      }
    }
    english.addAll(found);
    record(step, url, found);
    saveAll(step, url, seen);
    return seen;
  }

  void screenshot(String step) {
    try {
      Files.createDirectories(SCREENS);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENS.resolve(test + "-" + step + ".png"), png);
    } catch (IOException | RuntimeException e) {
      System.err.println("[browser] no screenshot for " + test + "-" + step + ": " + e);
    }
  }

  /** Something a person could not do as they should on the current page (noted, the test goes on). */
  void problem(String what) {
    String line = what + " — " + driver.getCurrentUrl();
    problems.add(line);
    System.err.println("[browser] " + test + ": " + line);
  }

  /** Fails listing every English text seen by this test, page by page, and every problem noted. */
  void assertAllWasRight() {
    if (english.isEmpty() && problems.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    if (!problems.isEmpty()) {
      message.append(problems.size()).append(" problem(s) met by ").append(test).append(":\n");
      problems.forEach(problem -> message.append("  ").append(problem).append("\n"));
      message.append("\n");
    }
    if (!english.isEmpty()) {
      Map<String, List<English>> byPage = new LinkedHashMap<>();
      for (English found : english) {
        byPage.computeIfAbsent(found.step() + " — " + found.url(), k -> new ArrayList<>()).add(found);
      }
      message.append(english.size()).append(" English text(s) seen by ").append(test)
          .append(" (words from src/test/resources/browser/english-words.txt; allowed-texts.txt lists what may stay):\n");
      byPage.forEach((page, texts) -> {
        message.append("\n").append(page).append("\n");
        for (English found : texts) {
          message.append("  \"").append(found.text()).append("\"  ").append(found.words()).append("  at ")
              .append(found.where()).append("\n");
        }
      });
    }
    fail(message.toString());
  }

  /** The visible texts once two readings half a second apart agree (Angular renders in several passes). */
  @SuppressWarnings("unchecked")
  List<Seen> settledTexts() {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
        ((JavascriptExecutor) d).executeScript("return document.readyState")));
    List<Seen> last = null;
    long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
    while (true) {
      List<Seen> now = new ArrayList<>();
      for (Object entry : (List<Object>) ((JavascriptExecutor) driver).executeScript(VISIBLE_TEXTS)) {
        List<Object> pair = (List<Object>) entry;
        now.add(new Seen(String.valueOf(pair.get(0)), String.valueOf(pair.get(1))));
      }
      if (now.equals(last) || System.nanoTime() > until) {
        return now;
      }
      last = now;
      sleep(500);
    }
  }

  /** Every visible text of the page, for whoever reviews the translation: {@code <test>-<step>.txt}. */
  private void saveAll(String step, String url, List<Seen> seen) {
    StringBuilder text = new StringBuilder(url + "\n");
    seen.forEach(s -> text.append(s.text()).append("\t").append(s.where()).append("\n"));
    try {
      Files.createDirectories(SCREENS);
      Files.writeString(SCREENS.resolve(test + "-" + step + ".txt"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("[browser] could not save the texts of " + step + ": " + e);
    }
  }

  private void record(String step, String url, List<English> found) {
    StringBuilder text = new StringBuilder("\n### " + test + " — " + step + "\n" + url + "\n\n");
    if (found.isEmpty()) {
      text.append("(no English)\n");
    }
    for (English english : found) {
      text.append("- \"").append(english.text()).append("\" ").append(english.words()).append(" — `")
          .append(english.where()).append("`\n");
    }
    try {
      Files.createDirectories(SCREENS);
      Files.writeString(SCREENS.resolve("english-found.md"), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("[browser] could not record English found: " + e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(name, e);
    }
  }
}
