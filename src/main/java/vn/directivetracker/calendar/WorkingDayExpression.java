package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A working-day due-date expression, e.g. {@code P5WD}, {@code -P2WD@08:00} or
 * {@code 2026-04-30@due}; the syntax is documented on {@link VietnamBusinessCalendar}.
 *
 * @param anchor the day (and time) to count from; empty means the engine's start time ("now")
 * @param workingDays working days to move, negative for "before"; 0 when no offset was written
 * @param time the time of day of the result; empty keeps the time of day of the start
 * @param due move the resulting day to the next working day if it is not one (Civil Code Art. 148)
 */
public record WorkingDayExpression(Optional<ZonedDateTime> anchor, int workingDays, Optional<LocalTime> time,
    boolean due) {

  public static final String SYNTAX = "[yyyy-mm-dd[Thh:mm[:ss][Z|+hh:mm]]] [+|-]P<n>WD [@hh:mm[:ss] | @end | @due]";

  /** Anything with "@" or "P<digits>WD" is ours; plain ISO 8601 dates and durations never contain either. */
  private static final Pattern OURS = Pattern.compile("@|P\\d+WD", Pattern.CASE_INSENSITIVE);

  private static final Pattern GRAMMAR = Pattern.compile("""
      \\s*
      (?<anchor>\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})?)?)?
      \\s*
      (?:(?<sign>[+-])?P(?<count>\\d{1,4})WD)?
      \\s*
      (?:@\\s*(?<at>end|due|\\d{1,2}:\\d{2}(?::\\d{2})?))?
      \\s*""", Pattern.CASE_INSENSITIVE | Pattern.COMMENTS);

  private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("H:mm[:ss]");

  /**
   * Parses a due-date description: empty if it is not a working-day expression (leave it to
   * Camunda's ISO 8601 handling), the expression if it is one.
   *
   * @throws IllegalArgumentException if it looks like a working-day expression but is malformed
   */
  public static Optional<WorkingDayExpression> parse(String description) {
    if (description == null || !OURS.matcher(description).find()) {
      return Optional.empty();
    }
    Matcher match = GRAMMAR.matcher(description);
    if (!match.matches() || (match.group("count") == null && match.group("at") == null)) {
      throw new IllegalArgumentException("'" + description + "' is not a working-day expression " + SYNTAX);
    }
    Optional<ZonedDateTime> anchor = Optional.ofNullable(match.group("anchor")).map(WorkingDayExpression::parseAnchor);
    int count = match.group("count") == null ? 0 : Integer.parseInt(match.group("count"));
    int workingDays = "-".equals(match.group("sign")) ? -count : count;
    String at = match.group("at") == null ? null : match.group("at").toLowerCase(Locale.ROOT);
    Optional<LocalTime> time = Optional.empty();
    boolean due = false;
    if ("end".equals(at)) {
      time = Optional.of(WorkingDayCalendar.END_OF_DAY);
    } else if ("due".equals(at)) {
      time = Optional.of(WorkingDayCalendar.END_OF_DAY);
      due = true;
    } else if (at != null) {
      try {
        time = Optional.of(LocalTime.parse(at, TIME_OF_DAY));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + at + "' in '" + description + "' is not a time of day (hh:mm[:ss])");
      }
    }
    return Optional.of(new WorkingDayExpression(anchor, workingDays, time, due));
  }

  /** The due instant, counting from {@code start} unless the expression has its own anchor. */
  public ZonedDateTime resolve(ZonedDateTime start, WorkingDayCalendar calendar) {
    ZonedDateTime base = anchor.orElse(start).withZoneSameInstant(WorkingDayCalendar.ZONE);
    LocalDate day = calendar.plusWorkingDays(base.toLocalDate(), workingDays);
    if (due) {
      day = calendar.dueDay(day);
    }
    return day.atTime(time.orElse(base.toLocalTime())).atZone(WorkingDayCalendar.ZONE);
  }

  /** A date is the start of that day, a date-time without offset is local time in Vietnam. */
  private static ZonedDateTime parseAnchor(String text) {
    String iso = text.toUpperCase(Locale.ROOT);
    try {
      if (iso.length() == 10) {
        return LocalDate.parse(iso).atStartOfDay(WorkingDayCalendar.ZONE);
      }
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned ? zoned
          : ((LocalDateTime) parsed).atZone(WorkingDayCalendar.ZONE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid ISO 8601 date or date-time");
    }
  }
}
