package vn.directivetracker.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code dt_directive_state}: the facts of a directive a report needs, as the engine
 * last recorded them.
 *
 * @param coordinatingAgencies comma-separated agency codes
 * @param statedDeadline the day the notice (or the assignment, or an approved extension) states
 * @param deadline the scheduled due moment; null until the assignment is confirmed
 */
public record DirectiveState(String processInstanceId, String businessKey, String noticeNumber, String itemRef,
    String directiveText, String leadAgency, String leadAgencyName, String coordinatingAgencies, String standingOffice,
    boolean keyTask, String deadlineKind, String deadlinePhrase, LocalDate statedDeadline, Instant originalDeadline,
    Instant deadline, Instant startedAt, Instant acknowledgedAt, Instant completionSubmittedAt, Instant completedAt,
    Instant closedAt, Instant endedAt, Instant lastMonthlyReportAt, String lastMonthlyReport) {}
