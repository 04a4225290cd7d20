package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

  private final LunarCalendar vietnam = LunarCalendar.VIETNAM;

  @ParameterizedTest(name = "Tết {0} is {1}")
  @CsvSource({
      "2024, 2024-02-10",
      "2025, 2025-01-29",
      "2026, 2026-02-17",
      "2027, 2027-02-06",
      // Not 2030-02-03, the date in most published tables: that is China's. The new moon is at
      // 16:07 UTC on 2 February 2030, i.e. 23:07 in Vietnam but 00:07 on the 3rd in China.
      "2030, 2030-02-02",
  })
  void lunarNewYear(int lunarYear, LocalDate expected) {
    assertThat(vietnam.newYear(lunarYear)).isEqualTo(expected);
    assertThat(vietnam.toLunar(expected)).isEqualTo(LunarDate.of(lunarYear, 1, 1));
  }

  @ParameterizedTest(name = "Giỗ Tổ {0} is {1}")
  @CsvSource({
      "2025, 2025-04-07",
      "2026, 2026-04-26",
  })
  void hungKingsCommemoration(int year, LocalDate expected) {
    assertThat(vietnam.toSolar(LunarDate.of(year, 3, 10))).isEqualTo(expected);
  }

  @Test
  void utcPlus7MakesVietnameseTetDifferFromChineseInSomeYears() {
    LunarCalendar china = new LunarCalendar(8.0);

    assertThat(vietnam.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
    assertThat(china.newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
    assertThat(vietnam.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
    assertThat(china.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
    assertThat(vietnam.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
    assertThat(china.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
  }

  @Test
  void leapMonths() {
    assertThat(vietnam.toSolar(new LunarDate(2020, 4, 1, true))).isEqualTo(LocalDate.of(2020, 5, 23));
    assertThat(vietnam.toSolar(new LunarDate(2023, 2, 1, true))).isEqualTo(LocalDate.of(2023, 3, 22));
    assertThat(vietnam.toSolar(new LunarDate(2025, 6, 1, true))).isEqualTo(LocalDate.of(2025, 7, 25));
    assertThat(vietnam.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(2025, 6, 1, true));

    assertThatThrownBy(() -> vietnam.toSolar(new LunarDate(2025, 2, 1, true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no leap month 2");
  }

  @Test
  void lastDaysOfTheLunarYearUsedByTheTetArrangements() {
    // 2026's statutory Tết starts on 29 tháng Chạp (the year's last day); 2025's on 28 tháng Chạp.
    assertThat(vietnam.toLunar(LocalDate.of(2026, 2, 16))).isEqualTo(LunarDate.of(2025, 12, 29));
    assertThat(vietnam.toLunar(LocalDate.of(2026, 2, 14))).isEqualTo(LunarDate.of(2025, 12, 27));
    assertThat(vietnam.toLunar(LocalDate.of(2025, 1, 27))).isEqualTo(LunarDate.of(2024, 12, 28));
    assertThat(vietnam.toLunar(LocalDate.of(2025, 10, 6))).isEqualTo(LunarDate.of(2025, 8, 15)); // Trung thu
  }

  @Test
  void everyDayRoundTripsAndLunarDaysAdvanceByOne() {
    LocalDate day = LocalDate.of(1990, 1, 1);
    LunarDate previous = vietnam.toLunar(day.minusDays(1));
    for (; day.getYear() < 2061; day = day.plusDays(1)) {
      LunarDate lunar = vietnam.toLunar(day);
      assertThat(vietnam.toSolar(lunar)).as("round trip of %s (%s)", day, lunar).isEqualTo(day);
      if (lunar.day() == 1) {
        assertThat(previous.day()).as("length of the month before %s", day).isBetween(29, 30);
      } else {
        assertThat(lunar.day()).as("day after %s", previous).isEqualTo(previous.day() + 1);
      }
      previous = lunar;
    }
  }

  @Test
  void rejectsDaysAMonthDoesNotHave() {
    // Tháng Chạp of Ất Tỵ has 29 days (Tết Bính Ngọ is on the 30th day after it starts).
    assertThatThrownBy(() -> vietnam.toSolar(LunarDate.of(2025, 12, 30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("29 days");
    assertThatThrownBy(() -> vietnam.newYear(1800)).hasMessageContaining("1900 to 2199");
  }
}
