package vn.directivetracker.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;

/** The review-cycle settings as an operator types them, and what start-up refuses. */
class ReviewCycleSettingsTest {

  static final AgencyRegistry AGENCIES = new AgencyRegistry(List.of(
      agency("BKHCN", "Bộ Khoa học và Công nghệ"), agency("BCA", "Bộ Công an"), agency("VPCP", "Văn phòng Chính phủ")));

  @Test
  void theCycleStartsAtTheFirstReviewInVietnamTime() {
    ReviewCycle cycle = cycle(settings(5, List.of("BKHCN", "BCA"), "VPCP"));
    assertThat(cycle.getCycle()).isEqualTo("R/2025-06-27T08:00+07:00/P5D");
    assertThat(cycle(settings(7, List.of("BCA"), "VPCP")).getCycle()).isEqualTo("R/2025-06-27T08:00+07:00/P7D");
  }

  @Test
  void agencyCodesAreReadAsTyped() {
    ReviewCycleSettings settings = settings(5, List.of(" bkhcn", "BCA", "", "Bca"), " vpcp ");
    assertThat(settings.reportingAgencies()).containsExactly("BKHCN", "BCA");
    assertThat(settings.consolidatingOffice()).isEqualTo("VPCP");
  }

  @Test
  void unknownAgenciesStopTheStartUp() {
    assertThatThrownBy(() -> cycle(settings(5, List.of("BKHCN", "BXX"), "VPXX")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directive-tracker.review-cycle").hasMessageContaining("[BXX, VPXX]");
  }

  @Test
  void impossibleValuesStopTheStartUp() {
    assertThatThrownBy(() -> settings(0, List.of("BCA"), "VPCP")).hasMessageContaining("every-days must be 1..366");
    assertThatThrownBy(() -> settings(5, List.of(" "), "VPCP")).hasMessageContaining("reporting-agencies");
    assertThatThrownBy(() -> new ReviewCycleSettings(5, LocalDateTime.parse("2025-06-27T08:00"), List.of("BCA"), "VPCP",
        -1, 1, 1, "VPCP")).hasMessageContaining("report-due-working-days");
  }

  static ReviewCycleSettings settings(int everyDays, List<String> agencies, String office) {
    return new ReviewCycleSettings(everyDays, LocalDateTime.parse("2025-06-27T08:00"), agencies, office, 2, 1, 1, "VPCP");
  }

  static ReviewCycle cycle(ReviewCycleSettings settings) {
    return new ReviewCycle(settings, WorkingDayCalendar.fromClasspath(), AGENCIES, null);
  }

  static Agency agency(String code, String name) {
    return new Agency(code, name, code, AgencyKind.MINISTRY, LocalDate.parse("2025-03-01"), null);
  }
}
