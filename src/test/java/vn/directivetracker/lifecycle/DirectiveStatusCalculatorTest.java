package vn.directivetracker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.lifecycle.DirectiveStatusCalculator.Facts;

/** The national categories at their boundaries. */
class DirectiveStatusCalculatorTest {

  private final DirectiveStatusCalculator onTimeWithinExtension = new DirectiveStatusCalculator(true);
  private final DirectiveStatusCalculator strict = new DirectiveStatusCalculator(false);
  private static final Date DEADLINE = at("2026-06-30T23:59:59");

  @Test
  void completedOnTheDeadlineDayIsOnTimeAndTheDayAfterIsLate() {
    assertThat(onTimeWithinExtension.compute(done(DEADLINE, DEADLINE, at("2026-06-30T23:59:59")), at("2026-07-05T10:00")))
        .isEqualTo(DirectiveStatus.COMPLETED_ON_TIME);
    assertThat(onTimeWithinExtension.compute(done(DEADLINE, DEADLINE, at("2026-07-01T00:00:01")), at("2026-07-05T10:00")))
        .isEqualTo(DirectiveStatus.COMPLETED_LATE);
  }

  @Test
  void finishingWithinAnApprovedExtensionIsASetting() {
    Date extended = at("2026-07-31T23:59:59");
    Facts finishedInJuly = done(extended, DEADLINE, at("2026-07-20T09:00"));
    assertThat(onTimeWithinExtension.compute(finishedInJuly, at("2026-07-21T09:00"))).isEqualTo(DirectiveStatus.COMPLETED_ON_TIME);
    assertThat(strict.compute(finishedInJuly, at("2026-07-21T09:00"))).isEqualTo(DirectiveStatus.COMPLETED_LATE);
  }

  @Test
  void openDirectivesAreNotStartedInProgressOrOverdue() {
    Facts assigned = new Facts(false, DEADLINE, DEADLINE, null, null, null, null);
    Facts acknowledged = new Facts(false, DEADLINE, DEADLINE, at("2026-06-02T09:00"), null, null, null);
    assertThat(onTimeWithinExtension.compute(assigned, at("2026-06-10T09:00"))).isEqualTo(DirectiveStatus.NOT_STARTED);
    assertThat(onTimeWithinExtension.compute(acknowledged, at("2026-06-30T23:59:59"))).isEqualTo(DirectiveStatus.IN_PROGRESS);
    assertThat(onTimeWithinExtension.compute(acknowledged, at("2026-07-01T00:00"))).isEqualTo(DirectiveStatus.OVERDUE);
    assertThat(onTimeWithinExtension.compute(assigned, at("2026-07-01T00:00"))).isEqualTo(DirectiveStatus.OVERDUE);
  }

  @Test
  void ongoingDutiesStandApart() {
    assertThat(onTimeWithinExtension.compute(new Facts(true, null, null, null, null, null, null), at("2030-01-01T00:00")))
        .isEqualTo(DirectiveStatus.ONGOING);
    assertThat(onTimeWithinExtension.compute(new Facts(true, null, null, null, null, null, at("2026-09-01T09:00")),
        at("2030-01-01T00:00"))).isEqualTo(DirectiveStatus.ONGOING_CLOSED);
  }

  private static Facts done(Date deadline, Date original, Date submittedAt) {
    return new Facts(false, deadline, original, at("2026-06-02T09:00"), submittedAt, at("2026-07-21T08:00"), null);
  }

  private static Date at(String local) {
    return Date.from(LocalDateTime.parse(local).atZone(WorkingDayCalendar.ZONE).toInstant());
  }
}
