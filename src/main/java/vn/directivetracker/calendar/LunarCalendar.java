package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between solar dates and the lunisolar calendar computed at a fixed UTC offset.
 *
 * <p>Vietnam's calendar ({@link #VIETNAM}) is computed at UTC+7; the same rules at UTC+8 give the
 * Chinese calendar, which is why Tết sometimes falls on another day in Vietnam (1985, 2007). The
 * rules are the ones Hồ Ngọc Đức's widely used algorithm implements:
 *
 * <ul>
 *   <li>a month begins on the local day of a new moon;
 *   <li>month 11 is the month that contains the winter solstice (sun longitude 270°);
 *   <li>when 13 months lie between two months 11, the first month after month 11 that contains no
 *       major solar term (sun longitude a multiple of 30°) is a leap month and repeats the number of
 *       the month before it.
 * </ul>
 *
 * <p>The astronomy uses the mean new moon with its main periodic terms and the sun's geometric
 * longitude with the equation of centre (J. Meeus, <i>Astronomical Algorithms</i>, low-precision
 * series). Their error is minutes, which only matters when a new moon or a solar term falls within
 * minutes of local midnight; that is why the supported range is limited to {@value #MIN_YEAR} to
 * {@value #MAX_YEAR}, where the series' time terms are valid. Instances are immutable and
 * thread-safe.
 */
public final class LunarCalendar {

  /** Vietnam's official calendar: computed at UTC+7 (the country's zone since 1968). */
  public static final LunarCalendar VIETNAM = new LunarCalendar(7.0);

  public static final int MIN_YEAR = 1900;
  public static final int MAX_YEAR = 2199;

  /** Mean length of a lunation in days. */
  private static final double SYNODIC_MONTH = 29.530588853;
  /** Julian date of the mean new moon of 1900-01-01 (lunation number 0 in the series below). */
  private static final double LUNATION_ZERO = 2415021.076998695;
  /** Julian date of 2000-01-01 12:00 TT (epoch J2000.0) used by the solar series. */
  private static final double J2000 = 2451545.0;
  /** Julian day number of 1970-01-01, to convert {@link LocalDate#toEpochDay()} to day numbers. */
  private static final long JDN_OF_EPOCH_DAY_ZERO = 2440588;

  private final double utcOffsetDays;

  /** @param utcOffsetHours the offset of the civil time that decides day boundaries, e.g. 7.0 */
  public LunarCalendar(double utcOffsetHours) {
    if (utcOffsetHours < -12 || utcOffsetHours > 14) {
      throw new IllegalArgumentException("UTC offset out of range: " + utcOffsetHours);
    }
    this.utcOffsetDays = utcOffsetHours / 24.0;
  }

  /** The solar date of the first day of the given lunar year (mùng 1 Tết). */
  public LocalDate newYear(int lunarYear) {
    return toSolar(LunarDate.of(lunarYear, 1, 1));
  }

  /** The solar date of a lunar date; fails if that month has no such day or no such leap month. */
  public LocalDate toSolar(LunarDate lunar) {
    checkYear(lunar.year());
    // Months 11 and 12 of lunar year y lie in the span that ends with month 11 of solar year y + 1.
    int spanEnd = lunar.month() >= 11 ? lunar.year() + 1 : lunar.year();
    for (Month month : monthsUpTo(spanEnd)) {
      if (month.lunarYear() == lunar.year() && month.number() == lunar.month()
          && month.leap() == lunar.leapMonth()) {
        if (lunar.day() > month.length()) {
          throw new IllegalArgumentException(lunar + " does not exist: that month has " + month.length() + " days");
        }
        return fromDayNumber(month.firstDay() + lunar.day() - 1);
      }
    }
    throw new IllegalArgumentException(lunar + " does not exist: lunar year " + lunar.year() + " has no "
        + (lunar.leapMonth() ? "leap month " : "month ") + lunar.month());
  }

  /** The lunar date of a solar date. */
  public LunarDate toLunar(LocalDate date) {
    checkYear(date.getYear());
    long day = dayNumber(date);
    int spanEnd = day >= month11Start(date.getYear()) ? date.getYear() + 1 : date.getYear();
    List<Month> months = monthsUpTo(spanEnd);
    for (int i = months.size() - 1; i >= 0; i--) {
      Month month = months.get(i);
      if (month.firstDay() <= day) {
        return new LunarDate(month.lunarYear(), month.number(), (int) (day - month.firstDay() + 1), month.leap());
      }
    }
    throw new IllegalStateException("no lunar month found for " + date); // unreachable: spans are contiguous
  }

  // --- calendar rules ---

  /** One lunar month; {@code length} is 29 or 30 days. */
  private record Month(int lunarYear, int number, boolean leap, long firstDay, int length) {}

  /**
   * The months from month 11 of the previous lunar year (inclusive) up to month 11 of lunar year
   * {@code solarYear} (exclusive): the span between two winter solstices in which leap months are
   * decided.
   */
  private List<Month> monthsUpTo(int solarYear) {
    long start = month11Start(solarYear - 1);
    long end = month11Start(solarYear);
    long lunation = Math.round((start - LUNATION_ZERO) / SYNODIC_MONTH);
    int count = end - start > 365 ? 13 : 12;
    int leapIndex = count == 13 ? firstMonthWithoutMajorTerm(lunation) : -1;

    List<Month> months = new ArrayList<>(count);
    int number = 11;
    int lunarYear = solarYear - 1;
    for (int i = 0; i < count; i++) {
      long first = newMoonDay(lunation + i);
      long next = i + 1 < count ? newMoonDay(lunation + i + 1) : end;
      boolean leap = i == leapIndex;
      if (i > 0 && !leap) {
        number = number == 12 ? 1 : number + 1;
        if (number == 1) {
          lunarYear = solarYear;
        }
      }
      months.add(new Month(lunarYear, number, leap, first, (int) (next - first)));
    }
    return months;
  }

  /** Index (1..12, after month 11) of the first month in which the sun crosses no multiple of 30°. */
  private int firstMonthWithoutMajorTerm(long month11Lunation) {
    int sectorAtStart = sunSector(newMoonDay(month11Lunation + 1));
    for (int i = 1; i <= 12; i++) {
      int sectorAtNext = sunSector(newMoonDay(month11Lunation + i + 1));
      if (sectorAtNext == sectorAtStart) {
        return i;
      }
      sectorAtStart = sectorAtNext;
    }
    throw new IllegalStateException("13-month year without a month lacking a major term near lunation "
        + month11Lunation); // impossible by the pigeonhole principle; guards against a formula slip
  }

  /** Day number of the first day of the month that contains the winter solstice of {@code year}. */
  private long month11Start(int year) {
    long lastDayOfYear = dayNumber(LocalDate.of(year, 12, 31));
    long lunation = (long) Math.floor((lastDayOfYear - LUNATION_ZERO) / SYNODIC_MONTH);
    long newMoon = newMoonDay(lunation);
    // If the sun is already past 270° when that month starts, the solstice fell in the month before.
    return sunSector(newMoon) >= 9 ? newMoonDay(lunation - 1) : newMoon;
  }

  /** The local day (as a day number) on which new moon number {@code lunation} occurs. */
  private long newMoonDay(long lunation) {
    return (long) Math.floor(newMoonJulianDate(lunation) + 0.5 + utcOffsetDays);
  }

  /** 0..11: which 30° sector of ecliptic longitude the sun is in at local midnight starting that day. */
  private int sunSector(long dayNumber) {
    double localMidnight = dayNumber - 0.5 - utcOffsetDays;
    return (int) Math.floor(sunLongitudeDegrees(localMidnight) / 30.0);
  }

  // --- astronomy ---

  /** Julian date (UT) of the new moon with the given lunation number counted from January 1900. */
  static double newMoonJulianDate(long lunation) {
    double k = lunation;
    double t = k / 1236.85; // Julian centuries since 1900.0
    double t2 = t * t;
    double t3 = t2 * t;
    double meanNewMoon = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        + 0.00033 * sinDeg(166.56 + 132.87 * t - 0.009173 * t2);
    double sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    double moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    double latitudeArgument = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;

    double correction = (0.1734 - 0.000393 * t) * sinDeg(sunAnomaly)
        + 0.0021 * sinDeg(2 * sunAnomaly)
        - 0.4068 * sinDeg(moonAnomaly)
        + 0.0161 * sinDeg(2 * moonAnomaly)
        - 0.0004 * sinDeg(3 * moonAnomaly)
        + 0.0104 * sinDeg(2 * latitudeArgument)
        - 0.0051 * sinDeg(sunAnomaly + moonAnomaly)
        - 0.0074 * sinDeg(sunAnomaly - moonAnomaly)
        + 0.0004 * sinDeg(2 * latitudeArgument + sunAnomaly)
        - 0.0004 * sinDeg(2 * latitudeArgument - sunAnomaly)
        - 0.0006 * sinDeg(2 * latitudeArgument + moonAnomaly)
        + 0.0010 * sinDeg(2 * latitudeArgument - moonAnomaly)
        + 0.0005 * sinDeg(2 * moonAnomaly + sunAnomaly);

    // Terrestrial minus universal time (ΔT), in days, fitted for the 20th and 21st centuries.
    double deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
    return meanNewMoon + correction - deltaT;
  }

  /** The sun's geometric ecliptic longitude in degrees [0, 360) at the given Julian date. */
  static double sunLongitudeDegrees(double julianDate) {
    double t = (julianDate - J2000) / 36525.0; // Julian centuries since J2000.0
    double t2 = t * t;
    double meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double equationOfCentre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sinDeg(meanAnomaly)
        + (0.019993 - 0.000101 * t) * sinDeg(2 * meanAnomaly)
        + 0.000290 * sinDeg(3 * meanAnomaly);
    double longitude = (meanLongitude + equationOfCentre) % 360.0;
    return longitude < 0 ? longitude + 360.0 : longitude;
  }

  private static double sinDeg(double degrees) {
    return Math.sin(Math.toRadians(degrees));
  }

  private static long dayNumber(LocalDate date) {
    return date.toEpochDay() + JDN_OF_EPOCH_DAY_ZERO;
  }

  private static LocalDate fromDayNumber(long dayNumber) {
    return LocalDate.ofEpochDay(dayNumber - JDN_OF_EPOCH_DAY_ZERO);
  }

  private static void checkYear(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new IllegalArgumentException("lunar calendar supports years " + MIN_YEAR + " to " + MAX_YEAR
          + ", not " + year);
    }
  }
}
