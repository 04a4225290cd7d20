package vn.directivetracker.lifecycle;

import static vn.directivetracker.lifecycle.DirectiveVariables.ACKNOWLEDGED_AT;
import static vn.directivetracker.lifecycle.DirectiveVariables.CLOSED_AT;
import static vn.directivetracker.lifecycle.DirectiveVariables.COMPLETED_AT;
import static vn.directivetracker.lifecycle.DirectiveVariables.COMPLETION_SUBMITTED_AT;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_DATE;
import static vn.directivetracker.lifecycle.DirectiveVariables.ONGOING;
import static vn.directivetracker.lifecycle.DirectiveVariables.ORIGINAL_DEADLINE;
import static vn.directivetracker.lifecycle.DirectiveVariables.STATUS;
import static vn.directivetracker.lifecycle.DirectiveVariables.STATUS_LABEL;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.calendar.WorkingDayCalendar;

/**
 * The one place a directive's status is computed. It is stored as the variables {@code status}
 * and {@code statusLabel} at every step, so Cockpit, Tasklist and reports agree.
 */
@Component("directiveStatus")
public class DirectiveStatusCalculator {

  private static final Logger log = LoggerFactory.getLogger(DirectiveStatusCalculator.class);

  private final boolean extensionCountsAsOnTime;
  private final WorkingDayCalendar calendar;

  @Autowired
  public DirectiveStatusCalculator(
      @Value("${directive-tracker.status.extension-counts-as-on-time:true}") boolean extensionCountsAsOnTime,
      WorkingDayCalendar calendar) {
    this.extensionCountsAsOnTime = extensionCountsAsOnTime;
    this.calendar = calendar;
  }

  public DirectiveStatusCalculator(boolean extensionCountsAsOnTime) {
    this(extensionCountsAsOnTime, WorkingDayCalendar.fromClasspath());
  }

  /** Whether work finished within an approved extension counts as on time (the reports' SQL applies the same rule). */
  public boolean extensionCountsAsOnTime() {
    return extensionCountsAsOnTime;
  }

  /** The facts the status depends on. Dates may be null. */
  public record Facts(boolean ongoing, Date deadline, Date originalDeadline, Date acknowledgedAt,
      Date completionSubmittedAt, Date completedAt, Date closedAt) {

    public Facts withDeadline(Date due) {
      return new Facts(ongoing, due, originalDeadline == null ? due : originalDeadline, acknowledgedAt,
          completionSubmittedAt, completedAt, closedAt);
    }

    public static Facts of(VariableScope scope) {
      return new Facts(Boolean.TRUE.equals(scope.getVariable(ONGOING)), (Date) scope.getVariable(DEADLINE),
          (Date) scope.getVariable(ORIGINAL_DEADLINE), (Date) scope.getVariable(ACKNOWLEDGED_AT),
          (Date) scope.getVariable(COMPLETION_SUBMITTED_AT), (Date) scope.getVariable(COMPLETED_AT),
          (Date) scope.getVariable(CLOSED_AT));
    }
  }

  public DirectiveStatus compute(Facts facts, Date now) {
    if (facts.ongoing()) {
      return facts.closedAt() != null ? DirectiveStatus.ONGOING_CLOSED : DirectiveStatus.ONGOING;
    }
    Date deadline = extensionCountsAsOnTime || facts.originalDeadline() == null ? facts.deadline() : facts.originalDeadline();
    if (facts.completedAt() != null) {
      // the accepted report's submission is when the work was done, not the day the office got to review it
      Date doneAt = facts.completionSubmittedAt() != null ? facts.completionSubmittedAt() : facts.completedAt();
      return deadline != null && doneAt.after(deadline) ? DirectiveStatus.COMPLETED_LATE : DirectiveStatus.COMPLETED_ON_TIME;
    }
    if (deadline != null && now.after(deadline)) {
      return DirectiveStatus.OVERDUE;
    }
    return facts.acknowledgedAt() == null ? DirectiveStatus.NOT_STARTED : DirectiveStatus.IN_PROGRESS;
  }

  /**
   * The facts of a directive; before the assignment schedules the deadline, the day the notice
   * states is already binding (moved to a working day like any deadline).
   */
  public Facts factsOf(VariableScope scope) {
    Facts facts = Facts.of(scope);
    Object stated = scope.getVariable(DEADLINE_DATE);
    if (facts.deadline() == null && !facts.ongoing() && stated instanceof String day && !day.isBlank()) {
      return facts.withDeadline(Date.from(calendar.dueAt(LocalDate.parse(day)).toInstant()));
    }
    return facts;
  }

  /** Recomputes and stores the status; called by the engine after every step of a directive. */
  public DirectiveStatus update(DelegateExecution execution) {
    DirectiveStatus status = compute(factsOf(execution), Dates.now());
    Object previous = execution.getVariable(STATUS);
    if (!status.name().equals(previous)) {
      execution.setVariable(STATUS, status.name());
      execution.setVariable(STATUS_LABEL, status.label());
      log.info("[{}] status {} -> {}", execution.getBusinessKey(), previous, status);
    }
    return status;
  }
}
