package vn.directivetracker.access;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.web.SecurityHeadersFilter;

/**
 * The attacker's HTTP tricks, on the real server: no Basic challenge a browser would remember,
 * no write another site can make the browser send (cross-site origin, form content types, the
 * session cookie without its CSRF token), security headers, body sizes checked before parsing,
 * failed logins that slow an attacker without locking the officer out, and error answers without
 * stack traces or class names. Run on H2 and PostgreSQL, with small body limits ({@link #REQUEST_LIMIT}, {@link #NOTICE_LIMIT}).
 */
abstract class HttpHygienePaths {

  /** Subclasses start the app with these limits: small bodies keep the test fast. */
  static final String REQUEST_LIMIT = "directive-tracker.http.max-request-bytes=65536";
  static final String NOTICE_LIMIT = "directive-tracker.http.max-notice-bytes=131072";
  static final int MAX_REQUEST_BYTES = 65536;
  static final int MAX_NOTICE_BYTES = 131072;

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired MultipartProperties multipart;
  @Autowired ServerProperties server;
  @LocalServerPort int port;

  @BeforeEach
  void serveThisEngineOnARunningClock() {
    // other cached test contexts register an engine too; REST must serve this one
    ProcessEngines.registerProcessEngine(engine);
    // login delays are measured on the engine clock; another test may have left it frozen
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ no Basic challenge

  @Test
  void anonymousCallsGet401WithAProblemBodyAndNoBasicChallenge() throws Exception {
    for (HttpResponse<String> response : List.of(send("GET", "/api/reports/status", null, null, null),
        send("GET", "/engine-rest/task", null, null, null),
        send("POST", "/api/notices", null, "application/json", "{}"),
        // a user no other test here signs in as: a wrong password delays their next login
        send("GET", "/api/reports/viewer", "leader:wrong-password", null, null),
        send("GET", "/engine-rest/task", "leader:wrong-password", null, null))) {
      String what = response.request().method() + " " + response.uri();
      assertThat(response.statusCode()).as(what).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).isEmpty();
      assertProblem(response, "Authentication required: send HTTP Basic credentials or sign in");
    }
  }

  @Test
  void basicCredentialsSentWithTheRequestStillWork() throws Exception {
    HttpResponse<String> viewer = send("GET", "/api/reports/viewer", "manager:demo", null, null);
    assertThat(viewer.statusCode()).isEqualTo(200);
    assertThat(viewer.body()).contains("\"userId\":\"manager\"");
    HttpResponse<String> tasks = send("GET", "/engine-rest/task?maxResults=1", "officer-bca:demo", null, null);
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).startsWith("[");
  }

  // ------------------------------------------------------------------ cross-site writes

  @Test
  void aCrossSiteNoticeImportWithValidCredentialsIsRefusedAndWritesNothing() throws Exception {
    String notice = notice();
    int before = notices();

    HttpResponse<String> textPlain = send(post("/api/notices", "reviewer-vpcp:demo", "text/plain", notice)
        .header("Origin", "https://evil.example"));
    assertThat(textPlain.statusCode()).isEqualTo(403);
    assertProblem(textPlain, "Writes are accepted only from this application's own pages");

    HttpResponse<String> fetchMetadata = send(post("/api/notices", "reviewer-vpcp:demo", "application/yaml", notice)
        .header("Sec-Fetch-Site", "cross-site"));
    assertThat(fetchMetadata.statusCode()).isEqualTo(403);

    // a browser that sends no Origin still cannot send a body type a form can send
    HttpResponse<String> sameOriginTextPlain = send(post("/api/notices", "reviewer-vpcp:demo", "text/plain", notice)
        .header("Origin", origin()));
    assertThat(sameOriginTextPlain.statusCode()).isEqualTo(415);
    assertProblem(sameOriginTextPlain, "application/json");
    for (String formType : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
      assertThat(send(post("/api/notices", "reviewer-vpcp:demo", formType, notice)).statusCode()).as(formType)
          .isEqualTo(415);
    }
    assertThat(notices()).isEqualTo(before);

    // the same notice from this origin, in a type a form cannot send, is imported: the refusals were the filter's
    HttpResponse<String> imported = send(post("/api/notices", "reviewer-vpcp:demo", "application/yaml", notice)
        .header("Origin", origin()));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(notices()).isEqualTo(before + 1);
  }

  @Test
  void crossSiteWritesToTheEngineAndTheWebappLoginAreRefused() throws Exception {
    long started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice").count();
    HttpResponse<String> start = send(post("/engine-rest/process-definition/key/notice/start", "admin:demo",
        "application/json", "{}").header("Origin", "https://evil.example"));
    assertThat(start.statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notice").count())
        .isEqualTo(started);
    // login CSRF: another site signing the browser in as the attacker
    HttpResponse<String> login = send(post("/camunda/api/admin/auth/user/default/login/tasklist", null,
        "application/x-www-form-urlencoded", "username=officer-bca&password=demo").header("Origin", "https://evil.example"));
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aSameOriginWriteWithBasicGetsPastTheFilters() throws Exception {
    int before = notices();
    HttpResponse<String> invalid = send(post("/api/notices", "reviewer-vpcp:demo", "application/json",
        "{\"number\": \"\", \"standingOffice\": \"VPCP\", \"items\": []}").header("Origin", origin())
        .header("Sec-Fetch-Site", "same-origin"));
    assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
    assertThat(invalid.body()).contains("Invalid notice");
    assertThat(notices()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ CSRF for the session

  @Test
  void aSessionOnlyWriteNeedsTheSessionsCsrfToken() throws Exception {
    Browser browser = Browser.signedIn(this, "reviewer-vpcp");
    String notice = notice();
    int before = notices();

    HttpResponse<String> withoutToken = browser.send(post("/api/notices", null, "application/yaml", notice));
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertProblem(withoutToken, "CSRF token missing or wrong");
    // the login started a new session, which gets its token with the next GET under /camunda
    String token = browser.send(get("/camunda/api/admin/auth/user/default")).headers().firstValue("X-XSRF-TOKEN")
        .orElseThrow();
    HttpResponse<String> wrongToken = browser.send(post("/api/notices", null, "application/yaml", notice)
        .header("X-XSRF-TOKEN", new StringBuilder(token).reverse().toString()));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(notices()).isEqualTo(before);

    // reading needs no token, as before
    assertThat(browser.send(get("/api/reports/viewer")).body()).contains("\"userId\":\"reviewer-vpcp\"");

    // the dashboard reads the token back from /dashboard/xsrf-token
    assertThat(browser.send(get("/dashboard/xsrf-token")).body()).isEqualTo("{\"token\":\"" + token + "\"}");
    HttpResponse<String> withToken = browser.send(post("/api/notices", null, "application/yaml", notice)
        .header("X-XSRF-TOKEN", token).header("Origin", origin()));
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
    assertThat(notices()).isEqualTo(before + 1);
    assertThat(jdbc.queryForObject("select imported_by from dt_notice where number = ?", String.class, number(notice)))
        .isEqualTo("reviewer-vpcp");
  }

  @Test
  void aSessionWriteWithValidBasicCredentialsNeedsNoToken() throws Exception {
    Browser browser = Browser.signedIn(this, "officer-bca");
    HttpResponse<String> write = browser.send(post("/api/notices", "reviewer-vpcp:demo", "application/json",
        "{\"number\": \"\", \"standingOffice\": \"VPCP\", \"items\": []}"));
    assertThat(write.statusCode()).as(write.body()).isEqualTo(400);
    assertThat(write.body()).contains("Invalid notice");
  }

  // ------------------------------------------------------------------ security headers

  @Test
  void theDashboardAndTheApisCarryTheSecurityHeaders() throws Exception {
    assertHeaders(send("GET", "/dashboard", null, null, null), SecurityHeadersFilter.DASHBOARD_POLICY);
    assertHeaders(send("GET", "/dashboard/dashboard.js", null, null, null), SecurityHeadersFilter.DASHBOARD_POLICY);
    assertHeaders(send("GET", "/api/reports/viewer", "manager:demo", null, null), SecurityHeadersFilter.API_POLICY);
    assertHeaders(send("GET", "/api/reports/viewer", null, null, null), SecurityHeadersFilter.API_POLICY);
    assertHeaders(send("GET", "/engine-rest/task?maxResults=1", "manager:demo", null, null),
        SecurityHeadersFilter.API_POLICY);
    assertHeaders(send("GET", "/engine-rest/process-definition/key/nope", "manager:demo", null, null),
        SecurityHeadersFilter.API_POLICY);
    assertHeaders(send("GET", "/actuator/health", null, null, null), SecurityHeadersFilter.API_POLICY);
    // the webapps keep the headers Camunda sends
    HttpResponse<String> tasklist = send("GET", "/camunda/app/tasklist/default/", null, null, null);
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.headers().allValues("Content-Security-Policy"))
        .doesNotContain(SecurityHeadersFilter.DASHBOARD_POLICY, SecurityHeadersFilter.API_POLICY).isNotEmpty();
  }

  // ------------------------------------------------------------------ sizes

  @Test
  void theMultipartAndFormLimitsAgreeWithTheRequestLimit() {
    assertThat(multipart.getMaxFileSize().toBytes()).isEqualTo(MAX_REQUEST_BYTES);
    assertThat(multipart.getMaxRequestSize().toBytes()).isEqualTo(MAX_REQUEST_BYTES);
    assertThat(server.getTomcat().getMaxHttpFormPostSize().toBytes()).isEqualTo(MAX_REQUEST_BYTES);
  }

  @Test
  void aBodyOverTheLimitByContentLengthIs413AndWritesNothing() throws Exception {
    int before = notices();
    HttpResponse<String> notice = send(post("/api/notices", "reviewer-vpcp:demo", "application/yaml",
        padded(notice(), MAX_NOTICE_BYTES + 1)));
    assertThat(notice.statusCode()).isEqualTo(413);
    assertProblem(notice, "larger than " + MAX_NOTICE_BYTES + " bytes");
    assertThat(notices()).isEqualTo(before);

    long started = engine.getRuntimeService().createProcessInstanceQuery().count();
    HttpResponse<String> engineStart = send(post("/engine-rest/process-definition/key/notice/start", "admin:demo",
        "application/json", startBody(MAX_REQUEST_BYTES + 1)));
    assertThat(engineStart.statusCode()).isEqualTo(413);
    assertProblem(engineStart, "larger than " + MAX_REQUEST_BYTES + " bytes");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(started);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413AndWritesNothing() throws Exception {
    int before = notices();
    HttpResponse<String> notice = sendChunked("/api/notices", "reviewer-vpcp:demo", "application/yaml",
        padded(notice(), MAX_NOTICE_BYTES + 4096));
    assertThat(notice.statusCode()).as(notice.body()).isEqualTo(413);
    assertProblem(notice, "larger than " + MAX_NOTICE_BYTES + " bytes");
    assertThat(notices()).isEqualTo(before);

    long started = engine.getRuntimeService().createProcessInstanceQuery().count();
    HttpResponse<String> engineStart = sendChunked("/engine-rest/process-definition/key/notice/start", "admin:demo",
        "application/json", startBody(MAX_REQUEST_BYTES + 4096));
    assertThat(engineStart.statusCode()).as(engineStart.body()).isEqualTo(413);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(started);
  }

  @Test
  void aNoticeOverTheGeneralLimitButWithinItsOwnIsImported() throws Exception {
    int before = notices();
    String notice = padded(notice(), MAX_REQUEST_BYTES + 4096);
    HttpResponse<String> chunked = sendChunked("/api/notices", "reviewer-vpcp:demo", "application/yaml", notice);
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(201);
    assertThat(notices()).isEqualTo(before + 1);
  }

  // ------------------------------------------------------------------ login throttling

  @Test
  void failedLoginsSlowAnAttackerButNeverLockTheOfficerOut() throws Exception {
    String user = "officer-btc";
    Duration cap = Duration.ofSeconds(1); // directive-tracker.login.max-delay-seconds in the test configuration
    for (int attempt = 1; attempt <= 12; attempt++) {
      // through the webapps' login and through HTTP Basic: both count
      int status = attempt % 2 == 0 ? webappLogin(new Browser(this), user, "wrong-" + attempt).statusCode()
          : send("GET", "/engine-rest/task", user + ":wrong-" + attempt, null, null).statusCode();
      assertThat(status).as("attempt " + attempt).isEqualTo(401);
      // wait out the delay, so every failure counts (a refused attempt during the delay does not)
      Thread.sleep(cap.toMillis() + 150);
    }
    UserEntity counted = (UserEntity) engine.getIdentityService().createUserQuery().userId(user).singleResult();
    assertThat(counted.getAttempts()).as("failures counted, more than Camunda's default lock-out of 10").isEqualTo(12);

    // the delay holds for the right password too ...
    HttpResponse<String> lastWrong = send("GET", "/engine-rest/task", user + ":wrong-13", null, null);
    Instant failedAt = Instant.now();
    assertThat(lastWrong.statusCode()).isEqualTo(401);
    UserEntity delayed = (UserEntity) engine.getIdentityService().createUserQuery().userId(user).singleResult();
    assertThat(delayed.getLockExpirationTime().toInstant()).isBetween(failedAt.minus(cap).minusSeconds(1),
        failedAt.plus(cap).plusSeconds(1));
    HttpResponse<String> tooEarly = send("GET", "/engine-rest/task", user + ":demo", null, null);
    if (Instant.now().isBefore(delayed.getLockExpirationTime().toInstant().minusMillis(200))) {
      assertThat(tooEarly.statusCode()).as("right password during the delay").isEqualTo(401);
    }

    // ... and expires by itself: no administrator needed
    Thread.sleep(cap.toMillis() + 300);
    HttpResponse<String> verified = send(post("/engine-rest/identity/verify", "admin:demo", "application/json",
        "{\"username\": \"" + user + "\", \"password\": \"demo\"}"));
    assertThat(verified.body()).as("checked by the administrator").contains("\"authenticated\":true");
    assertThat(webappLogin(new Browser(this), user, "demo").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/engine-rest/task", user + ":demo", null, null).statusCode()).isEqualTo(200);
    UserEntity unlocked = (UserEntity) engine.getIdentityService().createUserQuery().userId(user).singleResult();
    assertThat(unlocked.getAttempts()).isZero();
  }

  // ------------------------------------------------------------------ report parameters and error answers

  @Test
  void aReportMomentOutsideTheCalendarsYearsIs400NamingTheParameter() throws Exception {
    for (String asOf : List.of("%2B999999999-12-31T00:00:00Z", "1900-12-31", "2199-01-01", "-000001-01-01T00:00:00Z")) {
      HttpResponse<String> response = send("GET", "/api/reports/status?asOf=" + asOf, "manager:demo", null, null);
      assertThat(response.statusCode()).as(asOf).isEqualTo(400);
      assertProblem(response, "asOf: ");
      assertThat(response.body()).as(asOf).contains("1901 to 2198");
    }
    HttpResponse<String> period = send("GET", "/api/reports/status.csv?period=%2B999999999-01", "manager:demo", null, null);
    assertThat(period.statusCode()).isEqualTo(400);
    assertThat(period.body()).contains("period: +999999999-01", "1901 to 2198");
    for (String edge : List.of("1901-01-01", "2198-12-31")) {
      assertThat(send("GET", "/api/reports/status?asOf=" + edge, "manager:demo", null, null).statusCode()).as(edge)
          .isEqualTo(200);
    }
  }

  @Test
  void errorAnswersCarryNoStackTraceNorClassName() throws Exception {
    List<HttpResponse<String>> errors = new ArrayList<>();
    errors.add(send("GET", "/api/no-such-endpoint", "manager:demo", null, null));
    errors.add(send("POST", "/api/reports/status", "manager:demo", "application/json", "{}"));
    errors.add(send("POST", "/api/notices", "reviewer-vpcp:demo", "application/octet-stream", "x"));
    errors.add(send("POST", "/api/notices", "reviewer-vpcp:demo", "application/json", "{\"items\": 1}"));
    errors.add(send("GET", "/api/reports/status?asOf=%2B999999999-12-31T00:00:00Z", "manager:demo", null, null));
    errors.add(send("GET", "/api/reports/status?agency=BCA", "officer-byt:demo", null, null));
    errors.add(send("GET", "/api/reports/status", null, null, null));
    errors.add(sendChunked("/api/notices", "reviewer-vpcp:demo", "application/yaml", padded(notice(), MAX_NOTICE_BYTES + 1)));
    errors.add(send("GET", "/dashboard/no-such-file.js", null, null, null));
    for (HttpResponse<String> error : errors) {
      String what = error.request().method() + " " + error.uri() + " -> " + error.statusCode();
      assertThat(error.statusCode()).as(what).isBetween(400, 599);
      assertThat(error.body()).as(what).isNotBlank().doesNotContain("Exception", "at org.", "at java.", "java.",
          "org.springframework", "org.camunda", "\"trace\"", "\"exception\"");
    }
  }

  // ------------------------------------------------------------------ helpers

  /** A browser: cookies, and the CSRF token Camunda hands out with the first GET under /camunda. */
  static final class Browser {
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    final String token;

    Browser(HttpHygienePaths test) throws Exception {
      token = client.send(HttpRequest.newBuilder(test.uri("/camunda/api/admin/auth/user/default")).build(),
          HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    }

    static Browser signedIn(HttpHygienePaths test, String user) throws Exception {
      Browser browser = new Browser(test);
      HttpResponse<String> login = test.webappLogin(browser, user, "demo");
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      return browser;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }
  }

  HttpResponse<String> webappLogin(Browser browser, String user, String password) throws Exception {
    return browser.send(post("/camunda/api/admin/auth/user/default/login/tasklist", null,
        "application/x-www-form-urlencoded", "username=" + user + "&password=" + password)
        .header("X-XSRF-TOKEN", browser.token));
  }

  private static void assertHeaders(HttpResponse<String> response, String policy) {
    String what = response.uri() + " -> " + response.statusCode();
    assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
    assertThat(response.headers().allValues("Content-Security-Policy")).as(what).containsExactly(policy);
  }

  private static void assertProblem(HttpResponse<String> response, String detail) {
    String what = response.request().method() + " " + response.uri();
    assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).as(what).contains("\"status\":" + response.statusCode(), detail);
  }

  private static String notice() {
    return """
        number: "%s"
        issuer: VPCP
        standingOffice: VPCP
        title: "Kết luận về an toàn thông tin"
        issuedOn: 2026-11-20
        items:
          - ref: "1"
            text: "Bộ Công an rà soát an toàn thông tin các hệ thống dùng chung."
            lead: BCA
            deadline: {kind: DATE, date: 2026-12-30, phrase: "Hoàn thành trước ngày 30 tháng 12 năm 2026"}
        """.formatted("H" + UUID.randomUUID().toString().substring(0, 8) + "/TB-VPCP");
  }

  private static String number(String notice) {
    return notice.replaceAll("(?s)^number: \"([^\"]+)\".*", "$1");
  }

  /** The notice followed by YAML comment lines, {@code bytes} long in all (UTF-8). */
  private static String padded(String notice, int bytes) {
    StringBuilder text = new StringBuilder(notice);
    int missing = bytes - notice.getBytes(UTF_8).length;
    while (missing > 0) {
      int line = Math.min(missing, 100);
      text.append(line == 1 ? "\n" : "#" + "x".repeat(line - 2) + "\n");
      missing -= line;
    }
    return text.toString();
  }

  /** A start request that a JSON parser must read to the end: one long business key. */
  private static String startBody(int bytes) {
    String head = "{\"businessKey\": \"";
    return head + "k".repeat(bytes - head.length() - 2) + "\"}";
  }

  private int notices() {
    return jdbc.queryForObject("select count(*) from dt_notice", Integer.class);
  }

  private String origin() {
    return "http://localhost:" + port;
  }

  URI uri(String path) {
    return URI.create(origin() + path);
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  /** @param credentials {@code user:password} for HTTP Basic, or null */
  private HttpRequest.Builder post(String path, String credentials, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
    return credentials == null ? request : request.header("Authorization", basic(credentials));
  }

  private HttpResponse<String> send(String method, String path, String credentials, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (credentials != null) {
      request.header("Authorization", basic(credentials));
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  /** A body of unknown length: HTTP/1.1 sends it chunked, without Content-Length. */
  private HttpResponse<String> sendChunked(String path, String credentials, String contentType, String body)
      throws Exception {
    byte[] bytes = body.getBytes(UTF_8);
    HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .header("Authorization", basic(credentials))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8));
  }
}
