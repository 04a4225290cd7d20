package vn.directivetracker.calendar;

/**
 * A day of the Vietnamese lunisolar calendar (âm lịch).
 *
 * @param year the lunar year, numbered like the solar year in which its first month begins
 * @param month 1 to 12
 * @param day 1 to 30
 * @param leapMonth true for the intercalary month ("tháng nhuận") that repeats {@code month}
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

  public LunarDate {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("lunar month must be 1 to 12, was " + month);
    }
    if (day < 1 || day > 30) {
      throw new IllegalArgumentException("lunar day must be 1 to 30, was " + day);
    }
  }

  public static LunarDate of(int year, int month, int day) {
    return new LunarDate(year, month, day, false);
  }

  @Override
  public String toString() {
    return day + "/" + month + (leapMonth ? " nhuận" : "") + "/" + year + " âm lịch";
  }
}
