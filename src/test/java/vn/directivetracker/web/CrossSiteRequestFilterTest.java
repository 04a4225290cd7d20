package vn.directivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class CrossSiteRequestFilterTest {

  @ParameterizedTest(name = "{0} on {1}://{2}:{3}: {4}")
  @CsvSource({
      "http://localhost:8080, http, localhost, 8080, true",
      "HTTP://LocalHost:8080, http, localhost, 8080, true",
      "https://tracker.gov.vn, https, tracker.gov.vn, 443, true",
      "http://tracker.gov.vn, http, tracker.gov.vn, 80, true",
      "https://tracker.gov.vn:443, https, tracker.gov.vn, 443, true",
      "https://tracker.gov.vn, http, tracker.gov.vn, 80, false",
      "http://localhost:8081, http, localhost, 8080, false",
      "https://evil.example, https, tracker.gov.vn, 443, false",
      "https://tracker.gov.vn.evil.example, https, tracker.gov.vn, 443, false",
      "null, http, localhost, 8080, false",
      "'http://local host', http, localhost, 8080, false",
  })
  void recognisesTheServersOwnOrigin(String origin, String scheme, String host, int port, boolean own) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/notices");
    request.setScheme(scheme);
    request.setServerName(host);
    request.setServerPort(port);
    assertThat(CrossSiteRequestFilter.isOwnOrigin(origin, request)).isEqualTo(own);
  }
}
