package vn.directivetracker.review;

import static vn.directivetracker.review.ReviewVariables.CONSOLIDATING_OFFICE;
import static vn.directivetracker.review.ReviewVariables.CONSOLIDATION_DUE_DATE;
import static vn.directivetracker.review.ReviewVariables.CONSOLIDATION_DUE_TEXT;
import static vn.directivetracker.review.ReviewVariables.MEETING_DUE_DATE;
import static vn.directivetracker.review.ReviewVariables.MEETING_DUE_TEXT;
import static vn.directivetracker.review.ReviewVariables.MEETING_GROUP;
import static vn.directivetracker.review.ReviewVariables.REPORTING_AGENCIES;
import static vn.directivetracker.review.ReviewVariables.REPORT_DUE_DATE;
import static vn.directivetracker.review.ReviewVariables.REPORT_DUE_TEXT;
import static vn.directivetracker.review.ReviewVariables.REVIEW_AT;
import static vn.directivetracker.review.ReviewVariables.REVIEW_DATE;
import static vn.directivetracker.review.ReviewVariables.REVIEW_NUMBER;
import static vn.directivetracker.review.ReviewVariables.STATUS_REPORT_URL;
import static vn.directivetracker.review.ReviewVariables.STATUS_REPORT_XLSX_URL;
import static vn.directivetracker.review.ReviewVariables.STATUS_SUMMARY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.lifecycle.Dates;
import vn.directivetracker.reporting.DirectiveFilter;
import vn.directivetracker.reporting.ReportQuery;
import vn.directivetracker.reporting.StatusReports;

/**
 * The standing body's periodic review (processes/review-cycle.bpmn): when it falls due, and what
 * every review starts with (the status report, who reports, the due dates).
 */
@Component("reviewCycle")
public class ReviewCycle {

  public static final String PROCESS_KEY = "reviewCycle";
  private static final Logger log = LoggerFactory.getLogger(ReviewCycle.class);
  private static final DateTimeFormatter BUSINESS_KEY_DAY = DateTimeFormatter.ofPattern("'RS-'yyyy-MM-dd");

  private final ReviewCycleSettings settings;
  private final WorkingDayCalendar calendar;
  private final AgencyRegistry agencies;
  private final StatusReports reports;

  public ReviewCycle(ReviewCycleSettings settings, WorkingDayCalendar calendar, AgencyRegistry agencies,
      StatusReports reports) {
    List<String> unknown = new ArrayList<>(settings.reportingAgencies());
    unknown.add(settings.consolidatingOffice());
    unknown.removeIf(code -> agencies.find(code).isPresent());
    if (!unknown.isEmpty()) {
      // a typo here would only show when the first review's tasks reach nobody: fail at start-up instead
      throw new IllegalArgumentException("directive-tracker.review-cycle: unknown agency code(s) " + unknown
          + " (see agencies.yaml)");
    }
    this.settings = settings;
    this.calendar = calendar;
    this.agencies = agencies;
    this.reports = reports;
  }

  /**
   * The start timer's cycle, {@code R/<first review>/P<N>D}. Camunda fires it at the first
   * {@code first review + k × N days} after the moment it is scheduled (never at a past one), and,
   * with {@code reevaluateTimeCycleWhenDue}, reads it again at each firing: a changed setting
   * applies from the review after the one already scheduled.
   */
  public String getCycle() {
    return "R/" + firstReview() + "/P" + settings.everyDays() + "D";
  }

  /**
   * Gateway_ReviewAlreadyHeld: a review already started today. The timer fires once per grid point,
   * but an administrator who runs the job early (Cockpit, REST) makes the engine schedule the same
   * point again; the second firing then ends without a second review.
   */
  public boolean alreadyHeldToday(DelegateExecution execution) {
    String key = Dates.today().format(BUSINESS_KEY_DAY);
    boolean held = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).count() > 0;
    if (held) {
      log.info("[{}] a review already started today; this firing ends without a second one", key);
    }
    return held;
  }

  /** Task_PrepareStatusReport: numbers the review, computes the status report and the due dates. */
  public void prepare(DelegateExecution execution) {
    Instant reviewAt = Dates.now().toInstant().truncatedTo(ChronoUnit.SECONDS);
    LocalDate reviewDay = Dates.today();
    execution.setProcessBusinessKey(reviewDay.format(BUSINESS_KEY_DAY));

    LocalDate reportDue = calendar.plusWorkingDays(reviewDay, settings.reportDueWorkingDays());
    LocalDate consolidationDue = calendar.plusWorkingDays(reportDue, settings.consolidationDueWorkingDays());
    LocalDate meetingDue = calendar.plusWorkingDays(consolidationDue, settings.meetingDueWorkingDays());

    execution.setVariable(REVIEW_NUMBER, number(execution));
    execution.setVariable(REVIEW_DATE, Dates.format(reviewDay));
    execution.setVariable(REVIEW_AT, Date.from(reviewAt));
    execution.setVariable(REPORTING_AGENCIES, new ArrayList<>(settings.reportingAgencies()));
    execution.setVariable(CONSOLIDATING_OFFICE, settings.consolidatingOffice());
    execution.setVariable(MEETING_GROUP, settings.meetingGroup());
    execution.setVariable(REPORT_DUE_DATE, endOf(reportDue));
    execution.setVariable(REPORT_DUE_TEXT, Dates.format(reportDue));
    execution.setVariable(CONSOLIDATION_DUE_DATE, endOf(consolidationDue));
    execution.setVariable(CONSOLIDATION_DUE_TEXT, Dates.format(consolidationDue));
    execution.setVariable(MEETING_DUE_DATE, endOf(meetingDue));
    execution.setVariable(MEETING_DUE_TEXT, Dates.format(meetingDue));
    // an instant ends in Z: a "+07:00" offset would need escaping in a link ("+" reads as a space)
    execution.setVariable(STATUS_REPORT_URL, "/dashboard?asOf=" + reviewAt);
    execution.setVariable(STATUS_REPORT_XLSX_URL, "/api/reports/status.xlsx?asOf=" + reviewAt);
    execution.setVariable(STATUS_SUMMARY, StatusSummary.of(reports.report(ReportQuery.everything(reviewAt), null,
        DirectiveFilter.firstPage().aggregatesOnly())));
    log.info("[{}] review prepared: reports of {} due {}, consolidation by {} due {}, meeting by {} due {}",
        execution.getProcessBusinessKey(), settings.reportingAgencies(), reportDue, settings.consolidatingOffice(),
        consolidationDue, settings.meetingGroup(), meetingDue);
  }

  /** The agency's name from the registry (its code when unknown, e.g. a role group). */
  String name(String code) {
    return agencies.nameOf(code);
  }

  /**
   * This review's number: the reviews this system has held before it, plus one. Counted from history
   * rather than from the first-review setting, so that a changed cadence does not renumber them.
   */
  private static int number(DelegateExecution execution) {
    // this instance is not in the count: its history row is written when the job's transaction ends
    long before = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).count();
    return (int) before + 1;
  }

  private String firstReview() {
    return settings.firstReview().atZone(WorkingDayCalendar.ZONE).toOffsetDateTime().toString();
  }

  private Date endOf(LocalDate day) {
    return Date.from(calendar.endOfDay(day).toInstant());
  }
}
