package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The beans as Spring creates them (constructor choice, default file locations), without the application. */
class WorkingDayCalendarWiringTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withBean(WorkingDayCalendar.class)
      .withBean(WorkingDayCalendarPlugin.class);

  @Test
  void loadsTheShippedFilesAndExposesThePlugin() {
    context.run(spring -> {
      assertThat(spring).hasNotFailed();
      assertThat(spring.getBean(WorkingDayCalendar.class).publishedYears()).contains(2025, 2026);
      assertThat(spring.getBean(WorkingDayCalendar.class).isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue();
      assertThat(spring.getBeansOfType(ProcessEnginePlugin.class)).hasSize(1);
    });
  }

  @Test
  void anInvalidFileFailsStartUpNamingTheFileAndEntry(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("vn-2027.yaml"), """
        year: 2027
        source: "test"
        daysOff:
          - { date: 2027-02-30, name: "No such day" }
        workingDays: []
        """);

    context.withPropertyValues("directive-tracker.calendar.locations=classpath*:calendar/vn-*.yaml, file:"
            + dir.toAbsolutePath() + "/vn-*.yaml")
        .run(spring -> assertThat(spring).getFailure()
            .rootCause()
            .isInstanceOf(CalendarFileException.class)
            .hasMessageContaining("vn-2027.yaml")
            .hasMessageContaining("daysOff #1 (line 4): date '2027-02-30' is not a valid date"));
  }
}
