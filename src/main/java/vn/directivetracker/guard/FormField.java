package vn.directivetracker.guard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.database.TextLimits;
import vn.directivetracker.lifecycle.Dates;

/**
 * One input of a Camunda Form and the values it accepts, checked on the server before the engine
 * writes anything: the browser's checks (form-js) are skipped by any REST caller.
 *
 * @param maxLength the form's limit, if any; never more than a String variable holds
 * @param options the values of a select or radio field
 */
public record FormField(String key, String label, String type, String subtype, boolean editable, Integer maxLength,
    Double min, Double max, List<String> options) {

  /** The longest text this field accepts. */
  public int textLimit() {
    return maxLength == null ? TextLimits.VARIABLE : Math.min(maxLength, TextLimits.VARIABLE);
  }

  /** What is wrong with a submitted value, in Vietnamese, or null when it is acceptable. */
  public String problemWith(Object value) {
    if (value == null) {
      return null; // clearing a field; whether it is required is the step's own rule
    }
    return switch (type) {
      case "textfield", "textarea" -> text(value);
      case "number" -> number(value);
      case "datetime" -> date(value);
      case "select", "radio" -> option(value);
      case "checkbox" -> value instanceof Boolean ? null : name() + " phải là đúng hoặc sai (true/false)";
      default -> name() + " không nhận giá trị";
    };
  }

  /** Whether a submitted value is what a read-only field already shows (forms may send it back). */
  public static boolean sameAs(Object submitted, Object current) {
    if (isBlank(submitted) && isBlank(current)) {
      return true;
    }
    return submitted != null && current != null
        && (Objects.equals(submitted, current) || submitted.toString().equals(current.toString()));
  }

  String name() {
    return "\"" + label + "\" (" + key + ")";
  }

  private String text(Object value) {
    if (!(value instanceof String text)) {
      return name() + " phải là văn bản";
    }
    if (text.length() > textLimit()) {
      return name() + " dài " + text.length() + " ký tự, tối đa " + textLimit();
    }
    return null;
  }

  private String number(Object value) {
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof String text && !text.isBlank()) {
      try {
        number = Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        return name() + ": " + abbreviated(text) + " không phải là số";
      }
    } else if (value instanceof String) {
      return null;
    } else {
      return name() + " phải là số";
    }
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return name() + " phải là số";
    }
    if (min != null && number < min || max != null && number > max) {
      return name() + " phải từ " + format(min) + " đến " + format(max);
    }
    return null;
  }

  private String date(Object value) {
    LocalDate day;
    if (value instanceof Date date) {
      day = Dates.zoned(date).toLocalDate();
    } else if (value instanceof String text) {
      if (text.isBlank()) {
        return null;
      }
      day = parseDay(text.strip());
      if (day == null) {
        return name() + ": " + abbreviated(text) + " không phải là ngày hợp lệ (năm-tháng-ngày, ví dụ 2026-12-31)";
      }
    } else {
      return name() + " phải là một ngày";
    }
    if (!WorkingDayCalendar.supports(day)) {
      return name() + ": năm " + day.getYear() + " nằm ngoài khoảng " + WorkingDayCalendar.FIRST_SUPPORTED_YEAR
          + "–" + WorkingDayCalendar.LAST_SUPPORTED_YEAR + " mà lịch ngày làm việc hỗ trợ";
    }
    return null;
  }

  /** A day as form-js sends it (yyyy-MM-dd), or an ISO date-time, cut to its day. */
  static LocalDate parseDay(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notADay) {
      try {
        return OffsetDateTime.parse(text).atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
      } catch (DateTimeParseException notAnOffsetTime) {
        try {
          return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException notALocalTime) {
          try {
            return ZonedDateTime.parse(text).withZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
          } catch (DateTimeParseException notATime) {
            return null;
          }
        }
      }
    }
  }

  private String option(Object value) {
    if (!(value instanceof String text)) {
      return name() + " phải là một trong: " + String.join(", ", options);
    }
    if (text.isEmpty() || options.contains(text)) {
      return null;
    }
    return name() + ": \"" + abbreviated(text) + "\" không có trong danh sách (" + String.join(", ", options) + ")";
  }

  private static boolean isBlank(Object value) {
    return value == null || value instanceof String text && text.isBlank();
  }

  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private static String format(Double bound) {
    if (bound == null) {
      return "…";
    }
    return bound == Math.rint(bound) ? Long.toString(bound.longValue()) : bound.toString();
  }
}
