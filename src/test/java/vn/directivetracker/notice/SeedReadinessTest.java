package vn.directivetracker.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.Http;

/**
 * "The app is ready" tells the truth on the demo (issue 13): readiness stays DOWN after start-up while
 * the seed notices' directives are being started by the job executor, and is UP only once all 288 have.
 */
class SeedReadinessTest {

  @Test
  void readinessWaitsUntilEverySeedDirectiveHasStarted() throws Exception {
    try (ConfigurableApplicationContext app = AppInstance.startWithJobExecutor(null)) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      boolean sawDownWhileStarting = false;
      long until = System.currentTimeMillis() + 240_000;
      while (true) {
        long startedBefore = started(engine);
        HttpResponse<String> readiness = Http.call(port, "GET", "/actuator/health/readiness", null, null, null);
        if (readiness.statusCode() == 200) {
          assertThat(started(engine)).as("every seed directive has started when readiness says UP").isEqualTo(288);
          break;
        }
        assertThat(readiness.statusCode()).isEqualTo(503);
        sawDownWhileStarting |= startedBefore < 288;
        assertThat(System.currentTimeMillis()).as("readiness UP within 4 minutes").isLessThan(until);
        Thread.sleep(200);
      }
      assertThat(sawDownWhileStarting).as("DOWN while the fan-out ran").isTrue();
      assertThat(Http.call(port, "GET", "/actuator/health/readiness", null, null, null).statusCode()).isEqualTo(200);
    }
  }

  private static long started(ProcessEngine engine) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("directive").count();
  }
}
