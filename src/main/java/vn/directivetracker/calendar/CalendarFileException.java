package vn.directivetracker.calendar;

import java.util.List;

/** A holiday calendar file cannot be used; carries every problem found, each naming its entry. */
public class CalendarFileException extends IllegalStateException {

  private final String file;
  private final List<String> problems;

  public CalendarFileException(String file, List<String> problems) {
    super("Invalid working-day calendar file " + file + ": " + String.join("; ", problems));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public String file() {
    return file;
  }

  public List<String> problems() {
    return problems;
  }
}
