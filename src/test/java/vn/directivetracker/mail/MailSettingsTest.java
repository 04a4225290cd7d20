package vn.directivetracker.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class MailSettingsTest {

  static MailSettings settings(String host, boolean demoServer, String... profiles) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profiles);
    return new MailSettings(host, 587, true, "", "", "theodoi@example.gov.vn", "https://theodoi.example.gov.vn/", 6,
        Duration.ofMinutes(1), demoServer, 3025, true, environment);
  }

  @Test
  void mailIsOffWithoutAHostOutsideTheDemo() {
    assertThat(settings("", false).enabled()).isFalse();
    assertThat(settings("  ", true, "postgres").enabled()).isFalse();
    assertThat(settings("", false, "demo").enabled()).isFalse();
  }

  @Test
  void theDemoSendsToItsOwnServerUnlessAHostIsConfigured() {
    MailSettings demo = settings("", true, "demo");
    assertThat(demo.enabled()).isTrue();
    assertThat(demo.host()).isEqualTo("127.0.0.1");
    assertThat(demo.port()).isEqualTo(3025);
    MailSettings configured = settings("smtp.example.gov.vn", true, "demo");
    assertThat(configured.host()).isEqualTo("smtp.example.gov.vn");
    assertThat(configured.port()).isEqualTo(587);
  }

  @Test
  void retriesWaitTwiceAsLongAfterEachFailure() {
    MailSettings settings = settings("smtp.example.gov.vn", false);
    assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.retryAfter(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(settings.retryAfter(1000)).isEqualTo(Duration.ofMinutes(65536));
  }

  @Test
  void linksOpenTheTaskInTasklistUnderThePublicAddress() {
    MailSettings settings = settings("smtp.example.gov.vn", false);
    assertThat(settings.taskLink("abc-123"))
        .isEqualTo("https://theodoi.example.gov.vn/camunda/app/tasklist/default/#/?task=abc-123");
    assertThat(settings.taskLink(null)).isEqualTo("https://theodoi.example.gov.vn/camunda/app/tasklist/default/");
  }

  @Test
  void attemptsOutsideOneToFiftyAreRefusedAtStartUp() {
    MockEnvironment environment = new MockEnvironment();
    assertThatThrownBy(() -> new MailSettings("h", 25, false, "", "", "f@x", "http://x", 0, Duration.ofMinutes(1), false,
        3025, true, environment)).hasMessageContaining("max-attempts");
  }
}
