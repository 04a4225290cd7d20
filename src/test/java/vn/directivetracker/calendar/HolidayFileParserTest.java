package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class HolidayFileParserTest {

  private static final String VALID = """
      year: 2026
      source: "test"
      daysOff:
        - { date: 2026-01-01, name: "Tết Dương lịch" }
        - date: 2026-01-02
          name: "Nghỉ hoán đổi"
      workingDays:
        - { date: 2026-01-10, name: "Làm bù" }
      """;

  private final HolidayFileParser parser = new HolidayFileParser();

  @Test
  void readsFlowAndBlockEntries() {
    HolidayYear year = parser.parse(VALID, "calendar/vn-2026.yaml");

    assertThat(year.year()).isEqualTo(2026);
    assertThat(year.source()).isEqualTo("test");
    assertThat(year.daysOff()).containsExactly(
        new NamedDay(LocalDate.of(2026, 1, 1), "Tết Dương lịch"),
        new NamedDay(LocalDate.of(2026, 1, 2), "Nghỉ hoán đổi"));
    assertThat(year.workingDays()).containsExactly(new NamedDay(LocalDate.of(2026, 1, 10), "Làm bù"));
  }

  @Test
  void badDateNamesFileEntryAndLine() {
    String yaml = """
        year: 2026
        source: "test"
        daysOff:
          - { date: 2026-01-01, name: "Tết Dương lịch" }
          - { date: 2026-02-30, name: "No such day" }
        workingDays: []
        """;

    assertThatThrownBy(() -> parser.parse(yaml, "calendar/vn-2026.yaml"))
        .isInstanceOf(CalendarFileException.class)
        .hasMessage("Invalid working-day calendar file calendar/vn-2026.yaml: "
            + "daysOff #2 (line 5): date '2026-02-30' is not a valid date (yyyy-mm-dd)");
  }

  @Test
  void reportsEveryProblemOfTheFile() {
    String yaml = """
        year: 2026
        source: "test"
        daysOff:
          - { date: 2026-01-01, name: "Tết Dương lịch" }
          - { date: 2026-01-01, name: "Again" }
          - { date: 2025-12-31, name: "Last year" }
          - { date: 2026-04-30 }
          - { name: "No date" }
          - { date: 2026-05-01, name: "Typo", nmae: "x" }
          - 2026-09-02
        workingDays:
          - { date: 2026-01-12, name: "A Monday" }
        """;

    CalendarFileException e = catchThrowableOfType(CalendarFileException.class,
        () -> parser.parse(yaml, "calendar/vn-2026.yaml"));

    assertThat(e.file()).isEqualTo("calendar/vn-2026.yaml");
    assertThat(e.problems()).containsExactlyInAnyOrder(
        "daysOff #7 (line 10): expected { date: yyyy-mm-dd, name: \"...\" }",
        "daysOff #2 (line 5): 2026-01-01 is listed twice (also daysOff #1 (line 4))",
        "daysOff #3 (line 6): 2025-12-31 is outside the file's year 2026",
        "daysOff #4 (line 7): missing name",
        "daysOff #5 (line 8): missing date",
        "daysOff #6 (line 9): unknown field 'nmae' (expected date, name)",
        "workingDays #1 (line 12): 2026-01-12 is a MONDAY; a make-up working day must be a Saturday or Sunday");
  }

  @Test
  void missingAndUnknownTopLevelFields() {
    String yaml = """
        year: 2026
        dayOff:
          - { date: 2026-01-01, name: "Tết Dương lịch" }
        """;

    assertThatThrownBy(() -> parser.parse(yaml, "vn-2026.yaml"))
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("line 3: unknown field 'dayOff' (expected year, source, daysOff, workingDays)")
        .hasMessageContaining("missing 'source'")
        .hasMessageContaining("missing 'daysOff' (write daysOff: [] when there are none)")
        .hasMessageContaining("missing 'workingDays'");
  }

  @Test
  void yearMustBeANumberAndMatchTheFileName() {
    assertThatThrownBy(() -> parser.parse(VALID.replace("year: 2026", "year: twenty"), "vn-2026.yaml"))
        .hasMessageContaining("line 1: 'year' must be a year such as 2026");
    assertThatThrownBy(() -> parser.parse(VALID, "file:/srv/calendar/vn-2027.yaml"))
        .hasMessageContaining("the file name says 2027 but 'year' is 2026");
    assertThatThrownBy(() -> parser.parse("- just a list", "vn-2026.yaml"))
        .hasMessageContaining("expected a mapping");
    assertThatThrownBy(() -> parser.parse("year: [2026", "vn-2026.yaml"))
        .hasMessageContaining("not readable YAML");
    assertThatThrownBy(() -> parser.parse(VALID + "year: 2026\n", "vn-2026.yaml"))
        .hasMessageContaining("'year' appears twice");
  }

  @Test
  void listsMustBeLists() {
    String yaml = """
        year: 2026
        source: "test"
        daysOff:
        workingDays: []
        """;

    assertThatThrownBy(() -> parser.parse(yaml, "vn-2026.yaml"))
        .hasMessageContaining("'daysOff' must be a list");
  }

  @Test
  void aBadFileFailsTheCalendarAtStartUp(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("vn-2026.yaml"), VALID.replace("2026-01-02", "2026-13-02"));

    assertThatThrownBy(() -> new WorkingDayCalendar(new DefaultResourceLoader(),
        new String[] {"file:" + dir.toAbsolutePath() + "/vn-*.yaml"}))
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("vn-2026.yaml")
        .hasMessageContaining("daysOff #2 (line 5): date '2026-13-02' is not a valid date");
  }

  @Test
  void extraLocationsAddYearsButMayNotRedefineOne(@TempDir Path dir) throws IOException {
    Path extra = Files.createDirectories(dir.resolve("extra"));
    Files.writeString(extra.resolve("vn-2027.yaml"), """
        year: 2027
        source: "test"
        daysOff: [ { date: 2027-03-03, name: "Test" } ]
        workingDays: []
        """);
    WorkingDayCalendar calendar = new WorkingDayCalendar(new DefaultResourceLoader(),
        new String[] {WorkingDayCalendar.DEFAULT_LOCATIONS, " file:" + extra.toAbsolutePath() + "/vn-*.yaml"});

    assertThat(calendar.publishedYears()).contains(2025, 2026, 2027);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 3))).isFalse();

    Files.writeString(extra.resolve("vn-2026.yaml"), VALID);
    assertThatThrownBy(() -> parser.parseAll(new PathMatchingResourcePatternResolver(),
        List.of(WorkingDayCalendar.DEFAULT_LOCATIONS, "file:" + extra.toAbsolutePath() + "/vn-*.yaml")))
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("year 2026 is also defined by")
        .hasMessageContaining("calendar/vn-2026.yaml");
  }
}
