package vn.directivetracker.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.deadline.MonthlyReporting;
import vn.directivetracker.lifecycle.Dates;

/**
 * Freezes each directive's status at the month's data cut-off (Decree 09/2019/NĐ-CP: the 14th, a
 * setting), so that the month's report never changes afterwards. Called by the timer of
 * {@code processes/status-snapshot.bpmn}; a snapshot already taken is kept as it is.
 */
@Component("statusSnapshots")
public class StatusSnapshots {

  private static final Logger log = LoggerFactory.getLogger(StatusSnapshots.class);
  private static final int BATCH = 500;

  private final StatusReports reports;
  private final StatusSnapshotRepository repository;
  private final MonthlyReporting reporting;

  public StatusSnapshots(StatusReports reports, StatusSnapshotRepository repository, MonthlyReporting reporting) {
    this.reports = reports;
    this.repository = repository;
    this.reporting = reporting;
  }

  /** Spring cron (Camunda 7.24) of the snapshot timer: midnight at the end of the cut-off day, every month. */
  public String getCron() {
    return "0 0 0 " + (reporting.cutOffDay() + 1) + " * ?";
  }

  /** The period whose cut-off is the latest one on or before {@code day}. */
  public YearMonth periodEndingBy(LocalDate day) {
    YearMonth month = YearMonth.from(day);
    return day.getDayOfMonth() > reporting.cutOffDay() ? month : month.minusMonths(1);
  }

  /** Service task of the snapshot process: freezes the period whose cut-off has just passed. */
  public void freeze(DelegateExecution execution) {
    YearMonth period = periodEndingBy(Dates.today());
    execution.setVariable("period", period.toString());
    StatusSnapshot snapshot = freeze(period);
    execution.setVariable("directiveCount", snapshot.directiveCount());
  }

  /**
   * Freezes a period as of the end of its cut-off day, or returns the snapshot already taken (a
   * retried job, a second node): a month's report is written once.
   */
  @Transactional
  public StatusSnapshot freeze(YearMonth period) {
    Optional<StatusSnapshot> existing = repository.find(period);
    if (existing.isPresent()) {
      log.info("[snapshot {}] already taken at {}; kept", period, existing.get().takenAt());
      return existing.get();
    }
    LocalDate cutOff = period.atDay(reporting.cutOffDay());
    Instant asOf = cutOff.atTime(WorkingDayCalendar.END_OF_DAY).atZone(WorkingDayCalendar.ZONE).toInstant();
    if (asOf.isAfter(Dates.now().toInstant())) {
      throw new IllegalStateException("the data of " + period + " are not cut off before " + asOf);
    }
    StatusSnapshot header = new StatusSnapshot(period.toString(), cutOff, asOf, Dates.now().toInstant(), 0);
    repository.insert(header);
    // streamed from the read model and written in batches: never every row in memory at once
    List<StatusRow> batch = new ArrayList<>(BATCH);
    int[] count = {0};
    reports.forEachRow(asOf, row -> {
      batch.add(row);
      count[0]++;
      if (batch.size() == BATCH) {
        repository.insertRows(header.period(), batch);
        batch.clear();
      }
    });
    repository.insertRows(header.period(), batch);
    repository.setDirectiveCount(header.period(), count[0]);
    repository.analyze();
    log.info("[snapshot {}] {} directives frozen as of {}", period, count[0], asOf);
    return new StatusSnapshot(header.period(), cutOff, asOf, header.takenAt(), count[0]);
  }

  public List<StatusSnapshot> all() {
    return repository.all();
  }
}
