package vn.directivetracker.drafting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/notices/drafts} over real HTTP: a standing office's member gets a draft from
 * pasted text, JSON or a .txt/.docx/.pdf file and nothing is written; other callers, other sites,
 * oversized bodies and files that are not what they claim are refused with a problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoticeDraftOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/api/notices/drafts";
  /** A short notice without diacritics, as a plain PDF font can print it. */
  private static final String[] PLAIN_NOTICE = {
      "VAN PHONG CHINH PHU",
      "So: 77/TB-VPCP Ha Noi, ngay 10 thang 3 nam 2025",
      "THONG BAO",
      "Ket luan cua Pho Thu tuong ve chuyen doi so",
      "",
      "1. Bo Cong an:",
      "a) Chu tri, phoi hop voi Bo Tai chinh xay dung de an. Hoan thanh truoc ngay 30/6/2025.",
      "b) Nhiem vu thuong xuyen: don doc cac dia phuong."};

  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void aStandingOfficeGetsTheDraftOfTheSeedNoticeAndNothingIsWritten() throws Exception {
    long notices = count();
    String ocr = resource("drafting/seeds/315-TB-VPCP.ocr.txt");
    HttpResponse<String> response = send(request("reviewer-vpcp", "text/plain; charset=UTF-8",
        HttpRequest.BodyPublishers.ofString(ocr, UTF_8)).header("Origin", origin()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode draft = JSON.readTree(response.body());
    assertThat(draft.path("notice").path("number").asText()).isEqualTo("315/TB-VPCP");
    assertThat(draft.path("notice").path("issuer").asText()).isEqualTo("VPCP");
    assertThat(draft.path("notice").path("items")).hasSize(27);
    assertThat(draft.path("notice").path("items").get(0).path("lead").asText()).isEqualTo("BCA");
    assertThat(draft.path("marks")).isNotEmpty();
    assertThat(draft.path("source").asText()).contains("315/TB-VPCP");

    HttpResponse<String> fromJson = send(request("reviewer-vpcp", "application/json",
        HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("text", ocr).toString(), UTF_8)));
    assertThat(fromJson.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(fromJson.body()).path("notice").path("items")).hasSize(27);
    assertThat(count()).as("a draft writes nothing").isEqualTo(notices);
  }

  @Test
  void filesAreReadByTheirKind() throws Exception {
    String text = String.join("\n", PLAIN_NOTICE);
    for (byte[][] file : new byte[][][] {{"n.txt".getBytes(UTF_8), text.getBytes(UTF_8)}, {"n.docx".getBytes(UTF_8), docx()},
        {"n.pdf".getBytes(UTF_8), pdf()}}) {
      String name = new String(file[0], UTF_8);
      HttpResponse<String> response = upload("reviewer-vpcp", name, file[1]);
      assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(200);
      JsonNode notice = JSON.readTree(response.body()).path("notice");
      assertThat(notice.path("number").asText()).as(name).isEqualTo("77/TB-VPCP");
      assertThat(notice.path("items").findValuesAsText("ref")).as(name).containsExactly("1.a", "1.b");
      JsonNode first = notice.path("items").get(0);
      assertThat(first.path("lead").asText()).as(name).isEqualTo("BCA");
      assertThat(first.path("coordinators").toString()).as(name).isEqualTo("[\"BTC\"]");
      assertThat(first.path("deadline").path("date").asText()).as(name).isEqualTo("2025-06-30");
      assertThat(notice.path("items").get(1).path("deadline").path("kind").asText()).as(name).isEqualTo("ONGOING");
    }
  }

  @Test
  void onlyThoseWhoMayRegisterNoticesGetDrafts() throws Exception {
    HttpResponse<String> officer = send(request("officer-byt", "application/json",
        HttpRequest.BodyPublishers.ofString("{\"text\": \"1. Bo Cong an: a) Chu tri.\"}", UTF_8)));
    assertThat(officer.statusCode()).isEqualTo(403);
    assertThat(officer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    HttpResponse<String> fileOfOfficer = upload("officer-byt", "n.txt", "1. Bo Cong an:".getBytes(UTF_8));
    assertThat(fileOfOfficer.statusCode()).isEqualTo(403);
    HttpResponse<String> anonymous = send(request(null, "application/json",
        HttpRequest.BodyPublishers.ofString("{\"text\": \"x\"}", UTF_8)));
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void badInputGetsA400NamingTheProblem() throws Exception {
    assertProblem(upload("reviewer-vpcp", "virus.exe", "MZ....".getBytes(UTF_8)), 400, "only .txt, .docx and .pdf");
    assertProblem(upload("reviewer-vpcp", "fake.pdf", "not a pdf at all".getBytes(UTF_8)), 400, "is not a PDF");
    assertProblem(upload("reviewer-vpcp", "fake.docx", "PK but no zip".getBytes(UTF_8)), 400, "Word file cannot be read");
    assertProblem(upload("reviewer-vpcp", "latin1.txt", new byte[] {'B', 'o', ' ', (byte) 0xe9, (byte) 0xff}), 400, "not UTF-8");
    assertProblem(upload("reviewer-vpcp", "empty.txt", new byte[0]), 400, "empty");
    assertProblem(send(request("reviewer-vpcp", "application/json", HttpRequest.BodyPublishers.ofString("{\"txt\": 1}"))),
        400, "send {");
    assertProblem(send(request("reviewer-vpcp", "application/json", HttpRequest.BodyPublishers.ofString("{\"text\": \"  \"}"))),
        400, "empty");
    assertProblem(send(request("reviewer-vpcp", "application/json", HttpRequest.BodyPublishers.ofString("{not json"))),
        400, "not readable as JSON");
  }

  @Test
  void aHugeBodyIsRefusedBeforeItIsRead() throws Exception {
    byte[] huge = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    HttpResponse<String> text = send(request("reviewer-vpcp", "text/plain", HttpRequest.BodyPublishers.ofByteArray(huge)));
    assertThat(text.statusCode()).isEqualTo(413);
    HttpResponse<String> file = upload("reviewer-vpcp", "big.txt", huge);
    assertThat(file.statusCode()).isEqualTo(413);
  }

  @Test
  void anotherSiteCannotMakeTheBrowserAskForADraft() throws Exception {
    String text = String.join("\n", PLAIN_NOTICE);
    HttpResponse<String> crossOrigin = send(request("reviewer-vpcp", "text/plain", HttpRequest.BodyPublishers.ofString(text))
        .header("Origin", "https://evil.example"));
    assertThat(crossOrigin.statusCode()).isEqualTo(403);
    HttpResponse<String> fetchMetadata = send(request("reviewer-vpcp", "text/plain", HttpRequest.BodyPublishers.ofString(text))
        .header("Sec-Fetch-Site", "cross-site"));
    assertThat(fetchMetadata.statusCode()).isEqualTo(403);
    // the exception for text and files is this path's alone, and not for form fields
    HttpResponse<String> form = send(request("reviewer-vpcp", "application/x-www-form-urlencoded",
        HttpRequest.BodyPublishers.ofString("text=x")));
    assertThat(form.statusCode()).isEqualTo(415);
    HttpResponse<String> importAsText = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notices"))
        .POST(HttpRequest.BodyPublishers.ofString(text)).header("Content-Type", "text/plain")
        .header("Authorization", basic("reviewer-vpcp")));
    assertThat(importAsText.statusCode()).isEqualTo(415);
  }

  @Test
  void theReviewPageIsServedBesideTheDashboard() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/thong-bao-moi")).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Ghi nhận thông báo từ văn bản", "/dashboard/draft.js");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> script = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/draft.js")).GET());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("/api/notices/drafts").doesNotContain("innerHTML");
  }

  // ---------------------------------------------------------------- helpers

  private long count() {
    return jdbc.queryForObject("select count(*) from dt_notice", Long.class);
  }

  private String origin() {
    return "http://localhost:" + port;
  }

  private HttpRequest.Builder request(String user, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH)).POST(body)
        .header("Content-Type", contentType);
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return request;
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(UTF_8));
  }

  private HttpResponse<String> upload(String user, String fileName, byte[] content) throws Exception {
    String boundary = "----draft" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
    return send(request(user, "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).header("Origin", origin()));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private static void assertProblem(HttpResponse<String> response, int status, String text) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(JSON.readTree(response.body()).path("problems").toString()).contains(text);
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = NoticeDraftOverHttpTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static byte[] docx() throws Exception {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line : PLAIN_NOTICE) {
        document.createParagraph().createRun().setText(line);
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] pdf() throws Exception {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
        content.setLeading(14);
        content.newLineAtOffset(40, 740);
        for (String line : PLAIN_NOTICE) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }
}
