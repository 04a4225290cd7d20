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
    assertThat(json(get("/api/reports/status", "officer-bkhcn")).path("directives").findValuesAsText("leadAgency"))
        .contains("BCA", "BYT");
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
      JsonNode report = json(get("/api/reports/status", user));
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
