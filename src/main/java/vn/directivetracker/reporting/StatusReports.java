package vn.directivetracker.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.directivetracker.agency.AgencyCodes;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.deadline.DeadlineKind;
import vn.directivetracker.lifecycle.Dates;
import vn.directivetracker.lifecycle.DirectiveStatus;
import vn.directivetracker.lifecycle.DirectiveStatusCalculator;
import vn.directivetracker.lifecycle.DirectiveStatusCalculator.Facts;

/**
 * The one place a status report is computed: for a notice, a lead agency or everything, as of now,
 * as of a past moment, or as frozen in a month's snapshot. Statuses come from
 * {@link DirectiveStatusCalculator} (the same rule the directive process stores at each step),
 * applied to the facts in {@code dt_directive_state} as they stood at the report's moment.
 */
@Service("statusReports")
public class StatusReports {

  /** Exception first: what needs action before what is done. */
  private static final List<DirectiveStatus> ORDER = List.of(DirectiveStatus.OVERDUE, DirectiveStatus.IN_PROGRESS,
      DirectiveStatus.NOT_STARTED, DirectiveStatus.ONGOING, DirectiveStatus.COMPLETED_LATE,
      DirectiveStatus.COMPLETED_ON_TIME, DirectiveStatus.ONGOING_CLOSED);

  /** Exception first, then by deadline, notice, item (1.a, 1.b, ..., 10) and lead agency. */
  static List<StatusRow> exceptionFirst(List<StatusRow> rows) {
    // the item's sort key is built once per row, not at every comparison
    record Keyed(StatusRow row, String item) {}
    Comparator<Keyed> order = Comparator
        .comparingInt((Keyed keyed) -> ORDER.indexOf(keyed.row().status()))
        .thenComparing(Comparator.comparingInt((Keyed keyed) -> keyed.row().daysOverdue()).reversed())
        .thenComparing(keyed -> keyed.row().deadline(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(keyed -> keyed.row().noticeNumber(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Keyed::item)
        .thenComparing(keyed -> keyed.row().leadAgency(), Comparator.nullsLast(Comparator.naturalOrder()));
    return rows.stream().map(row -> new Keyed(row, itemOrder(row.itemRef()))).sorted(order).map(Keyed::row).toList();
  }

  private final DirectiveStateRepository states;
  private final StatusSnapshotRepository snapshots;
  private final DirectiveStatusCalculator calculator;
  private final WorkingDayCalendar calendar;
  private final AgencyRegistry agencies;

  public StatusReports(DirectiveStateRepository states, StatusSnapshotRepository snapshots,
      DirectiveStatusCalculator calculator, WorkingDayCalendar calendar, AgencyRegistry agencies) {
    this.states = states;
    this.snapshots = snapshots;
    this.calculator = calculator;
    this.calendar = calendar;
    this.agencies = agencies;
  }

  /** The report over every directive the query covers. */
  public StatusReport report(ReportQuery query) {
    return report(query, null);
  }

  /**
   * The report over the directives the query covers and whose lead agency is one of
   * {@code visibleLeads} (null = every agency).
   */
  public StatusReport report(ReportQuery query, Collection<String> visibleLeads) {
    Collection<String> leads = restrict(query.agency(), visibleLeads);
    if (query.fromSnapshot()) {
      YearMonth period = YearMonth.parse(query.period());
      StatusSnapshot snapshot = snapshots.find(period)
          .orElseThrow(() -> new ReportNotFoundException("no snapshot for period " + query.period()));
      return assemble(query.noticeNumber(), query.agency(), snapshot.asOf(), query.period(), snapshot.takenAt(),
          snapshots.rows(period, query.noticeNumber(), leads));
    }
    Instant asOf = query.asOf() != null ? query.asOf() : Dates.now().toInstant();
    return assemble(query.noticeNumber(), query.agency(), asOf, null, null, rows(query.noticeNumber(), leads, asOf));
  }

  /** Every directive as it stood at {@code asOf}: the rows a live report and a snapshot are made of. */
  List<StatusRow> rows(String noticeNumber, Collection<String> leads, Instant asOf) {
    List<DirectiveState> found = states.find(noticeNumber, leads);
    boolean past = asOf.isBefore(Dates.now().toInstant().minusSeconds(1));
    Map<String, NavigableMap<Instant, Instant>> moved = past ? states.movedDeadlines() : Map.of();
    List<StatusRow> rows = new ArrayList<>(found.size());
    // most directives of a notice share a handful of stated days
    Map<LocalDate, Instant> dueMoments = new HashMap<>();
    for (DirectiveState state : found) {
      if (state.startedAt() != null && state.startedAt().isAfter(asOf)) {
        continue;
      }
      rows.add(rowAt(state, asOf, moved.get(state.processInstanceId()), dueMoments));
    }
    return rows;
  }

  /** One directive as it stood at {@code asOf}; {@code movedDeadlines} (from → deadline) may be null. */
  StatusRow rowAt(DirectiveState state, Instant asOf, NavigableMap<Instant, Instant> movedDeadlines,
      Map<LocalDate, Instant> dueMoments) {
    boolean ongoing = state.deadlineKind() != null && DeadlineKind.valueOf(state.deadlineKind()).isOngoing();
    Instant deadline = ongoing ? null : deadlineAt(state, asOf, movedDeadlines, dueMoments);
    Instant original = ongoing ? null : state.originalDeadline() != null ? state.originalDeadline() : deadline;
    Instant submitted = until(state.completionSubmittedAt(), asOf);
    Instant completed = until(state.completedAt(), asOf);
    Facts facts = new Facts(ongoing, date(deadline), date(original), date(until(state.acknowledgedAt(), asOf)),
        date(submitted), date(completed), date(until(state.closedAt(), asOf)));
    DirectiveStatus status = calculator.compute(facts, Date.from(asOf));
    // the moment the work counts as done: the accepted report's submission
    Instant doneAt = completed == null ? null : submitted != null ? submitted : completed;
    LocalDate dueDay = day(deadline);
    int daysOverdue = switch (status) {
      case OVERDUE -> (int) ChronoUnit.DAYS.between(dueDay, day(asOf));
      case COMPLETED_LATE -> (int) Math.max(0, ChronoUnit.DAYS.between(dueDay, day(doneAt)));
      default -> 0;
    };
    Instant lastReportAt = until(state.lastMonthlyReportAt(), asOf);
    return new StatusRow(state.processInstanceId(), state.businessKey(), state.noticeNumber(), state.itemRef(),
        state.directiveText(), state.leadAgency(), leadName(state), AgencyCodes.parse(state.coordinatingAgencies()),
        state.standingOffice(), state.keyTask(), ongoing, state.deadlinePhrase(), day(original), dueDay, status,
        daysOverdue, doneAt, lastReportAt, lastReportAt == null ? null : state.lastMonthlyReport(),
        state.endedAt() == null);
  }

  /** The deadline in force at {@code asOf}: before the assignment fixes it, the day the notice states. */
  private Instant deadlineAt(DirectiveState state, Instant asOf, NavigableMap<Instant, Instant> movedDeadlines,
      Map<LocalDate, Instant> dueMoments) {
    if (movedDeadlines != null && !movedDeadlines.isEmpty()) {
      Map.Entry<Instant, Instant> inForce = movedDeadlines.floorEntry(asOf);
      return (inForce != null ? inForce : movedDeadlines.firstEntry()).getValue();
    }
    if (state.deadline() != null) {
      return state.deadline();
    }
    return state.statedDeadline() == null ? null
        : dueMoments.computeIfAbsent(state.statedDeadline(), day -> calendar.dueAt(day).toInstant());
  }

  StatusReport assemble(String noticeNumber, String agency, Instant asOf, String period, Instant takenAt,
      List<StatusRow> rows) {
    List<StatusRow> sorted = exceptionFirst(rows);
    Map<String, List<StatusRow>> byAgency = sorted.stream()
        .collect(Collectors.groupingBy(StatusRow::leadAgency, LinkedHashMap::new, Collectors.toList()));
    List<AgencyLine> league = byAgency.entrySet().stream()
        .map(entry -> new AgencyLine(entry.getKey(), entry.getValue().get(0).leadAgencyName(),
            StatusCounts.of(entry.getValue())))
        .sorted(Comparator.comparingInt((AgencyLine line) -> line.counts().overdue()).reversed()
            .thenComparingDouble(line -> line.counts().completionRate())
            .thenComparing(AgencyLine::agency))
        .toList();
    Map<String, String> titles = states.noticeTitles();
    List<NoticeLine> notices = sorted.stream()
        .collect(Collectors.groupingBy(row -> String.valueOf(row.noticeNumber()), TreeMap::new, Collectors.toList()))
        .entrySet().stream()
        .map(entry -> new NoticeLine(entry.getKey(), titles.get(entry.getKey()), StatusCounts.of(entry.getValue())))
        .toList();
    return new StatusReport(noticeNumber, agency, asOf, period, takenAt, Dates.now().toInstant(), StatusCounts.of(sorted),
        league, notices, completionsPerMonth(sorted), sorted);
  }

  private static List<MonthLine> completionsPerMonth(List<StatusRow> rows) {
    Map<YearMonth, int[]> months = new TreeMap<>();
    for (StatusRow row : rows) {
      if (row.completedAt() != null
          && (row.status() == DirectiveStatus.COMPLETED_ON_TIME || row.status() == DirectiveStatus.COMPLETED_LATE)) {
        int[] counts = months.computeIfAbsent(YearMonth.from(Dates.zoned(Date.from(row.completedAt()))), m -> new int[2]);
        counts[row.status() == DirectiveStatus.COMPLETED_ON_TIME ? 0 : 1]++;
      }
    }
    return months.entrySet().stream().map(e -> new MonthLine(e.getKey().toString(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  private static Collection<String> restrict(String agency, Collection<String> visibleLeads) {
    if (agency == null) {
      return visibleLeads;
    }
    return visibleLeads == null || visibleLeads.contains(agency) ? List.of(agency) : List.of();
  }

  private String leadName(DirectiveState state) {
    if (state.leadAgencyName() != null) {
      return state.leadAgencyName();
    }
    return agencies.nameOf(state.leadAgency());
  }

  private static Instant until(Instant moment, Instant asOf) {
    return moment == null || moment.isAfter(asOf) ? null : moment;
  }

  private static Date date(Instant moment) {
    return moment == null ? null : Date.from(moment);
  }

  private static LocalDate day(Instant moment) {
    return moment == null ? null : LocalDate.ofInstant(moment, WorkingDayCalendar.ZONE);
  }

  /** "1.a" before "1.b" before "10": numbers compare as numbers. */
  static String itemOrder(String ref) {
    if (ref == null) {
      return "";
    }
    StringBuilder key = new StringBuilder(ref.length() + 16);
    for (String part : ref.split("\\.")) {
      if (!part.isEmpty() && part.length() <= 5 && part.chars().allMatch(Character::isDigit)) {
        key.append("00000", 0, 5 - part.length());
      }
      key.append(part).append('.');
    }
    return key.toString();
  }
}
