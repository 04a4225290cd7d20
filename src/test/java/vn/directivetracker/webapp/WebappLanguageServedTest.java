package vn.directivetracker.webapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.support.Http;

/** The running app serves our config.js, vi.json and user-styles.css at Camunda's webapp addresses, not the webjar's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappLanguageServedTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist"})
  void configMakesVietnameseTheOnlyOfferedLocaleAndNamesTheApplication(String app) throws Exception {
    HttpResponse<String> config = get("/camunda/app/" + app + "/scripts/config.js");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body())
        .contains("availableLocales: ['vi']", "fallbackLocale: 'vi'", "vendor: 'Theo dõi nhiệm vụ –'");
  }

  /**
   * One locale is offered, whatever the browser's language: Vietnamese, or English where an administrator
   * chose it in the footer (kept in the browser; webapps.js switches anyone else back).
   */
  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "welcome"})
  void configOffersOneLocaleVietnameseUnlessAnAdministratorChoseEnglish(String app) throws Exception {
    HttpResponse<String> config = get("/camunda/app/" + app + "/scripts/config.js");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains(
        "localStorage.getItem('directiveTracker.language') === 'en' ? 'en' : 'vi'",
        "availableLocales: [language]", "fallbackLocale: language", "vendor: 'Theo dõi nhiệm vụ –'",
        "'dt-webapps': '../directive-tracker/webapps'");
    HttpResponse<String> shared = get("/camunda/app/directive-tracker/webapps.js");
    assertThat(shared.statusCode()).isEqualTo(200);
    assertThat(shared.body()).contains("angular.module('dt.webapps'", "textsInCamundaCode");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void vietnameseLocaleIsServedAsWrittenAndEnglishStaysThere(String app) throws Exception {
    HttpResponse<String> vi = get("/camunda/app/" + app + "/locales/vi.json");
    assertThat(vi.statusCode()).isEqualTo(200);
    ObjectMapper json = new ObjectMapper();
    try (InputStream file = getClass().getClassLoader()
        .getResourceAsStream("META-INF/resources/webjars/camunda/app/" + app + "/locales/vi.json")) {
      assertThat(json.readTree(vi.body())).isEqualTo(json.readTree(new String(file.readAllBytes(), UTF_8)));
    }
    assertThat(json.readTree(vi.body()).path("labels").path("ABORT").asText()).isEqualTo("Hủy bỏ");
    assertThat(get("/camunda/app/" + app + "/locales/en.json").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void userStylesHideTheCamunda8Banner(String app) throws Exception {
    HttpResponse<String> css = get("/camunda/app/" + app + "/styles/user-styles.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains(".ce-eol-banner {\n  display: none;");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return Http.call(port, "GET", path, null, null, null);
  }
}
