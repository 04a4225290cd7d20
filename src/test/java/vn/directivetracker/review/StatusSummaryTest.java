package vn.directivetracker.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.directivetracker.lifecycle.DirectiveStatus;
import vn.directivetracker.reporting.AgencyLine;
import vn.directivetracker.reporting.StatusCounts;
import vn.directivetracker.reporting.StatusReport;

class StatusSummaryTest {

  static final Instant REVIEW = Instant.parse("2026-11-24T01:00:00Z");

  @Test
  void totalsRatesAndTheAgenciesWithTheMostOverdueDirectives() {
    // ties on overdue are named in agency-code order; only the first three are named
    StatusReport report = report(
        counts(3, 1, 4, 6, 1, 2, 0),
        List.of(
            line("BTC", "Bộ Tài chính", counts(0, 0, 1, 1, 0, 0, 0)),
            line("BCA", "Bộ Công an", counts(1, 0, 1, 3, 0, 0, 0)),
            line("BYT", "Bộ Y tế", counts(0, 0, 0, 1, 0, 0, 0)),
            line("BKHCN", "Bộ Khoa học và Công nghệ", counts(2, 1, 2, 0, 1, 2, 0)),
            line("BXD", "Bộ Xây dựng", counts(0, 0, 0, 1, 0, 0, 0))));

    assertThat(StatusSummary.of(report)).isEqualTo("""
        Tình hình đến 24/11/2026 08:00: 17 nhiệm vụ.
        - Hoàn thành: 4 (đúng hạn 3, quá hạn 1)
        - Quá hạn chưa hoàn thành: 6
        - Đang thực hiện trong hạn: 4
        - Chưa triển khai: 1
        - Nhiệm vụ thường xuyên: 2 đang thực hiện, 0 đã kết thúc
        Tỷ lệ hoàn thành: 26,7% số nhiệm vụ có thời hạn; đúng hạn 75% số đã hoàn thành.
        Cơ quan có nhiều nhiệm vụ quá hạn nhất: Bộ Công an (3), Bộ Tài chính (1), Bộ Xây dựng (1).""");
  }

  @Test
  void noOverdueDirectiveIsSaidPlainly() {
    StatusReport report = report(counts(0, 0, 2, 0, 0, 0, 0),
        List.of(line("BCA", "Bộ Công an", counts(0, 0, 2, 0, 0, 0, 0))));
    assertThat(StatusSummary.of(report)).isEqualTo("""
        Tình hình đến 24/11/2026 08:00: 2 nhiệm vụ.
        - Hoàn thành: 0 (đúng hạn 0, quá hạn 0)
        - Quá hạn chưa hoàn thành: 0
        - Đang thực hiện trong hạn: 2
        - Chưa triển khai: 0
        Tỷ lệ hoàn thành: 0% số nhiệm vụ có thời hạn.
        Không có cơ quan nào có nhiệm vụ quá hạn.""");
  }

  @Test
  void anEmptyReportSaysNothingIsTrackedYet() {
    assertThat(StatusSummary.of(report(counts(0, 0, 0, 0, 0, 0, 0), List.of())))
        .isEqualTo("Tình hình đến 24/11/2026 08:00: chưa có nhiệm vụ nào được theo dõi.");
  }

  @Test
  void percentagesUseTheVietnameseDecimalComma() {
    assertThat(StatusSummary.percent(0.215)).isEqualTo("21,5%");
    assertThat(StatusSummary.percent(1.0)).isEqualTo("100%");
    assertThat(StatusSummary.percent(0.0)).isEqualTo("0%");
    assertThat(StatusSummary.percent(2.0 / 3)).isEqualTo("66,7%");
  }

  static StatusCounts counts(int onTime, int late, int inProgress, int overdue, int notStarted, int ongoing,
      int ongoingClosed) {
    return StatusCounts.of(Map.of(DirectiveStatus.COMPLETED_ON_TIME, onTime, DirectiveStatus.COMPLETED_LATE, late,
        DirectiveStatus.IN_PROGRESS, inProgress, DirectiveStatus.OVERDUE, overdue, DirectiveStatus.NOT_STARTED, notStarted,
        DirectiveStatus.ONGOING, ongoing, DirectiveStatus.ONGOING_CLOSED, ongoingClosed));
  }

  static AgencyLine line(String code, String name, StatusCounts counts) {
    return new AgencyLine(code, name, counts);
  }

  static StatusReport report(StatusCounts totals, List<AgencyLine> agencies) {
    return new StatusReport(null, null, REVIEW, null, null, REVIEW, totals, agencies, List.of(), List.of(), List.of());
  }
}
