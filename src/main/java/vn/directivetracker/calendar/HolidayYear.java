package vn.directivetracker.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The days off and make-up working days of one calendar year, either as published by the
 * Government (a {@code calendar/vn-YYYY.yaml} file) or as computed by {@link VietnamHolidayRules}.
 *
 * @param year the calendar year every listed date belongs to
 * @param source what the list is based on (a document number, or "computed")
 * @param daysOff days on which civil servants do not work; may include weekend days of a holiday
 * @param workingDays weekend days that are worked to make up for a swapped weekday ("làm bù")
 */
public record HolidayYear(int year, String source, List<NamedDay> daysOff, List<NamedDay> workingDays) {

  public HolidayYear {
    Objects.requireNonNull(source, "source");
    daysOff = daysOff.stream().sorted().toList();
    workingDays = workingDays.stream().sorted().toList();
    // The file parser reports these with line numbers; this guards lists built in code.
    Set<LocalDate> seen = new HashSet<>();
    for (NamedDay day : Stream.concat(daysOff.stream(), workingDays.stream()).toList()) {
      if (day.date().getYear() != year) {
        throw new IllegalArgumentException(day.date() + " (" + day.name() + ") is not in year " + year);
      }
      if (!seen.add(day.date())) {
        throw new IllegalArgumentException(day.date() + " is listed twice in year " + year);
      }
    }
    for (NamedDay day : workingDays) {
      if (!isWeekend(day.date())) {
        throw new IllegalArgumentException("make-up working day " + day.date() + " is not a Saturday or Sunday");
      }
    }
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
