package vn.directivetracker.lifecycle;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Server-side check of the values a form submitted: Camunda Forms validate in the browser only, and
 * REST callers skip the form entirely. Collects every problem, then {@link #check()} fails once.
 */
public final class FormInput {

  private final VariableScope scope;
  private final List<String> problems = new ArrayList<>();

  public FormInput(VariableScope scope) {
    this.scope = scope;
  }

  public String requiredText(String variable, String label) {
    String value = text(variable);
    if (value == null) {
      problems.add("thiếu \"" + label + "\"");
    }
    return value;
  }

  public String text(String variable) {
    Object value = scope.getVariable(variable);
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  public LocalDate date(String variable, String label, boolean required) {
    Object value = scope.getVariable(variable);
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), vn.directivetracker.calendar.WorkingDayCalendar.ZONE);
    }
    String text = text(variable);
    if (text == null) {
      if (required) {
        problems.add("thiếu \"" + label + "\"");
      }
      return null;
    }
    try {
      // form-js date fields submit yyyy-MM-dd; a date-time is cut to its day
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add("\"" + label + "\": " + text + " không phải là ngày hợp lệ");
      return null;
    }
  }

  public Boolean bool(String variable) {
    Object value = scope.getVariable(variable);
    if (value instanceof Boolean bool) {
      return bool;
    }
    return value == null ? null : Boolean.valueOf(value.toString());
  }

  public Integer integer(String variable, String label, int min, int max) {
    Object value = scope.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      int number = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
      if (number < min || number > max) {
        problems.add("\"" + label + "\" phải từ " + min + " đến " + max);
      }
      return number;
    } catch (NumberFormatException e) {
      problems.add("\"" + label + "\": " + value + " không phải là số");
      return null;
    }
  }

  public void notAfter(LocalDate date, LocalDate limit, String label) {
    if (date != null && date.isAfter(limit)) {
      problems.add("\"" + label + "\" (" + Dates.format(date) + ") không được sau ngày " + Dates.format(limit));
    }
  }

  public void notBefore(LocalDate date, LocalDate limit, String label) {
    if (date != null && date.isBefore(limit)) {
      problems.add("\"" + label + "\" (" + Dates.format(date) + ") không được trước ngày " + Dates.format(limit));
    }
  }

  public void after(LocalDate date, LocalDate limit, String label, String limitName) {
    if (date != null && !date.isAfter(limit)) {
      problems.add("\"" + label + "\" (" + Dates.format(date) + ") phải sau " + limitName + " (" + Dates.format(limit) + ")");
    }
  }

  /** Every non-empty line must be an http(s) link. */
  public void links(String variable, String label) {
    String text = text(variable);
    if (text == null) {
      return;
    }
    for (String line : text.split("\\R")) {
      String link = line.strip();
      if (link.isEmpty()) {
        continue;
      }
      try {
        URI uri = URI.create(link);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
          problems.add("\"" + label + "\": " + link + " không phải là đường dẫn http(s)");
        }
      } catch (IllegalArgumentException e) {
        problems.add("\"" + label + "\": " + link + " không phải là đường dẫn http(s)");
      }
    }
  }

  public void problem(String problem) {
    problems.add(problem);
  }

  public void check() {
    if (!problems.isEmpty()) {
      throw new DirectiveInputException(problems);
    }
  }
}
