package vn.directivetracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request timer's tags: a few fixed values each, whatever the caller sends. */
class RequestTimingFilterTest {

  @Test
  void areasByPathPrefix() {
    assertThat(RequestTimingFilter.area("/api/reports/status")).isEqualTo("api");
    assertThat(RequestTimingFilter.area("/api")).isEqualTo("api");
    assertThat(RequestTimingFilter.area("/apis")).isEqualTo("other");
    assertThat(RequestTimingFilter.area("/engine-rest/task/123/complete")).isEqualTo("engine-rest");
    assertThat(RequestTimingFilter.area("/camunda/api/engine/engine/default/task")).isEqualTo("webapp-api");
    assertThat(RequestTimingFilter.area("/camunda/app/tasklist/default/")).isEqualTo("other");
    assertThat(RequestTimingFilter.area("/dashboard")).isEqualTo("dashboard");
    assertThat(RequestTimingFilter.area("/dashboard/dashboard.js")).isEqualTo("dashboard");
    assertThat(RequestTimingFilter.area("/actuator/prometheus")).isEqualTo("other");
  }

  @Test
  void methodsACallerInventsShareOneTag() {
    assertThat(RequestTimingFilter.method("get")).isEqualTo("GET");
    assertThat(RequestTimingFilter.method("DELETE")).isEqualTo("DELETE");
    assertThat(RequestTimingFilter.method("PROPFIND")).isEqualTo("OTHER");
    assertThat(RequestTimingFilter.method("X" + System.nanoTime())).isEqualTo("OTHER");
  }

  @Test
  void statusClasses() {
    assertThat(RequestTimingFilter.statusClass(200)).isEqualTo("2xx");
    assertThat(RequestTimingFilter.statusClass(304)).isEqualTo("3xx");
    assertThat(RequestTimingFilter.statusClass(413)).isEqualTo("4xx");
    assertThat(RequestTimingFilter.statusClass(503)).isEqualTo("5xx");
    assertThat(RequestTimingFilter.statusClass(0)).isEqualTo("other");
  }
}
