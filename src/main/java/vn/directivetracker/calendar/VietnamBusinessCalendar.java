package vn.directivetracker.calendar;

import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda business calendar that counts Vietnamese working days ({@link WorkingDayCalendar}) and
 * leaves every standard expression to Camunda's own calendar. {@link WorkingDayCalendarPlugin}
 * registers it as {@code dueDate} (user task {@code camunda:dueDate} / {@code camunda:followUpDate},
 * timer {@code timeDate}) in place of {@link DueDateBusinessCalendar}, and as {@code duration}
 * (timer {@code timeDuration}) in place of {@code DurationBusinessCalendar}. Timer cycles are not
 * affected.
 *
 * <h2>Working-day expressions</h2>
 *
 * <pre>
 * [anchor] [+|-]P&lt;n&gt;WD [@time]        (letters in any case; spaces between the parts allowed)
 * </pre>
 *
 * <ul>
 *   <li>{@code P<n>WD}: the n-th working day after the start day ({@code -P<n>WD}: before it). The
 *       start day itself never counts (Civil Code Art. 147), so {@code P1WD} on a Friday or a
 *       Saturday is the following Monday when that is a working day. Without {@code @} the time of
 *       day of the start is kept, like ISO {@code P5D}.
 *   <li>{@code @hh:mm} / {@code @hh:mm:ss}: that time of day on the resulting day.
 *   <li>{@code @end}: 23:59:59 on the resulting day.
 *   <li>{@code @due}: 23:59:59 on the resulting day, first moved to the next working day if it is
 *       not one (Civil Code Art. 148: the deadline rule for a stated date).
 *   <li>anchor: {@code yyyy-mm-dd} (00:00 that day) or an ISO date-time ({@code 2026-05-04T08:00},
 *       optional {@code Z} or {@code +07:00}) to count from instead of the engine's start time,
 *       usually from a process variable: {@code ${deadlineIso} -P2WD@08:00}.
 * </ul>
 *
 * <p>The start is the timer's creation date when Camunda passes one, else the engine clock
 * ({@link ClockUtil}, so tests that move the engine clock move this too). Days and times are in
 * Asia/Ho_Chi_Minh whatever the JVM zone; an anchor without an offset is Vietnamese local time.
 *
 * <pre>
 * P5WD                      5 working days from now, same time of day
 * P5WD@end                  23:59:59 on the 5th working day after today
 * -P2WD@08:00               08:00 two working days before today
 * 2026-04-30@due            2026-05-04T23:59:59+07:00 (30/4 and 1/5 are holidays, 2-3/5 a weekend)
 * 2026-05-04 -P2WD@08:00    2026-04-28T08:00+07:00 (reminder two working days before a deadline)
 * </pre>
 *
 * <p>Anything else (ISO 8601 dates such as {@code 2026-05-04T17:00:00} and durations such as
 * {@code P3D} / {@code PT4H}) is passed unchanged to the standard calendar. Only texts containing
 * {@code @} or {@code P<digits>WD} are read as working-day expressions; those must match the syntax
 * exactly or resolving fails with a {@link ProcessEngineException} that quotes the syntax.
 */
public class VietnamBusinessCalendar implements BusinessCalendar {

  private final WorkingDayCalendar calendar;
  private final BusinessCalendar standard;

  /** As {@code dueDate}: standard expressions go to Camunda's {@link DueDateBusinessCalendar}. */
  public VietnamBusinessCalendar(WorkingDayCalendar calendar) {
    this(calendar, new DueDateBusinessCalendar());
  }

  /** @param standard the Camunda calendar this one replaces, for expressions that are not ours */
  public VietnamBusinessCalendar(WorkingDayCalendar calendar, BusinessCalendar standard) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.standard = Objects.requireNonNull(standard, "standard");
  }

  @Override
  public Date resolveDuedate(String duedateDescription) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Task task) {
    Optional<WorkingDayExpression> expression = parse(duedateDescription);
    // Camunda's calendars count a task's dates from now too; keep whatever the standard one does.
    return expression.isPresent() ? resolve(duedateDescription, expression.get(), null)
        : standard.resolveDuedate(duedateDescription, task);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate) {
    Optional<WorkingDayExpression> expression = parse(duedateDescription);
    return expression.isPresent() ? resolve(duedateDescription, expression.get(), startDate)
        : standard.resolveDuedate(duedateDescription, startDate);
  }

  private Date resolve(String description, WorkingDayExpression expression, Date startDate) {
    Date start = startDate != null ? startDate : ClockUtil.now();
    try {
      return Date.from(expression.resolve(start.toInstant().atZone(WorkingDayCalendar.ZONE), calendar).toInstant());
    } catch (RuntimeException e) {
      // e.g. a year beyond the lunar fallback's range: report it like Camunda's own calendars do
      throw new ProcessEngineException("Cannot resolve due date '" + description + "': " + e.getMessage(), e);
    }
  }

  private static Optional<WorkingDayExpression> parse(String description) {
    try {
      return WorkingDayExpression.parse(description);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("Cannot resolve due date: " + e.getMessage());
    }
  }
}
