package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnamBusinessCalendarTest {

  private static final WorkingDayCalendar WORKING_DAYS = WorkingDayCalendar.fromClasspath();
  /** Thursday before Tết Bính Ngọ: the next working day is Friday 13/2, then Monday 23/2. */
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-02-12T10:15:00+07:00");

  private final VietnamBusinessCalendar dueDate = new VietnamBusinessCalendar(WORKING_DAYS);

  @BeforeEach
  void setEngineClock() {
    ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "P5WD                              | 2026-02-26T10:15:00+07:00",
      "p5wd                              | 2026-02-26T10:15:00+07:00",
      "+P1WD                             | 2026-02-13T10:15:00+07:00",
      "P2WD                              | 2026-02-23T10:15:00+07:00",
      "P1WD@end                          | 2026-02-13T23:59:59+07:00",
      "P5WD @ 17:00                      | 2026-02-26T17:00:00+07:00",
      "-P2WD@08:00                       | 2026-02-10T08:00:00+07:00",
      "P0WD@16:30:15                     | 2026-02-12T16:30:15+07:00",
      "@end                              | 2026-02-12T23:59:59+07:00",
      "2026-04-30@due                    | 2026-05-04T23:59:59+07:00",
      "2026-04-30@end                    | 2026-04-30T23:59:59+07:00",
      "2026-05-04 -P2WD@08:00            | 2026-04-28T08:00:00+07:00",
      "2026-05-04T23:59:59+07:00 -P2WD   | 2026-04-28T23:59:59+07:00",
      "2026-05-04T17:00 P1WD             | 2026-05-05T17:00:00+07:00",
      // 20:00 UTC on the 12th is 03:00 on Friday the 13th in Vietnam: one working day later is Monday 23/2.
      "2026-02-12T20:00:00Z P1WD         | 2026-02-23T03:00:00+07:00",
  })
  void workingDayExpressions(String expression, OffsetDateTime expected) {
    assertThat(dueDate.resolveDuedate(expression)).isEqualTo(Date.from(expected.toInstant()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "P3D                       | 2026-02-15T10:15:00+07:00",
      "PT4H                      | 2026-02-12T14:15:00+07:00",
      "P1M                       | 2026-03-12T10:15:00+07:00",
      "2026-05-04T17:00:00       | 2026-05-04T17:00:00+07:00",
      "2026-05-04T17:00:00+07:00 | 2026-05-04T17:00:00+07:00",
  })
  void isoExpressionsAreLeftToCamunda(String expression, OffsetDateTime expected) {
    assertThat(dueDate.resolveDuedate(expression)).isEqualTo(Date.from(expected.toInstant()));
    assertThat(dueDate.resolveDuedate(expression, (Task) null)).isEqualTo(Date.from(expected.toInstant()));
  }

  @Test
  void countsFromTheStartDateCamundaPasses() {
    Date friday = Date.from(OffsetDateTime.parse("2026-01-09T09:00:00+07:00").toInstant());

    assertThat(dueDate.resolveDuedate("P1WD", friday))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-01-10T09:00:00+07:00").toInstant())); // make-up Saturday
    assertThat(dueDate.resolveDuedate("PT1H", friday))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-01-09T10:00:00+07:00").toInstant()));
    assertThat(dueDate.resolveDuedate("P1WD", (Task) null))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-02-13T10:15:00+07:00").toInstant()));
  }

  @Test
  void asTheDurationCalendar() {
    VietnamBusinessCalendar duration = new VietnamBusinessCalendar(WORKING_DAYS, new DurationBusinessCalendar());

    assertThat(duration.resolveDuedate("P2WD@08:00"))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-02-23T08:00:00+07:00").toInstant()));
    assertThat(duration.resolveDuedate("PT30M"))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-02-12T10:45:00+07:00").toInstant()));
  }

  @Test
  void workingDaysAreVietnameseWhateverTheJvmZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      assertThat(dueDate.resolveDuedate("P1WD@end"))
          .isEqualTo(Date.from(OffsetDateTime.parse("2026-02-13T23:59:59+07:00").toInstant()));
      assertThat(dueDate.resolveDuedate("2026-04-30@due"))
          .isEqualTo(Date.from(OffsetDateTime.parse("2026-05-04T23:59:59+07:00").toInstant()));
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void malformedWorkingDayExpressionsFailWithTheSyntax() {
    assertThatThrownBy(() -> dueDate.resolveDuedate("P5WD@25:00"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'25:00'")
        .hasMessageContaining("not a time of day");
    assertThatThrownBy(() -> dueDate.resolveDuedate("P5WD tomorrow"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(WorkingDayExpression.SYNTAX);
    assertThatThrownBy(() -> dueDate.resolveDuedate("2026-02-30 P1WD"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'2026-02-30' is not a valid ISO 8601 date");
    assertThatThrownBy(() -> dueDate.resolveDuedate("soon"))
        .isInstanceOf(ProcessEngineException.class); // Camunda's own error for a non-ISO text
  }

  @Test
  void yearsOutsideTheSupportedRangeFailClearly() {
    assertThatThrownBy(() -> dueDate.resolveDuedate("2250-01-05 P1WD"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Cannot resolve due date '2250-01-05 P1WD'")
        .hasMessageContaining("1900 to 2199");
  }
}
