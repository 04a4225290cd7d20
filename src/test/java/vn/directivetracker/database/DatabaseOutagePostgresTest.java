package vn.directivetracker.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.Http;
import vn.directivetracker.support.PostgresTestDatabase;

/**
 * The database goes away under a running node (issue 14): its own login role is disabled and its
 * sessions are terminated, then the role is enabled again. The node reports itself not ready (and
 * alive), answers the APIs 503 at once, logs one line, and recovers without a restart; a timer that
 * fell due during the outage fires after it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutagePostgresTest {

  static final String OUTAGE_LINE = "Database does not answer";
  static final String BACK_LINE = "Database answers again after";

  @Test
  void aNodeWaitsOutAnOutageAndCatchesUpAfterIt(CapturedOutput output) throws Exception {
    String role = "dt_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    PostgresTestDatabase database = PostgresTestDatabase.create();
    try {
      admin("create role " + role + " login password 'outage'", "alter database " + database.name() + " owner to " + role);
      try (ConfigurableApplicationContext app = AppInstance.startWithJobExecutor("postgres",
          "DB_URL=" + database.jdbcUrl(), "DB_USER=" + role, "DB_PASSWORD=outage",
          "DT_ADMIN_USER=admin", "DT_ADMIN_PASSWORD=test-admin-secret",
          "directive-tracker.database.probe-interval=1s", "spring.datasource.hikari.connection-timeout=2000")) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        waitFor("ready after start-up", () -> status(port, "/actuator/health/readiness") == 200);

        // a timer that falls due while the database is away
        engine.getRepositoryService().createDeployment().addModelInstance("outage-timer.bpmn", timerProcess()).deploy();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("OutageTimer").getId();

        admin("alter role " + role + " nologin",
            "select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + role + "'");
        long cut = System.nanoTime();
        waitFor("readiness DOWN", () -> status(port, "/actuator/health/readiness") == 503);
        long detectedMillis = (System.nanoTime() - cut) / 1_000_000;
        assertThat(status(port, "/actuator/health/liveness")).as("alive: no restart needed").isEqualTo(200);

        long asked = System.nanoTime();
        HttpResponse<String> refused = Http.call(port, "GET", "/engine-rest/task/count", null, null, null);
        long answeredMillis = (System.nanoTime() - asked) / 1_000_000;
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
        // the filter's own answer, given before anything asks the pool (its time is printed below, not asserted)
        assertThat(refused.body()).contains("Cơ sở dữ liệu tạm thời không trả lời");

        Thread.sleep(6_000); // the timer (PT3S) falls due during the outage
        admin("alter role " + role + " login");
        long restored = System.nanoTime();
        waitFor("readiness UP again", () -> status(port, "/actuator/health/readiness") == 200);
        long recoveredMillis = (System.nanoTime() - restored) / 1_000_000;
        waitFor("the timer due during the outage has fired", () ->
            engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1);
        assertThat(status(port, "/engine-rest/task/count")).as("the APIs answer again (asking for a login)").isEqualTo(401);
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();

        assertThat(count(output.getAll(), OUTAGE_LINE)).as("one line for the outage").isEqualTo(1);
        assertThat(count(output.getAll(), BACK_LINE)).as("one line for the return").isEqualTo(1);
        System.out.printf("database outage: DOWN after %d ms, 503 in %d ms, UP %d ms after the database returned%n",
            detectedMillis, answeredMillis, recoveredMillis);
      }
    } finally {
      database.close();
      admin("drop role if exists " + role);
    }
  }

  private static BpmnModelInstance timerProcess() {
    return Bpmn.createExecutableProcess("OutageTimer").name("Outage timer").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started").name("Started")
        .intermediateCatchEvent("Timer_ThreeSeconds").name("Three seconds passed").timerWithDuration("PT3S")
        .endEvent("EndEvent_Done").name("Done")
        .done();
  }

  private static int status(int port, String path) {
    try {
      return Http.call(port, "GET", path, null, null, null).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long until = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as(what + " within 60 s").isLessThan(until);
      Thread.sleep(250);
    }
  }

  private static int count(String text, String line) {
    return text.split(java.util.regex.Pattern.quote(line), -1).length - 1;
  }

  private static void admin(String... statements) throws Exception {
    try (Connection connection = java.sql.DriverManager.getConnection(
        "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/postgres",
        PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
