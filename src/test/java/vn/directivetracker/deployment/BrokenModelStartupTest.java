package vn.directivetracker.deployment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.PostgresTestDatabase;

/** A process owner's broken model stops start-up before anything is deployed, one line per problem (H2, PostgreSQL). */
class BrokenModelStartupTest {

  @Test
  void aBrokenModelIsRefusedAtStartUpNamingEachProblem(@TempDir Path folder) throws Exception {
    assertRefused(folder, null);
  }

  @Test
  void onPostgresTooAndNothingIsDeployed(@TempDir Path folder) throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
      assertRefused(folder, "postgres", AppInstance.postgres(database));
      try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresTestDatabase.USER,
          PostgresTestDatabase.PASSWORD); ResultSet count = connection.createStatement()
          .executeQuery("select count(*) from act_re_deployment")) {
        count.next();
        assertThat(count.getLong(1)).isZero();
      }
    }
  }

  private static void assertRefused(Path folder, String profile, String... properties) throws Exception {
    copy(Path.of("processes"), folder.resolve("processes"));
    copy(Path.of("forms"), folder.resolve("forms"));
    Path directive = folder.resolve("processes/directive.bpmn");
    Files.writeString(directive, Files.readString(directive, UTF_8)
        .replace("${reminders.remindLead(execution)}", "${reminder.remindLead(execution)}"), UTF_8);
    Files.delete(folder.resolve("forms/Task_SubmitMonthlyReport.form"));

    String[] withFolder = java.util.Arrays.copyOf(properties, properties.length + 1);
    withFolder[properties.length] = "directive-tracker.models-folder=" + folder;
    assertThatThrownBy(() -> AppInstance.start(profile, withFolder))
        .isInstanceOf(ModelCheckException.class)
        .satisfies(failure -> {
          FailureAnalysis analysis = new ModelCheckFailureAnalyzer().analyze(failure);
          assertThat(analysis.getDescription()).startsWith("Nothing was deployed: the process models in "
              + folder.toAbsolutePath() + "/processes and " + folder.toAbsolutePath() + "/forms have 2 problem(s):")
              .contains("\n  - processes/directive.bpmn, ServiceTask_RemindLeadAgency \"Nhắc hạn cơ quan chủ trì\":"
                  + " expression ${reminder.remindLead(execution)} names \"reminder\", which is neither a Spring bean"
                  + " nor a known process variable")
              .contains("\n  - processes/directive.bpmn, Task_SubmitMonthlyReport \"Nộp báo cáo tiến độ tháng\": its"
                  + " form \"Task_SubmitMonthlyReport\" (camunda:formRef) is not the id of any .form file in forms/");
        });
  }

  private static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
