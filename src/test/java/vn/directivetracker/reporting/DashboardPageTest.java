package vn.directivetracker.reporting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.support.Http;

/**
 * The managers' dashboard over real HTTP: the page is public (its data is not), everything it loads
 * comes from the app, the report API lets the page show its own login (no browser password dialog), and
 * the page signs in
 * through the Camunda webapps' login with the session's CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardPageTest {

  /** Identifiers that look like URLs but are never fetched. */
  private static final Set<String> NOT_FETCHED = Set.of("http://www.w3.org/2000/svg");
  private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)https?://[^\\s'\"()<>]+");
  private static final Pattern ASSET = Pattern.compile("(?i)(?:src|href)\\s*=\\s*\"([^\"]*)\"");

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @BeforeEach
  void serveThisEngineOverRest() {
    // other cached test contexts register an engine too; REST must serve this one
    ProcessEngines.registerProcessEngine(engine);
  }

  @Test
  void theDashboardPageIsServedWithoutLogin() throws Exception {
    for (String path : List.of("/dashboard", "/dashboard/")) {
      HttpResponse<String> page = Http.call(port, "GET", path, null, null, null);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
      assertThat(page.body()).contains("<html lang=\"vi\">", "Bảng theo dõi thực hiện nhiệm vụ", "Tên đăng nhập",
          "Mật khẩu", "/dashboard/dashboard.js", "/dashboard/dashboard.css");
    }
  }

  @Test
  void thePageAndItsAssetsReferenceNothingOutsideTheApp() throws Exception {
    String page = Http.call(port, "GET", "/dashboard", null, null, null).body();
    List<String> assets = new ArrayList<>();
    Matcher reference = ASSET.matcher(page);
    while (reference.find()) {
      String target = reference.group(1);
      assertThat(target).as("src/href in index.html").doesNotStartWith("//").doesNotContainIgnoringCase("http:")
          .doesNotContainIgnoringCase("https:");
      if (target.startsWith("/dashboard/")) {
        assets.add(target);
      }
    }
    assertThat(assets).contains("/dashboard/dashboard.js", "/dashboard/dashboard.css");
    assertNoExternalUrl("index.html", page);
    for (String asset : assets) {
      HttpResponse<String> file = Http.call(port, "GET", asset, null, null, null);
      assertThat(file.statusCode()).as(asset).isEqualTo(200);
      assertNoExternalUrl(asset, file.body());
      assertThat(file.body()).as(asset).doesNotContain("@import").doesNotContain("url(http").doesNotContain("url(//");
    }
  }

  @Test
  void theReportApiAnswersScriptsWithoutABasicChallenge() throws Exception {
    HttpResponse<String> scripted = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/reports/viewer"))
        .header("X-Requested-With", "XMLHttpRequest").build());
    assertThat(scripted.statusCode()).isEqualTo(401);
    assertThat(scripted.headers().firstValue("WWW-Authenticate")).isEmpty();

    // nor anyone else: a browser that was challenged would remember the password for every site's requests
    HttpResponse<String> plain = Http.call(port, "GET", "/api/reports/viewer", null, null, null);
    assertThat(plain.statusCode()).isEqualTo(401);
    assertThat(plain.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void thePageSignsInThroughTheWebappLoginWithTheSessionsToken() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    // the first GET under /camunda creates the token and sends it once, in a header
    HttpResponse<String> first = send(browser, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).build());
    String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> second = send(browser, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).build());
    assertThat(second.headers().firstValue("X-XSRF-TOKEN")).as("Camunda sends the token only once").isEmpty();

    // ... so the page reads it back from the session
    HttpResponse<String> readBack = send(browser, HttpRequest.newBuilder(uri("/dashboard/xsrf-token")).build());
    assertThat(readBack.statusCode()).isEqualTo(200);
    assertThat(readBack.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
    assertThat(readBack.body()).isEqualTo("{\"token\":\"" + token + "\"}");

    HttpResponse<String> login = send(browser, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=manager&password=demo", UTF_8)).build());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    HttpResponse<String> viewer = send(browser, HttpRequest.newBuilder(uri("/api/reports/viewer"))
        .header("X-Requested-With", "XMLHttpRequest").build());
    assertThat(viewer.statusCode()).isEqualTo(200);
    assertThat(viewer.body()).contains("\"userId\":\"manager\"", "\"seesAll\":true");

    // a session without a token (none created yet) reads back nothing, and creates no session
    HttpResponse<String> anonymous = Http.call(port, "GET", "/dashboard/xsrf-token", null, null, null);
    assertThat(anonymous.body()).isEqualTo("{}");
    assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();
  }

  private static void assertNoExternalUrl(String file, String text) {
    Matcher url = ABSOLUTE_URL.matcher(text);
    while (url.find()) {
      assertThat(NOT_FETCHED).as("absolute URL in " + file).contains(url.group());
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
  }
}
