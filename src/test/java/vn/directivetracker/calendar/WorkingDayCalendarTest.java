package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

  private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath();

  @Test
  void loadsTheShippedYears() {
    assertThat(CALENDAR.publishedYears()).contains(2025, 2026);
    assertThat(CALENDAR.holidays(2026).source()).contains("12729/VPCP-KGVX");
  }

  @ParameterizedTest(name = "{0} working: {1}")
  @CsvSource({
      // 2025
      "2025-01-01, false",  // Tết Dương lịch
      "2025-01-24, true",
      "2025-01-27, false",  // Tết Ất Tỵ, 28 tháng Chạp
      "2025-01-31, false",
      "2025-02-03, true",   // back to work after Tết
      "2025-04-07, false",  // Giỗ Tổ
      "2025-04-26, true",   // Saturday worked for Friday 2/5
      "2025-05-02, false",
      "2025-05-05, true",
      "2025-09-01, false",
      "2025-09-02, false",
      "2025-09-03, true",
      // 2026
      "2026-01-02, false",  // Friday swapped ...
      "2026-01-10, true",   // ... with this Saturday
      "2026-01-17, false",  // an ordinary Saturday
      "2026-02-13, true",
      "2026-02-16, false",  // Tết Bính Ngọ, 29 tháng Chạp
      "2026-02-20, false",
      "2026-02-23, true",
      "2026-04-27, false",  // Giỗ Tổ fell on Sunday 26/4
      "2026-04-28, true",
      "2026-04-30, false",
      "2026-05-01, false",
      "2026-05-04, true",
      "2026-08-22, true",   // Saturday worked for Monday 31/8
      "2026-08-31, false",
      "2026-09-01, false",
      "2026-09-02, false",
      "2026-09-03, true",
  })
  void publishedDays(LocalDate date, boolean working) {
    assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  void namesSpecialDays() {
    assertThat(CALENDAR.specialDayName(LocalDate.of(2026, 1, 10))).hasValueSatisfying(name -> assertThat(name).contains("Làm bù"));
    assertThat(CALENDAR.specialDayName(LocalDate.of(2026, 2, 17))).hasValueSatisfying(name -> assertThat(name).contains("mùng 1"));
    assertThat(CALENDAR.specialDayName(LocalDate.of(2026, 3, 3))).isEmpty();
  }

  @ParameterizedTest(name = "deadline {0} is due on {1}")
  @CsvSource({
      "2026-04-30, 2026-05-04",  // 30/4 Thu and 1/5 Fri holidays, 2-3/5 weekend
      "2026-02-17, 2026-02-23",  // Tết
      "2026-02-14, 2026-02-23",
      "2026-01-03, 2026-01-05",  // weekend after New Year
      "2026-01-10, 2026-01-10",  // a make-up Saturday is a working day
      "2026-03-10, 2026-03-10",  // an ordinary Tuesday
      "2026-04-26, 2026-04-28",  // Giỗ Tổ Sunday, compensatory Monday
      "2025-12-31, 2025-12-31",
  })
  void dueDayFollowsCivilCodeArticle148(LocalDate stated, LocalDate due) {
    assertThat(CALENDAR.dueDay(stated)).isEqualTo(due);
  }

  @Test
  void endOfDayIsTheLastSecondInVietnam() {
    ZonedDateTime end = CALENDAR.endOfDay(LocalDate.of(2026, 5, 4));

    assertThat(end.toOffsetDateTime().toString()).isEqualTo("2026-05-04T23:59:59+07:00");
    assertThat(CALENDAR.dueAt(LocalDate.of(2026, 4, 30))).isEqualTo(end);
    assertThat(end.toInstant()).isEqualTo(ZonedDateTime.of(2026, 5, 4, 16, 59, 59, 0, ZoneOffset.UTC).toInstant());
  }

  @Test
  void plusWorkingDaysAcrossTet() {
    LocalDate thursday = LocalDate.of(2026, 2, 12);

    assertThat(CALENDAR.plusWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2026, 2, 13));
    assertThat(CALENDAR.plusWorkingDays(thursday, 2)).isEqualTo(LocalDate.of(2026, 2, 23));
    assertThat(CALENDAR.plusWorkingDays(thursday, 6)).isEqualTo(LocalDate.of(2026, 2, 27));
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 2, 17), 1)).isEqualTo(LocalDate.of(2026, 2, 23));
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 2, 23), -1)).isEqualTo(LocalDate.of(2026, 2, 13));
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 2, 23), -3)).isEqualTo(LocalDate.of(2026, 2, 11));
  }

  @Test
  void plusWorkingDaysUsesMakeUpSaturdaysAndCrossesYears() {
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 1, 9), 1)).isEqualTo(LocalDate.of(2026, 1, 10));
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 1, 12), -1)).isEqualTo(LocalDate.of(2026, 1, 10));
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 1, 5), -1)).isEqualTo(LocalDate.of(2025, 12, 31));
    // 2026-05-01 (holiday) + 0 is itself: zero moves nothing; use dueDay to roll forward.
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 5, 1), 0)).isEqualTo(LocalDate.of(2026, 5, 1));
    // Counting starts the day after, whatever that day is (Civil Code Art. 147).
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 5, 2), 1)).isEqualTo(LocalDate.of(2026, 5, 4));
  }

  @Test
  void workingDaysBetween() {
    assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 23))).isEqualTo(1);
    assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 13))).isEqualTo(-1);
    assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28))).isEqualTo(15);
    assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3))).isZero();
    // January 2026: 22 weekdays, minus 1/1 and 2/1, plus Saturday 10/1.
    assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 31))).isEqualTo(21);
  }

  @Test
  void workingDaysBetweenInvertsPlusWorkingDays() {
    LocalDate start = LocalDate.of(2025, 12, 1);
    for (LocalDate a = start; a.isBefore(start.plusDays(120)); a = a.plusDays(3)) {
      for (LocalDate b = start; b.isBefore(start.plusDays(120)); b = b.plusDays(1)) {
        if (CALENDAR.isWorkingDay(b)) {
          assertThat(CALENDAR.plusWorkingDays(a, CALENDAR.workingDaysBetween(a, b))).as("%s to %s", a, b).isEqualTo(b);
        }
      }
    }
  }

  @Test
  void yearsWithoutAFileUseTheStatutoryRules() {
    assertThat(CALENDAR.publishedYears()).doesNotContain(2027, 2030);

    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 5))).isFalse();   // last day of Bính Ngọ
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 11))).isFalse();  // compensates Sunday 7/2
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
    assertThat(CALENDAR.dueDay(LocalDate.of(2030, 2, 2))).isEqualTo(LocalDate.of(2030, 2, 8)); // Tết 2030
    assertThat(CALENDAR.holidays(2030).source()).contains("Computed");
  }

  @Test
  void publishedYearsReplaceTheRulesForTheirYearOnly() {
    HolidayYear custom = new HolidayYear(2027, "test", List.of(new NamedDay(LocalDate.of(2027, 3, 3), "Test day off")),
        List.of(new NamedDay(LocalDate.of(2027, 3, 6), "Test Saturday")));
    WorkingDayCalendar calendar = new WorkingDayCalendar(List.of(custom));

    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 3))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 6))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isTrue(); // the file replaces the computed Tết
    assertThat(calendar.isWorkingDay(LocalDate.of(2028, 5, 1))).isFalse(); // other years still computed (a Monday)
  }

  @Test
  void rejectsTheSameYearTwice() {
    HolidayYear year = new HolidayYear(2027, "a", List.of(), List.of());

    assertThatThrownBy(() -> new WorkingDayCalendar(List.of(year, year)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2027");
  }

  @Test
  void holidayYearGuardsListsBuiltInCode() {
    NamedDay weekday = new NamedDay(LocalDate.of(2027, 3, 3), "Wednesday");

    assertThatThrownBy(() -> new HolidayYear(2027, "x", List.of(), List.of(weekday)))
        .hasMessageContaining("not a Saturday or Sunday");
    assertThatThrownBy(() -> new HolidayYear(2028, "x", List.of(weekday), List.of()))
        .hasMessageContaining("not in year 2028");
    assertThatThrownBy(() -> new HolidayYear(2027, "x", List.of(weekday, weekday), List.of()))
        .hasMessageContaining("listed twice");
  }

  @Test
  void supportsTheLunarCalendarsYearsButTheOuterOnes() {
    assertThat(WorkingDayCalendar.FIRST_SUPPORTED_YEAR).isEqualTo(1901);
    assertThat(WorkingDayCalendar.LAST_SUPPORTED_YEAR).isEqualTo(2198);
    assertThat(WorkingDayCalendar.supports(LocalDate.of(1901, 1, 1))).isTrue();
    assertThat(WorkingDayCalendar.supports(LocalDate.of(2198, 12, 31))).isTrue();
    assertThat(WorkingDayCalendar.supports(LocalDate.of(1900, 12, 31))).isFalse();
    assertThat(WorkingDayCalendar.supports(LocalDate.of(2199, 1, 1))).isFalse();
    assertThat(WorkingDayCalendar.supports(LocalDate.MAX)).isFalse();
    // every supported day works, also counting across the ends of the range
    assertThat(CALENDAR.dueDay(LocalDate.of(2198, 12, 31))).isAfterOrEqualTo(LocalDate.of(2198, 12, 31));
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2198, 12, 31), 5)).isAfter(LocalDate.of(2198, 12, 31));
    assertThat(CALENDAR.plusWorkingDays(LocalDate.of(1901, 1, 1), -5)).isBefore(LocalDate.of(1901, 1, 1));
    assertThat(CALENDAR.workingDaysBetween(LocalDate.of(1901, 1, 1), LocalDate.of(1901, 12, 31))).isPositive();
    assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2198, 1, 1), LocalDate.of(2198, 12, 31))).isPositive();
  }
}
