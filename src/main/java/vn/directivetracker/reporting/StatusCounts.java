package vn.directivetracker.reporting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import vn.directivetracker.lifecycle.DirectiveStatus;

/**
 * Directives per national category. Rates are over dated directives only: ongoing duties have no
 * deadline to be on time for, so they are counted apart.
 *
 * @param completionRate completed / dated directives, 0..1 (0 when there are none)
 * @param onTimeRate completed on time / completed, 0..1 (0 when none is completed)
 */
public record StatusCounts(int total, int completedOnTime, int completedLate, int inProgress, int overdue, int notStarted,
    int ongoing, int ongoingClosed, double completionRate, double onTimeRate) {

  public static StatusCounts of(Collection<StatusRow> rows) {
    Map<DirectiveStatus, Integer> counts = new EnumMap<>(DirectiveStatus.class);
    for (StatusRow row : rows) {
      counts.merge(row.status(), 1, Integer::sum);
    }
    return of(counts);
  }

  public static StatusCounts of(Map<DirectiveStatus, Integer> counts) {
    int onTime = counts.getOrDefault(DirectiveStatus.COMPLETED_ON_TIME, 0);
    int late = counts.getOrDefault(DirectiveStatus.COMPLETED_LATE, 0);
    int inProgress = counts.getOrDefault(DirectiveStatus.IN_PROGRESS, 0);
    int overdue = counts.getOrDefault(DirectiveStatus.OVERDUE, 0);
    int notStarted = counts.getOrDefault(DirectiveStatus.NOT_STARTED, 0);
    int ongoing = counts.getOrDefault(DirectiveStatus.ONGOING, 0);
    int ongoingClosed = counts.getOrDefault(DirectiveStatus.ONGOING_CLOSED, 0);
    int dated = onTime + late + inProgress + overdue + notStarted;
    int completed = onTime + late;
    return new StatusCounts(dated + ongoing + ongoingClosed, onTime, late, inProgress, overdue, notStarted, ongoing,
        ongoingClosed, dated == 0 ? 0 : (double) completed / dated, completed == 0 ? 0 : (double) onTime / completed);
  }

  @JsonProperty
  public int completed() {
    return completedOnTime + completedLate;
  }

  /** Directives with a deadline: every category except the ongoing duties. */
  @JsonProperty
  public int dated() {
    return completedOnTime + completedLate + inProgress + overdue + notStarted;
  }

  public int count(DirectiveStatus status) {
    return switch (status) {
      case COMPLETED_ON_TIME -> completedOnTime;
      case COMPLETED_LATE -> completedLate;
      case IN_PROGRESS -> inProgress;
      case OVERDUE -> overdue;
      case NOT_STARTED -> notStarted;
      case ONGOING -> ongoing;
      case ONGOING_CLOSED -> ongoingClosed;
    };
  }
}
