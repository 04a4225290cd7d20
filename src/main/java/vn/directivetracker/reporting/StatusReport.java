package vn.directivetracker.reporting;

import java.time.Instant;
import java.util.List;

/**
 * The status report: totals, the league table of lead agencies, progress per notice, completions
 * per month and the directives themselves, exception first (overdue, most days late, first).
 *
 * @param asOf the moment the statuses are computed for
 * @param period the snapshot's month when read from a snapshot, else null
 * @param takenAt when the snapshot was frozen (null for a live report)
 * @param generatedAt when this report was produced
 */
public record StatusReport(String noticeNumber, String agency, Instant asOf, String period, Instant takenAt,
    Instant generatedAt, StatusCounts totals, List<AgencyLine> agencies, List<NoticeLine> notices,
    List<MonthLine> completionsPerMonth, List<StatusRow> directives) {}
