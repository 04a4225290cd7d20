package vn.directivetracker.lifecycle;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.directivetracker.calendar.WorkingDayCalendar;

/** Dates as Vietnamese users read them (dd/MM/yyyy), and "now" from the engine clock. */
public final class Dates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private Dates() {}

  public static String format(LocalDate day) {
    return day.format(DAY);
  }

  public static String format(Date moment) {
    return moment.toInstant().atZone(WorkingDayCalendar.ZONE).format(DAY_TIME);
  }

  public static Date now() {
    return ClockUtil.now();
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.now().toInstant(), WorkingDayCalendar.ZONE);
  }

  public static ZonedDateTime zoned(Date moment) {
    return moment.toInstant().atZone(WorkingDayCalendar.ZONE);
  }
}
