package vn.directivetracker.reporting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.directivetracker.lifecycle.DirectiveStatus;

/**
 * One directive in a status report, as of the report's moment.
 *
 * @param originalDeadline the first due day; differs from {@code deadline} after an approved extension
 * @param deadline the due day in force at the report's moment (null for ongoing duties)
 * @param daysOverdue calendar days past the due day: until the report's day when still open, until
 *     the submission of the accepted report when completed late; 0 otherwise
 * @param lastMonthlyReport the last monthly progress report ("[date] who: text"), or null
 * @param running whether the directive's process instance is still running (Cockpit shows only those)
 */
public record StatusRow(String processInstanceId, String businessKey, String noticeNumber, String itemRef,
    String directiveText, String leadAgency, String leadAgencyName, List<String> coordinatingAgencies,
    String standingOffice, boolean keyTask, boolean ongoing, String deadlinePhrase, LocalDate originalDeadline,
    LocalDate deadline, DirectiveStatus status, int daysOverdue, Instant completedAt, Instant lastMonthlyReportAt,
    String lastMonthlyReport, boolean running) {

  @JsonProperty
  public String statusLabel() {
    return status.label();
  }

  @JsonProperty
  public boolean extended() {
    return originalDeadline != null && deadline != null && !originalDeadline.equals(deadline);
  }
}
