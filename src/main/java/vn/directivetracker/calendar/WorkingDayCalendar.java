package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * Working days of Vietnamese civil servants: Monday to Friday, minus the published days off, plus
 * the published make-up Saturdays. A year is taken from its {@code calendar/vn-YYYY.yaml} file when
 * there is one, otherwise computed by {@link VietnamHolidayRules} (statutory holidays only: no
 * swaps). Dates are calendar days in Asia/Ho_Chi_Minh. Thread-safe.
 *
 * <p>Counting follows Civil Code 2015 Art. 147: a period of N days starts on the day after the event,
 * so {@code plusWorkingDays(day, 1)} is the first working day after {@code day}, whatever {@code day}
 * is.
 */
@Component
public class WorkingDayCalendar {

  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final String DEFAULT_LOCATIONS = "classpath*:calendar/vn-*.yaml";

  /**
   * The last instant of a day in our convention. Not 24:00: that is 00:00 of the next day, which
   * Camunda's {@code Date} due dates, Tasklist and reports would show and compare as the next date.
   * Not 23:59:59.999 either: databases with second precision (e.g. MySQL DATETIME) round the
   * milliseconds up to the next day.
   */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  /**
   * The first and last years this calendar answers for. A year without a published file is computed
   * from the lunar calendar, which covers {@value LunarCalendar#MIN_YEAR} to
   * {@value LunarCalendar#MAX_YEAR}; a year's days off reach into its neighbours (Tết starts on the
   * last day of the old lunar year, and working-day searches step up to
   * {@value #MAX_CONSECUTIVE_DAYS_OFF} days across the new year), so the years at both ends are left out.
   * Callers taking a day from outside (request parameters) check it with {@link #supports}.
   */
  public static final int FIRST_SUPPORTED_YEAR = LunarCalendar.MIN_YEAR + 1;
  public static final int LAST_SUPPORTED_YEAR = LunarCalendar.MAX_YEAR - 1;

  /** Guards the day-by-day searches against a calendar file that lists a whole year off. */
  private static final int MAX_CONSECUTIVE_DAYS_OFF = 60;

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final Map<Integer, HolidayYear> published;
  private final VietnamHolidayRules fallback;
  private final ConcurrentMap<Integer, YearIndex> years = new ConcurrentHashMap<>();

  /** Fast look-ups for one year. */
  private record YearIndex(HolidayYear holidays, Map<LocalDate, String> daysOff, Map<LocalDate, String> makeUpDays) {
    static YearIndex of(HolidayYear holidays) {
      Map<LocalDate, String> off = new HashMap<>();
      holidays.daysOff().forEach(day -> off.put(day.date(), day.name()));
      Map<LocalDate, String> worked = new HashMap<>();
      holidays.workingDays().forEach(day -> worked.put(day.date(), day.name()));
      return new YearIndex(holidays, Map.copyOf(off), Map.copyOf(worked));
    }
  }

  /**
   * Spring: loads the yearly files at start-up and fails start-up if one is invalid.
   *
   * @param locations comma-separated resource patterns; an operator can add e.g.
   *     {@code file:/etc/directive-tracker/calendar/vn-*.yaml} to publish a new year without a release
   */
  @Autowired
  public WorkingDayCalendar(ResourceLoader resourceLoader,
      @Value("${directive-tracker.calendar.locations:" + DEFAULT_LOCATIONS + "}") String[] locations) {
    this(new HolidayFileParser().parseAll(ResourcePatternUtils.getResourcePatternResolver(resourceLoader),
        Arrays.stream(locations).map(String::strip).filter(location -> !location.isEmpty()).toList()),
        new VietnamHolidayRules());
  }

  /** For tests and tools: the given published years, with the statutory rules for all others. */
  public WorkingDayCalendar(Collection<HolidayYear> publishedYears) {
    this(publishedYears, new VietnamHolidayRules());
  }

  public WorkingDayCalendar(Collection<HolidayYear> publishedYears, VietnamHolidayRules fallback) {
    Map<Integer, HolidayYear> byYear = new HashMap<>();
    for (HolidayYear year : publishedYears) {
      if (byYear.putIfAbsent(year.year(), year) != null) {
        throw new IllegalArgumentException("year " + year.year() + " is published twice");
      }
    }
    this.published = Map.copyOf(byYear);
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    byYear.values().stream().sorted((a, b) -> Integer.compare(a.year(), b.year())).forEach(year ->
        log.info("Working-day calendar {}: {} days off, {} make-up working days ({})",
            year.year(), year.daysOff().size(), year.workingDays().size(), year.source()));
  }

  /** The calendar shipped with the application ({@value #DEFAULT_LOCATIONS}), outside Spring. */
  public static WorkingDayCalendar fromClasspath() {
    return new WorkingDayCalendar(new PathMatchingResourcePatternResolver(WorkingDayCalendar.class.getClassLoader()),
        new String[] {DEFAULT_LOCATIONS});
  }

  /** True if {@code day} lies in {@link #FIRST_SUPPORTED_YEAR} to {@link #LAST_SUPPORTED_YEAR}. */
  public static boolean supports(LocalDate day) {
    return day.getYear() >= FIRST_SUPPORTED_YEAR && day.getYear() <= LAST_SUPPORTED_YEAR;
  }

  // --- queries ---

  /** True if civil servants work on that day. */
  public boolean isWorkingDay(LocalDate date) {
    YearIndex year = index(date.getYear());
    if (year.makeUpDays().containsKey(date)) {
      return true;
    }
    return !HolidayYear.isWeekend(date) && !year.daysOff().containsKey(date);
  }

  /** The published (or computed) name of a day off or make-up working day, if it is one. */
  public Optional<String> specialDayName(LocalDate date) {
    YearIndex year = index(date.getYear());
    return Optional.ofNullable(year.daysOff().getOrDefault(date, year.makeUpDays().get(date)));
  }

  /** {@code date} if it is a working day, else the first working day after it. */
  public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
    LocalDate day = date;
    for (int i = 0; i <= MAX_CONSECUTIVE_DAYS_OFF; i++, day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        return day;
      }
    }
    throw new IllegalStateException("no working day within " + MAX_CONSECUTIVE_DAYS_OFF + " days after " + date
        + ": check the calendar data for " + date.getYear());
  }

  /**
   * The {@code workingDays}-th working day after {@code date} (before it when negative), not counting
   * {@code date} itself; 0 returns {@code date} unchanged. E.g. 1 from a Friday or a Saturday is the
   * next Monday if that is a working day; -1 from a Monday is the previous Friday.
   */
  public LocalDate plusWorkingDays(LocalDate date, int workingDays) {
    int step = workingDays >= 0 ? 1 : -1;
    LocalDate day = date;
    for (int remaining = Math.abs(workingDays); remaining > 0; remaining--) {
      int skipped = 0;
      do {
        day = day.plusDays(step);
        if (++skipped > MAX_CONSECUTIVE_DAYS_OFF) {
          throw new IllegalStateException("no working day within " + MAX_CONSECUTIVE_DAYS_OFF + " days of " + day
              + ": check the calendar data for " + day.getYear());
        }
      } while (!isWorkingDay(day));
    }
    return day;
  }

  /**
   * Working days after {@code start} up to and including {@code end}; negative (minus the working
   * days from {@code end} up to but excluding {@code start}) when {@code end} is before {@code start}.
   * Like {@code ChronoUnit.DAYS.between}, so that {@code plusWorkingDays(start, workingDaysBetween(start,
   * end)) == end} whenever {@code end} is a working day.
   */
  public int workingDaysBetween(LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      return -workingDaysBetween(end.minusDays(1), start.minusDays(1));
    }
    int count = 0;
    for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  // --- Civil Code 2015 Arts. 147-148 ---

  /**
   * The day a deadline really ends on: the stated day if it is a working day, else the next working
   * day (Civil Code 2015 Art. 148(5): a period whose last day is a weekly rest day or a public
   * holiday ends at the end of the following working day).
   */
  public LocalDate dueDay(LocalDate statedDeadline) {
    return nextWorkingDayOnOrAfter(statedDeadline);
  }

  /** 23:59:59 of that day in Asia/Ho_Chi_Minh, the convention for "the end of the day" (see {@link #END_OF_DAY}). */
  public ZonedDateTime endOfDay(LocalDate day) {
    return day.atTime(END_OF_DAY).atZone(ZONE);
  }

  /** The instant a stated deadline expires: {@code endOfDay(dueDay(statedDeadline))}. */
  public ZonedDateTime dueAt(LocalDate statedDeadline) {
    return endOfDay(dueDay(statedDeadline));
  }

  // --- data ---

  /** Years that have a published (file) calendar; other years use the statutory fallback. */
  public Set<Integer> publishedYears() {
    return Collections.unmodifiableSet(new TreeSet<>(published.keySet()));
  }

  /** The days off and make-up days used for a year, published or computed. */
  public HolidayYear holidays(int year) {
    return index(year).holidays();
  }

  private YearIndex index(int year) {
    return years.computeIfAbsent(year, this::load);
  }

  private YearIndex load(int year) {
    HolidayYear holidays = published.get(year);
    if (holidays == null) {
      holidays = fallback.forYear(year);
      // Computed years miss the Government's swaps: say so once, so operators publish the year's file.
      log.warn("No published working-day calendar for {}; using the statutory holidays computed by {} "
          + "(no make-up working days). Add calendar/vn-{}.yaml once the arrangement is announced.",
          year, VietnamHolidayRules.class.getSimpleName(), year);
    }
    return YearIndex.of(holidays);
  }
}
