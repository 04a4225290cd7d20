package vn.directivetracker.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import vn.directivetracker.lifecycle.Dates;
import vn.directivetracker.lifecycle.DirectiveStatus;
import vn.directivetracker.reporting.AgencyLine;
import vn.directivetracker.reporting.StatusCounts;
import vn.directivetracker.reporting.StatusReport;

/**
 * The status report in a few Vietnamese lines, for the review's forms: the totals by national
 * category, the completion rates, and the lead agencies with the most overdue directives (the
 * meeting's first question is who is late).
 */
public final class StatusSummary {

  /** How many agencies the "most overdue" line names. */
  static final int MOST_OVERDUE = 3;
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  private StatusSummary() {}

  public static String of(StatusReport report) {
    StatusCounts totals = report.totals();
    String asOf = Dates.format(Date.from(report.asOf()));
    if (totals.total() == 0) {
      return "Tình hình đến " + asOf + ": chưa có nhiệm vụ nào được theo dõi.";
    }
    List<String> lines = new ArrayList<>();
    lines.add("Tình hình đến " + asOf + ": " + totals.total() + " nhiệm vụ.");
    lines.add("- Hoàn thành: " + totals.completed() + " (đúng hạn " + totals.completedOnTime() + ", quá hạn "
        + totals.completedLate() + ")");
    lines.add("- " + DirectiveStatus.OVERDUE.label() + ": " + totals.overdue());
    lines.add("- " + DirectiveStatus.IN_PROGRESS.label() + ": " + totals.inProgress());
    lines.add("- " + DirectiveStatus.NOT_STARTED.label() + ": " + totals.notStarted());
    if (totals.ongoing() + totals.ongoingClosed() > 0) {
      lines.add("- " + DirectiveStatus.ONGOING.label() + ": " + totals.ongoing() + " đang thực hiện, "
          + totals.ongoingClosed() + " đã kết thúc");
    }
    if (totals.dated() > 0) {
      lines.add("Tỷ lệ hoàn thành: " + percent(totals.completionRate()) + " số nhiệm vụ có thời hạn"
          + (totals.completed() > 0 ? "; đúng hạn " + percent(totals.onTimeRate()) + " số đã hoàn thành." : "."));
    }
    lines.add(mostOverdue(report.agencies()));
    return String.join("\n", lines);
  }

  private static String mostOverdue(List<AgencyLine> agencies) {
    List<String> names = agencies.stream()
        .filter(line -> line.counts().overdue() > 0)
        .sorted(Comparator.comparingInt((AgencyLine line) -> line.counts().overdue()).reversed()
            .thenComparing(AgencyLine::agency))
        .limit(MOST_OVERDUE)
        .map(line -> (line.agencyName() != null ? line.agencyName() : line.agency()) + " (" + line.counts().overdue() + ")")
        .toList();
    return names.isEmpty() ? "Không có cơ quan nào có nhiệm vụ quá hạn."
        : "Cơ quan có nhiều nhiệm vụ quá hạn nhất: " + String.join(", ", names) + ".";
  }

  /** 0.215 → "21,5%", 1.0 → "100%": Vietnamese decimal comma, one decimal only when it says something. */
  static String percent(double rate) {
    String formatted = String.format(VIETNAMESE, "%.1f", rate * 100);
    return (formatted.endsWith(",0") ? formatted.substring(0, formatted.length() - 2) : formatted) + "%";
  }
}
