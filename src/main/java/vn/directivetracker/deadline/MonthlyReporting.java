package vn.directivetracker.deadline;

import static vn.directivetracker.lifecycle.DirectiveVariables.MONTHLY_REPORT_DUE_DAY;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.calendar.WorkingDayCalendar;

/**
 * The monthly progress-report cycle (Decree 09/2019/NĐ-CP): data cut off on the cut-off day, the
 * report task opens the next morning, and is due on the policy's due day of the same month.
 * A cron on a fixed day, never {@code R/P1M}, which drifts after short months.
 */
@Component("reporting")
public class MonthlyReporting {

  /** When the report window opens on the day after the cut-off, before the spread. */
  static final LocalTime OPENS_AT = LocalTime.of(8, 0);

  private final WorkingDayCalendar calendar;
  private final int cutOffDay;
  private final int defaultDueDay;
  private final int spreadSeconds;

  public MonthlyReporting(WorkingDayCalendar calendar,
      @Value("${directive-tracker.reporting.cut-off-day:14}") int cutOffDay,
      @Value("${directive-tracker.reporting.due-day:20}") int defaultDueDay,
      @Value("${directive-tracker.reporting.opening-spread-minutes:60}") int spreadMinutes) {
    if (spreadMinutes < 0 || spreadMinutes > 600) {
      throw new IllegalArgumentException("directive-tracker.reporting.opening-spread-minutes must be 0..600, was "
          + spreadMinutes);
    }
    this.spreadSeconds = spreadMinutes * 60;
    if (cutOffDay < 1 || cutOffDay > 27) {
      throw new IllegalArgumentException("directive-tracker.reporting.cut-off-day must be 1..27, was " + cutOffDay);
    }
    if (defaultDueDay <= cutOffDay || defaultDueDay > 28) {
      throw new IllegalArgumentException("directive-tracker.reporting.due-day must be after the cut-off day and at most 28, was "
          + defaultDueDay);
    }
    this.calendar = calendar;
    this.cutOffDay = cutOffDay;
    this.defaultDueDay = defaultDueDay;
  }

  /** Spring cron (Camunda 7.24): 08:00 on the day after the cut-off, every month (directives started before the spread). */
  public String monthlyReportCycle() {
    return cron(OPENS_AT);
  }

  /**
   * The directive's own moment in the opening window: 08:00 plus a fixed offset within the spread
   * (from its business key), so that a hundred thousand report tasks do not all open in the same
   * second and queue every other job behind them. The same directive opens at the same minute
   * every month.
   */
  public String monthlyReportCycle(DelegateExecution execution) {
    return cron(openingTime(execution.getProcessBusinessKey()));
  }

  /** When the report window of the directive with this business key opens on its day. */
  public LocalTime openingTime(String businessKey) {
    if (spreadSeconds == 0 || businessKey == null) {
      return OPENS_AT;
    }
    return OPENS_AT.plusSeconds(Math.floorMod(businessKey.hashCode(), spreadSeconds));
  }

  private String cron(LocalTime time) {
    return time.getSecond() + " " + time.getMinute() + " " + time.getHour() + " " + (cutOffDay + 1) + " * ?";
  }

  public int cutOffDay() {
    return cutOffDay;
  }

  /** End of this month's due day (the policy's day, moved to a working day) as of the engine clock. */
  public Date monthlyReportDueDate(VariableScope scope) {
    Object policyDay = scope.getVariable(MONTHLY_REPORT_DUE_DAY);
    int dueDay = policyDay instanceof Number number ? number.intValue() : defaultDueDay;
    LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), WorkingDayCalendar.ZONE);
    LocalDate stated = YearMonth.from(today).atDay(Math.min(dueDay, YearMonth.from(today).lengthOfMonth()));
    return Date.from(calendar.dueAt(stated).toInstant());
  }
}
