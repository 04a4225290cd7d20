package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A day in a holiday list, with the name under which it was published (shown to users). */
public record NamedDay(LocalDate date, String name) implements Comparable<NamedDay> {

  public NamedDay {
    Objects.requireNonNull(date, "date");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a named day needs a name: " + date);
    }
  }

  @Override
  public int compareTo(NamedDay other) {
    return date.compareTo(other.date);
  }
}
