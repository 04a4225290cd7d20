package vn.directivetracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.access.AdministratorBootstrap;
import vn.directivetracker.access.MissingAdminFailureAnalyzer;
import vn.directivetracker.database.DatabaseStartupFailureAnalyzer;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.FirstProcessPath;
import vn.directivetracker.support.PostgresTestDatabase;

/** Real start-ups of the whole application, on an H2 file and on PostgreSQL. */
class RestartTest {

  @Test
  void h2FileDatabaseKeepsWorkAndDeploysNothingNewOnRestart(@TempDir Path dataDir) {
    String dataDirProperty = "spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath() + "/dt";
    assertRestartKeepsWorkAndDeploysNothing(null, dataDirProperty);
  }

  @Test
  void postgresKeepsWorkAndDeploysNothingNewOnRestart() {
    try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
      assertRestartKeepsWorkAndDeploysNothing("postgres", AppInstance.postgres(database));
    }
  }

  private static void assertRestartKeepsWorkAndDeploysNothing(String profile, String... properties) {
    String instanceId;
    long deployments;
    try (ConfigurableApplicationContext first = AppInstance.start(profile, properties)) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      ProcessInstance instance = FirstProcessPath.start(engine, "restart/1");
      instanceId = instance.getId();
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
      assertThat(deployments).as("one per process and per DMN not bound to a process")
          .isEqualTo(vn.directivetracker.deployment.DeploymentUnits.of(vn.directivetracker.deployment.ModelFiles.fromClasspath()).size());
    }
    try (ConfigurableApplicationContext second = AppInstance.start(profile, properties)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
      ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(instanceId).singleResult();
      assertThat(instance).as("the directive started before the restart").isNotNull();
      FirstProcessPath.runToCompletion(engine, instance);
    }
  }

  @Test
  void postgresProfileWithoutAdministratorRefusesToStart() {
    try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
      assertThatThrownBy(() -> AppInstance.start("postgres",
          "DB_URL=" + database.jdbcUrl(), "DB_USER=" + PostgresTestDatabase.USER, "DB_PASSWORD=" + PostgresTestDatabase.PASSWORD,
          "DT_ADMIN_USER=", "DT_ADMIN_PASSWORD="))
          .satisfies(failure -> {
            FailureAnalysis analysis = new MissingAdminFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getAction()).contains("DT_ADMIN_USER", "DT_ADMIN_PASSWORD");
          })
          .hasRootCauseInstanceOf(AdministratorBootstrap.MissingAdminException.class);
    }
  }

  @Test
  void unreachableDatabaseFailsFastWithOneReadableLine() {
    long started = System.nanoTime();
    // port 1 on loopback: nothing listens there, so the connection is refused at once
    assertThatThrownBy(() -> AppInstance.start("postgres", "DB_URL=jdbc:postgresql://127.0.0.1:1/none",
        "DT_ADMIN_USER=admin", "DT_ADMIN_PASSWORD=x"))
        .satisfies(failure -> assertThat(new DatabaseStartupFailureAnalyzer().analyze(failure).getDescription())
            .startsWith("Cannot use the database: ").contains("refused"));
    assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(60);
  }

  @Test
  void silentDatabaseServerFailsStartUpInsteadOfHanging() throws Exception {
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      // accepts TCP connections but never speaks: the hang the timeouts exist for
      Thread acceptor = new Thread(() -> {
        while (!silent.isClosed()) {
          try {
            silent.accept();
          } catch (java.io.IOException closed) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      assertThatThrownBy(() -> AppInstance.start("postgres",
          "DB_URL=jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/none",
          "DB_URL_OPTIONS=?connectTimeout=2&socketTimeout=3&loginTimeout=3",
          "spring.datasource.hikari.connection-timeout=4000",
          "DT_ADMIN_USER=admin", "DT_ADMIN_PASSWORD=x"))
          .satisfies(failure -> assertThat(new DatabaseStartupFailureAnalyzer().analyze(failure))
              .as("failure analysis of %s", failure).isNotNull());
    }
  }

  @Test
  void schemaOfAnotherCamundaVersionIsRefused() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
      AppInstance.start("postgres", AppInstance.postgres(database)).close();
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        statement.execute("insert into ACT_GE_SCHEMA_LOG (ID_, TIMESTAMP_, VERSION_) values ('999', now(), '7.26.0')");
      }
      assertThatThrownBy(() -> AppInstance.start("postgres", AppInstance.postgres(database)))
          .satisfies(failure -> assertThat(new DatabaseStartupFailureAnalyzer().analyze(failure).getDescription())
              .contains("Camunda 7.26.0 schema", "runs Camunda 7.24"));
    }
  }
}
