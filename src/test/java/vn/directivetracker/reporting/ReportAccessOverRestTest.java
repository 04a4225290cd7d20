package vn.directivetracker.reporting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.support.Http;

/**
 * The report endpoints over real HTTP: agencies see the directives they lead, managers and
 * standing offices see all, bad parameters are named, and the webapps' login opens them for reading
 * (writes with the session need its CSRF token).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportAccessOverRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  String notice;

  @BeforeEach
  void directivesOfTwoMinistries() {
    ProcessEngines.registerProcessEngine(engine);
    notice = "R" + UUID.randomUUID().toString().substring(0, 6) + "/TB-VPCP";
    start("BCA");
    start("BYT");
  }

  @Test
  void anOfficerSeesOnlyTheDirectivesTheirAgencyLeads() throws Exception {
    JsonNode report = json(get("/api/reports/status", "officer-byt"));
    assertThat(report.path("directives")).isNotEmpty();
    report.path("directives").forEach(row -> assertThat(row.path("leadAgency").asText()).isEqualTo("BYT"));
    report.path("agencies").forEach(line -> assertThat(line.path("agency").asText()).isEqualTo("BYT"));
    JsonNode viewer = json(get("/api/reports/viewer", "officer-byt"));
    assertThat(viewer.path("seesAll").asBoolean()).isFalse();
    assertThat(viewer.path("agencies").get(0).path("code").asText()).isEqualTo("BYT");
    assertThat(viewer.path("agencies").get(0).path("name").asText()).isEqualTo("Bộ Y tế");
  }

  @Test
  void theMinistriesThatPrepareTheReviewSeeTheWholeProgramme() throws Exception {
    // 315/TB-VPCP §6: BKHCN and BCA report on every directive to the standing body
    assertThat(json(get("/api/reports/viewer", "officer-bca")).path("seesAll").asBoolean()).isTrue();
    assertThat(json(get("/api/reports/status?notice=" + encode(notice), "officer-bkhcn")).path("directives")
        .findValuesAsText("leadAgency")).contains("BCA", "BYT");
  }

  @Test
  void theCatalogOffersOnlyWhatTheViewerMaySee() throws Exception {
    JsonNode officer = json(get("/api/reports/catalog", "officer-byt"));
    assertThat(officer.path("leadAgencies").findValuesAsText("code")).containsExactly("BYT");
    assertThat(officer.path("notices").findValuesAsText("number")).contains(notice);
    assertThat(officer.path("agencyNames").path("BCA").asText()).isEqualTo("Bộ Công an");
    assertThat(json(get("/api/reports/catalog", "manager")).path("leadAgencies").findValuesAsText("code"))
        .contains("BCA", "BYT");
  }

  @Test
  void anOfficerAskingForAnotherAgencyIsRefused() throws Exception {
    HttpResponse<String> refused = get("/api/reports/status?agency=BCA", "officer-byt");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("BCA");
  }

  @Test
  void managersAndStandingOfficesSeeEveryAgency() throws Exception {
    for (String user : new String[] {"manager", "reviewer-vpcp", "leader"}) {
      // the first page of every directive may hold other tests' ones: this test's notice
      JsonNode report = json(get("/api/reports/status?notice=" + encode(notice), user));
      assertThat(report.path("directives").findValuesAsText("leadAgency")).as(user).contains("BCA", "BYT");
      assertThat(json(get("/api/reports/viewer", user)).path("seesAll").asBoolean()).as(user).isTrue();
    }
    JsonNode byt = json(get("/api/reports/status?agency=BYT", "manager"));
    assertThat(byt.path("directives").findValuesAsText("leadAgency")).containsOnly("BYT");
  }

  @Test
  void badParametersAreNamedAndUnknownThingsAreNotFound() throws Exception {
    HttpResponse<String> bad = get("/api/reports/status?agency=NOPE&asOf=31/6/2026&period=2026-13", "manager");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    assertThat(bad.body()).contains("agency: unknown agency code NOPE", "asOf: 31/6/2026", "period: 2026-13");
    assertThat(get("/api/reports/status?period=1999-01", "manager").statusCode()).isEqualTo(404);
    assertThat(get("/api/reports/status?notice=404/TB-NOPE", "manager").statusCode()).isEqualTo(404);
  }

  @Test
  void theDirectivesComeInPagesBehindTheTotals() throws Exception {
    String scope = "/api/reports/status?notice=" + encode(notice);
    JsonNode first = json(get(scope + "&limit=1", "manager"));
    assertThat(first.path("directives")).hasSize(1);
    assertThat(first.path("directivesTotal").asInt()).isEqualTo(2);
    assertThat(first.path("offset").asInt()).isZero();
    assertThat(first.path("limit").asInt()).isEqualTo(1);
    assertThat(first.path("totals").path("total").asInt()).isEqualTo(2);
    JsonNode second = json(get(scope + "&limit=1&offset=1", "manager"));
    assertThat(second.path("directives")).hasSize(1);
    assertThat(List.of(first.path("directives").get(0).path("leadAgency").asText(),
        second.path("directives").get(0).path("leadAgency").asText())).containsExactlyInAnyOrder("BCA", "BYT");
    assertThat(json(get(scope + "&offset=2", "manager")).path("directives")).isEmpty();
    // limit=0: the aggregates alone
    JsonNode counts = json(get(scope + "&limit=0", "manager"));
    assertThat(counts.path("directives")).isEmpty();
    assertThat(counts.path("directivesTotal").asInt()).isEqualTo(2);
    assertThat(counts.path("agencies").findValuesAsText("agency")).containsExactlyInAnyOrder("BCA", "BYT");
  }

  @Test
  void statusAndSearchNarrowTheListButNotTheTotals() throws Exception {
    String scope = "/api/reports/status?notice=" + encode(notice);
    String status = json(get(scope, "manager")).path("directives").get(0).path("status").asText();
    JsonNode same = json(get(scope + "&status=" + status, "manager"));
    assertThat(same.path("directivesTotal").asInt()).isEqualTo(2);
    JsonNode none = json(get(scope + "&status=ONGOING_CLOSED", "manager"));
    assertThat(none.path("directives")).isEmpty();
    assertThat(none.path("directivesTotal").asInt()).isZero();
    assertThat(none.path("totals").path("total").asInt()).isEqualTo(2);

    // diacritics and case are ignored, every word must match: the lead agency's name, the text
    for (String q : List.of("bo y te", "BỘ Y TẾ", "Bộ y tế")) {
      JsonNode found = json(get(scope + "&q=" + encode(q), "manager"));
      assertThat(found.path("directives").findValuesAsText("leadAgency")).as(q).containsExactly("BYT");
      assertThat(found.path("directivesTotal").asInt()).as(q).isEqualTo(1);
      assertThat(found.path("totals").path("total").asInt()).as(q).isEqualTo(2);
    }
    assertThat(json(get(scope + "&q=" + encode("ra soat thu tuc"), "manager")).path("directivesTotal").asInt())
        .isEqualTo(2);
    assertThat(json(get(scope + "&q=" + encode("thủ tục bộ công an"), "manager")).path("directives")
        .findValuesAsText("leadAgency")).containsExactly("BCA");
    // LIKE's own characters are searched for as they are
    assertThat(json(get(scope + "&q=" + encode("%"), "manager")).path("directivesTotal").asInt()).isZero();
    assertThat(json(get(scope + "&q=" + encode("_"), "manager")).path("directivesTotal").asInt()).isZero();

    // the files take the same filter
    HttpResponse<byte[]> csv = download("/api/reports/status.csv?notice=" + encode(notice) + "&q=" + encode("bo y te"),
        "manager");
    String text = new String(csv.body(), 3, csv.body().length - 3, UTF_8);
    assertThat(text.split("\r\n")).hasSize(2);
    assertThat(text).contains("Bộ Y tế").doesNotContain("Bộ Công an");
  }

  @Test
  void anOfficerNeverSeesAnotherAgencysRowsInPagesCountsOrSearch() throws Exception {
    JsonNode all = json(get("/api/reports/status?limit=1000", "officer-byt"));
    assertThat(all.path("directives").findValuesAsText("leadAgency")).isNotEmpty().containsOnly("BYT");
    assertThat(all.path("directivesTotal").asInt()).isEqualTo(all.path("totals").path("total").asInt());
    assertThat(all.path("agencies").findValuesAsText("agency")).containsOnly("BYT");
    // the BCA directive matches this search, but is not theirs to see or count
    JsonNode search = json(get("/api/reports/status?q=" + encode("bộ công an " + notice), "officer-byt"));
    assertThat(search.path("directives")).isEmpty();
    assertThat(search.path("directivesTotal").asInt()).isZero();
    JsonNode notice = json(get("/api/reports/status?q=" + encode(this.notice), "officer-byt"));
    assertThat(notice.path("directives").findValuesAsText("leadAgency")).containsExactly("BYT");
    assertThat(notice.path("directivesTotal").asInt()).isEqualTo(1);
    JsonNode paged = json(get("/api/reports/status?limit=1&offset=0&notice=" + encode(this.notice), "officer-byt"));
    assertThat(paged.path("directivesTotal").asInt()).isEqualTo(1);
    assertThat(paged.path("totals").path("total").asInt()).isEqualTo(1);
    // the manager's same search finds it
    assertThat(json(get("/api/reports/status?q=" + encode("bộ công an " + this.notice), "manager"))
        .path("directives").findValuesAsText("leadAgency")).containsExactly("BCA");
  }

  @Test
  void badPagingAndFilterParametersAreNamed() throws Exception {
    HttpResponse<String> bad = get("/api/reports/status?offset=-1&limit=1001&status=LATE&q=" + "x".repeat(201), "manager");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    assertThat(bad.body()).contains("offset: -1", "limit: 1001", "status: LATE", "q: longer than 200");
    assertThat(get("/api/reports/status?limit=abc", "manager").body()).contains("limit: abc");
    assertThat(get("/api/reports/status?offset=1e3", "manager").statusCode()).isEqualTo(400);
    assertThat(get("/api/reports/status.xlsx?status=nope", "manager").statusCode()).isEqualTo(400);
    assertThat(get("/api/reports/status?limit=1000&q=" + "x".repeat(200), "manager").statusCode()).isEqualTo(200);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, UTF_8);
  }

  @Test
  void anonymousCallersGet401AndNoPasswordDialog() throws Exception {
    HttpResponse<String> anonymous = get("/api/reports/status", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    HttpResponse<String> scripted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/reports/viewer"))
        .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    assertThat(scripted.statusCode()).isEqualTo(401);
    assertThat(scripted.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void theTasklistLoginOpensTheReportsForReadingOnly() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String token = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=officer-byt&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);

    HttpResponse<String> viewer = browser.send(HttpRequest.newBuilder(uri("/api/reports/viewer")).build(),
        HttpResponse.BodyHandlers.ofString(UTF_8));
    assertThat(viewer.statusCode()).isEqualTo(200);
    assertThat(json(viewer).path("userId").asText()).isEqualTo("officer-byt");
    JsonNode report = json(browser.send(HttpRequest.newBuilder(uri("/api/reports/status")).build(),
        HttpResponse.BodyHandlers.ofString(UTF_8)));
    assertThat(report.path("directives").findValuesAsText("leadAgency")).containsOnly("BYT");

    // a write with the session cookie alone could be forged by another site: it needs the session's
    // CSRF token (or Basic), and nothing is written without it
    int notices = jdbc.queryForObject("select count(*) from dt_notice", Integer.class);
    HttpResponse<String> write = browser.send(HttpRequest.newBuilder(uri("/api/notices"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(write.body()).contains("CSRF token missing or wrong");
    assertThat(jdbc.queryForObject("select count(*) from dt_notice", Integer.class)).isEqualTo(notices);
  }

  @Test
  void theExportsOpenWithTheReportsTotalsAndVietnameseIntact() throws Exception {
    String query = "?notice=" + java.net.URLEncoder.encode(notice, UTF_8);
    JsonNode report = json(get("/api/reports/status" + query, "manager"));

    HttpResponse<byte[]> xlsx = download("/api/reports/status.xlsx" + query, "manager");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".xlsx");
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
      var directives = workbook.getSheet(StatusExports.DIRECTIVE_SHEET);
      var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
      java.util.List<String> texts = new java.util.ArrayList<>();
      directives.forEach(row -> row.forEach(cell -> texts.add(formatter.formatCellValue(cell))));
      assertThat(texts).contains("Rà soát thủ tục hành chính", "Bộ Công an", "Bộ Y tế", "31/12/2026");
      var agencies = workbook.getSheet(StatusExports.AGENCY_SHEET);
      java.util.List<String> totalsRow = new java.util.ArrayList<>();
      agencies.forEach(row -> {
        if (StatusExports.TOTAL_LABEL.equals(formatter.formatCellValue(row.getCell(0)))
            || StatusExports.TOTAL_LABEL.equals(formatter.formatCellValue(row.getCell(1)))) {
          row.forEach(cell -> totalsRow.add(formatter.formatCellValue(cell)));
        }
      });
      assertThat(totalsRow).contains(report.path("totals").path("total").asText());
    }

    HttpResponse<byte[]> csv = download("/api/reports/status.csv" + query, "officer-byt");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(java.util.Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(csv.body(), 3, csv.body().length - 3, UTF_8);
    assertThat(text).contains("Bộ Y tế", "Rà soát thủ tục hành chính").doesNotContain("Bộ Công an");
    assertThat(text.split("\r\n")).hasSize(2);

    assertThat(new String(download("/api/reports/status.csv" + query + "&list=agencies", "manager").body(), UTF_8))
        .contains("Bộ Công an", "Bộ Y tế", StatusExports.TOTAL_LABEL);
    assertThat(download("/api/reports/status.csv?list=everything", "manager").statusCode()).isEqualTo(400);
    assertThat(download("/api/reports/status.xlsx?agency=BCA", "officer-byt").statusCode()).isEqualTo(403);
  }

  private HttpResponse<byte[]> download(String path, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
        + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(UTF_8))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private void start(String lead) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("noticeNumber", notice);
    variables.put("itemRef", "1");
    variables.put("directiveText", "Rà soát thủ tục hành chính");
    variables.put("leadAgency", lead);
    variables.put("coordinatingAgenciesText", "");
    variables.put("standingOffice", "VPCP");
    variables.put("deadlineKind", "DATE");
    variables.put("deadlineDate", "2026-12-31");
    variables.put("deadlinePhrase", "Trước 31/12/2026");
    variables.put("keyTask", true);
    engine.getRuntimeService().startProcessInstanceByKey("directive", notice + "/1/" + lead, variables);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return Http.call(port, "GET", path, user, null, null);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
