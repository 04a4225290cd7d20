package vn.directivetracker.deadline;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * The dates a directive's deadline timers wait for.
 *
 * @param statedDay the day the notice (or the assignment, or an extension) states
 * @param dueDay the stated day moved to the next working day when it is a day off (Civil Code Art. 148)
 * @param dueAt end of the due day: the directive is overdue after this moment
 * @param remindAt 08:00 on the working day the lead agency is reminded
 * @param escalateAt end of the working day an overdue directive goes to the leadership
 */
public record DeadlineSchedule(LocalDate statedDay, LocalDate dueDay, ZonedDateTime dueAt, ZonedDateTime remindAt,
    ZonedDateTime escalateAt) {

  public Date dueDate() {
    return Date.from(dueAt.toInstant());
  }

  public Date remindDate() {
    return Date.from(remindAt.toInstant());
  }

  public Date escalateDate() {
    return Date.from(escalateAt.toInstant());
  }
}
