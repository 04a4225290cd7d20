package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VietnamHolidayRulesTest {

  private final VietnamHolidayRules rules = new VietnamHolidayRules();

  @ParameterizedTest
  @ValueSource(ints = {2025, 2026, 2027, 2030, 2033, 2050})
  void elevenStatutoryHolidaysEveryYear(int year) {
    assertThat(rules.statutoryHolidays(year)).hasSize(11).allSatisfy(day -> assertThat(day.date().getYear()).isEqualTo(year));
  }

  @Test
  void year2027() {
    // Tết Đinh Mùi: 1/1 lunar is Saturday 6/2; statutory days Fri 5/2 (last day of the year) to Tue 9/2,
    // Saturday and Sunday are compensated on Wednesday 10/2 and Thursday 11/2.
    assertThat(offDays(2027)).contains(
        LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8),
        LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 11),
        LocalDate.of(2027, 4, 30),
        LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 3), // 1/5 is a Saturday: Monday 3/5 off
        LocalDate.of(2027, 9, 2), LocalDate.of(2027, 9, 3)) // 2/9 is a Thursday: the day after
        .doesNotContain(LocalDate.of(2027, 2, 12), LocalDate.of(2027, 9, 1));
    assertThat(rules.forYear(2027).workingDays()).isEmpty();
  }

  @Test
  void year2030() {
    // Tết Canh Tuất: 1/1 lunar is Saturday 2/2 in Vietnam (UTC+7; 3/2 in China); statutory days Fri 1/2
    // to Tue 5/2, Saturday and Sunday compensated on Wednesday 6/2 and Thursday 7/2.
    assertThat(offDays(2030)).contains(
        LocalDate.of(2030, 2, 1), LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 3), LocalDate.of(2030, 2, 4),
        LocalDate.of(2030, 2, 5), LocalDate.of(2030, 2, 6), LocalDate.of(2030, 2, 7),
        LocalDate.of(2030, 9, 2), LocalDate.of(2030, 9, 3)) // 2/9 is a Monday: the day after
        .doesNotContain(LocalDate.of(2030, 1, 31), LocalDate.of(2030, 2, 8));
  }

  @Test
  void hungKingsDayOnASundayIsCompensatedOnMonday() {
    assertThat(rules.forYear(2026).daysOff())
        .extracting(NamedDay::date)
        .contains(LocalDate.of(2026, 4, 26), LocalDate.of(2026, 4, 27));
  }

  @Test
  void agreesWithThePublished2026ArrangementExceptForItsSwaps() {
    HolidayYear published = WorkingDayCalendar.fromClasspath().holidays(2026);
    Set<LocalDate> publishedOff = published.daysOff().stream().map(NamedDay::date).collect(Collectors.toSet());

    assertThat(offDays(2026)).isSubsetOf(publishedOff);
    // What only the Government's notices know: the swapped weekdays and the weekends inside breaks.
    assertThat(publishedOff).contains(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 8, 31));
  }

  @Test
  void weekendHolidaysAreCompensatedOnDistinctWorkingDays() {
    for (int year = 2025; year <= 2060; year++) {
      List<NamedDay> off = rules.forYear(year).daysOff();
      long weekendHolidays = rules.statutoryHolidays(year).stream().filter(day -> HolidayYear.isWeekend(day.date())).count();
      assertThat(off).as("days off %d", year).hasSize(11 + (int) weekendHolidays);
      assertThat(off.stream().filter(day -> day.name().startsWith("Nghỉ bù")))
          .as("compensatory days %d", year)
          .allSatisfy(day -> assertThat(HolidayYear.isWeekend(day.date())).isFalse());
    }
  }

  private Set<LocalDate> offDays(int year) {
    return rules.forYear(year).daysOff().stream().map(NamedDay::date).collect(Collectors.toSet());
  }

  @Test
  void twoHolidaysOnOneDayGiveOneDayOffAndOneOwed() {
    // 10/3 lunar fell on 30/4 in 1947
    HolidayYear year = rules.forYear(1947);
    assertThat(year.daysOff().stream().filter(day -> day.date().equals(LocalDate.of(1947, 4, 30)))).hasSize(1);
    assertThat(year.daysOff()).anyMatch(day -> day.name().startsWith("Nghỉ bù") && day.name().contains("1947-04-30"));
  }

  @Test
  void everySupportedYearHasACalendar() {
    for (int year = WorkingDayCalendar.FIRST_SUPPORTED_YEAR; year <= WorkingDayCalendar.LAST_SUPPORTED_YEAR; year++) {
      assertThat(rules.forYear(year).daysOff()).as("year %d", year).hasSizeGreaterThanOrEqualTo(11);
    }
  }
}
