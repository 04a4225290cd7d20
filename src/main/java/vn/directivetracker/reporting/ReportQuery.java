package vn.directivetracker.reporting;

import java.time.Instant;

/**
 * What a status report covers: one notice, one lead agency, or everything (null = no restriction),
 * as of a moment; or, with {@code period} ({@code yyyy-MM}), as frozen at that month's data cut-off.
 */
public record ReportQuery(String noticeNumber, String agency, Instant asOf, String period) {

  public static ReportQuery everything(Instant asOf) {
    return new ReportQuery(null, null, asOf, null);
  }

  public ReportQuery forAgency(String code) {
    return new ReportQuery(noticeNumber, code, asOf, period);
  }

  public boolean fromSnapshot() {
    return period != null;
  }
}
