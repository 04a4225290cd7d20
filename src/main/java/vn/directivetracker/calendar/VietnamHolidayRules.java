package vn.directivetracker.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statutory public holidays of Labour Code 2019 Art. 112(1), for years whose days off the
 * Government has not published yet (see {@link WorkingDayCalendar}). It cannot know the swaps the
 * Prime Minister approves each year, so it never produces make-up working days; publish a
 * {@code calendar/vn-YYYY.yaml} file as soon as the year's arrangement is announced.
 *
 * <p>Days off (11 a year):
 *
 * <ul>
 *   <li>1/1 (Tết Dương lịch);
 *   <li>Tết Nguyên đán, 5 days: the last day of the old lunar year and the first 4 days of the new
 *       one. The Labour Code leaves the exact days to the Prime Minister; this is the usual choice
 *       (2026: 29 Chạp to mùng 4, 16–20/2), though 2025 used 28 Chạp to mùng 3;
 *   <li>Giỗ Tổ Hùng Vương, 10/3 lunar (the ordinary month 3, never a leap month 3);
 *   <li>30/4 and 1/5;
 *   <li>2/9 plus one adjacent day (Art. 112(1)(đ): "01 ngày liền kề trước hoặc sau"): 3/9 when 2/9
 *       is a Monday or a Thursday, otherwise 1/9, so that the break joins a weekend. This reproduces
 *       the arrangements approved for 2021, 2022, 2024, 2025 and 2026.
 * </ul>
 *
 * <p>A holiday that falls on a Saturday or Sunday gives a compensatory day off on the next working
 * day (Art. 111(3)); several such days are compensated in date order, each on the first weekday
 * that is not already off.
 *
 * <p>Not included: the 24/11 "Ngày Văn hóa Việt Nam" day off announced in Resolution 80-NQ/TW
 * (7 January 2026), which needs an amendment of Art. 112 that had not been passed when this was
 * written; add it here (and to the yearly files) once it is law.
 */
public final class VietnamHolidayRules {

  private static final String SOURCE =
      "Computed from Bộ luật Lao động 2019 Điều 111(3), 112(1) (no published arrangement for this year)";

  private final LunarCalendar lunar;

  public VietnamHolidayRules() {
    this(LunarCalendar.VIETNAM);
  }

  public VietnamHolidayRules(LunarCalendar lunar) {
    this.lunar = lunar;
  }

  /** The year's statutory holidays plus compensatory days off; no make-up working days. */
  public HolidayYear forYear(int year) {
    List<NamedDay> statutory = statutoryHolidays(year);
    Set<LocalDate> off = new HashSet<>();
    statutory.forEach(day -> off.add(day.date()));

    List<NamedDay> daysOff = new ArrayList<>();
    Set<LocalDate> listed = new HashSet<>();
    for (NamedDay holiday : statutory) {
      // two holidays on one day (Giỗ Tổ fell on 30/4 in 1947): the second is owed like one on a weekend
      boolean coincides = !listed.add(holiday.date());
      if (!coincides) {
        daysOff.add(holiday);
      }
      if (coincides || HolidayYear.isWeekend(holiday.date())) {
        LocalDate compensation = holiday.date().plusDays(1);
        while (HolidayYear.isWeekend(compensation) || off.contains(compensation)) {
          compensation = compensation.plusDays(1);
        }
        off.add(compensation);
        daysOff.add(new NamedDay(compensation, "Nghỉ bù " + holiday.name() + " (" + holiday.date() + ")"));
      }
    }
    return new HolidayYear(year, SOURCE, daysOff, List.of());
  }

  /** The 11 statutory holidays of the year, sorted, before compensation for weekends. */
  public List<NamedDay> statutoryHolidays(int year) {
    List<NamedDay> days = new ArrayList<>();
    days.add(new NamedDay(LocalDate.of(year, 1, 1), "Tết Dương lịch"));

    LocalDate tet = lunar.newYear(year);
    days.add(new NamedDay(tet.minusDays(1), "Tết Nguyên đán (ngày cuối năm âm lịch)"));
    for (int i = 0; i < 4; i++) {
      days.add(new NamedDay(tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")"));
    }

    days.add(new NamedDay(lunar.toSolar(LunarDate.of(year, 3, 10)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
    days.add(new NamedDay(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)"));
    days.add(new NamedDay(LocalDate.of(year, 5, 1), "Ngày Quốc tế lao động (1/5)"));

    LocalDate nationalDay = MonthDay.of(9, 2).atYear(year);
    days.add(new NamedDay(nationalDay, "Quốc khánh (2/9)"));
    days.add(new NamedDay(adjacentNationalDay(nationalDay), "Quốc khánh (ngày liền kề)"));
    days.sort(null);
    return List.copyOf(days);
  }

  /** 3/9 when that joins 2/9 to a weekend better (2/9 on Monday or Thursday), else 1/9. */
  private static LocalDate adjacentNationalDay(LocalDate nationalDay) {
    DayOfWeek day = nationalDay.getDayOfWeek();
    return day == DayOfWeek.MONDAY || day == DayOfWeek.THURSDAY ? nationalDay.plusDays(1) : nationalDay.minusDays(1);
  }
}
