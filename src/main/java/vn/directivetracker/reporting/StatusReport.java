package vn.directivetracker.reporting;

import java.time.Instant;
import java.util.List;

/**
 * The status report: totals, the league table of lead agencies, progress per notice, completions
 * per month, and one page of the directives, exception first (overdue, most days late, first).
 *
 * @param asOf the moment the statuses are computed for
 * @param period the snapshot's month when read from a snapshot, else null
 * @param takenAt when the snapshot was frozen (null for a live report)
 * @param generatedAt when this report was produced
 * @param directives the requested page of the directives matching the filter (status, search)
 * @param directivesTotal how many directives match the filter, on every page
 * @param offset where the page starts among them
 * @param limit the page's size as asked for
 */
public record StatusReport(String noticeNumber, String agency, Instant asOf, String period, Instant takenAt,
    Instant generatedAt, StatusCounts totals, List<AgencyLine> agencies, List<NoticeLine> notices,
    List<MonthLine> completionsPerMonth, List<StatusRow> directives, int directivesTotal, int offset, int limit) {

  /** A report whose page holds every directive it lists. */
  public StatusReport(String noticeNumber, String agency, Instant asOf, String period, Instant takenAt,
      Instant generatedAt, StatusCounts totals, List<AgencyLine> agencies, List<NoticeLine> notices,
      List<MonthLine> completionsPerMonth, List<StatusRow> directives) {
    this(noticeNumber, agency, asOf, period, takenAt, generatedAt, totals, agencies, notices, completionsPerMonth,
        directives, directives.size(), 0, directives.size());
  }
}
