package vn.directivetracker.review;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code directive-tracker.review-cycle}: the standing body's periodic review (315/TB-VPCP §6,
 * "định kỳ 05 ngày/lần"). DOMAIN.md asks for the cadence to be a setting; who reports, who
 * consolidates and who holds the meeting are settings too, as the next notice may name others.
 *
 * @param everyDays calendar days between two reviews
 * @param firstReview the first review (a date-time in Asia/Ho_Chi_Minh); every later one is
 *     {@code firstReview + k × everyDays}
 * @param reportingAgencies agency codes that each prepare a report for every review
 * @param consolidatingOffice agency code of the office that consolidates the reports and follows up late ones
 * @param reportDueWorkingDays working days after the review day the reports are due (end of that day)
 * @param consolidationDueWorkingDays working days after the reports' due day the consolidation is due
 * @param meetingDueWorkingDays working days after the consolidation's due day the meeting's conclusions are due
 * @param meetingGroup Camunda group that holds the meeting and records its conclusions
 */
@ConfigurationProperties("directive-tracker.review-cycle")
public record ReviewCycleSettings(
    @DefaultValue("5") int everyDays,
    @DefaultValue("2025-06-27T08:00") LocalDateTime firstReview,
    @DefaultValue({"BKHCN", "BCA"}) List<String> reportingAgencies,
    @DefaultValue("VPCP") String consolidatingOffice,
    @DefaultValue("2") int reportDueWorkingDays,
    @DefaultValue("1") int consolidationDueWorkingDays,
    @DefaultValue("1") int meetingDueWorkingDays,
    @DefaultValue("VPCP") String meetingGroup) {

  private static final String PREFIX = "directive-tracker.review-cycle.";

  public ReviewCycleSettings {
    require(everyDays >= 1 && everyDays <= 366, "every-days must be 1..366, was " + everyDays);
    require(reportDueWorkingDays >= 0 && reportDueWorkingDays <= 60,
        "report-due-working-days must be 0..60, was " + reportDueWorkingDays);
    require(consolidationDueWorkingDays >= 0 && consolidationDueWorkingDays <= 60,
        "consolidation-due-working-days must be 0..60, was " + consolidationDueWorkingDays);
    require(meetingDueWorkingDays >= 0 && meetingDueWorkingDays <= 60,
        "meeting-due-working-days must be 0..60, was " + meetingDueWorkingDays);
    require(meetingGroup != null && !meetingGroup.isBlank(), "meeting-group must name a group");
    require(consolidatingOffice != null && !consolidatingOffice.isBlank(), "consolidating-office must name an agency");
    // codes as typed in YAML ("bkhcn, BCA"): the same upper-case, distinct codes as everywhere else
    reportingAgencies = reportingAgencies == null ? List.of()
        : reportingAgencies.stream().map(code -> code.strip().toUpperCase(Locale.ROOT)).filter(code -> !code.isEmpty())
            .distinct().toList();
    require(!reportingAgencies.isEmpty(), "reporting-agencies must name at least one agency");
    consolidatingOffice = consolidatingOffice.strip().toUpperCase(Locale.ROOT);
    meetingGroup = meetingGroup.strip();
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(PREFIX + problem);
    }
  }
}
