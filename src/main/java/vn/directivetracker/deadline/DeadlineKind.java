package vn.directivetracker.deadline;

/** How a notice states a deadline (see DOMAIN.md, "Deadlines"). */
public enum DeadlineKind {
  /** "trước ngày 15/9/2025": due at the end of that day. */
  DATE,
  /** "trong tháng 9/2025": due at the end of the month's last day (the stated date is that day). */
  END_OF_MONTH,
  /** "Nhiệm vụ thường xuyên": no due date, reported every month until closed. */
  ONGOING,
  /** "trong thời gian sớm nhất": the standing office sets a target date at assignment. */
  ASAP,
  /** "theo lộ trình của Đề án": the standing office sets a target date at assignment. */
  ROADMAP,
  /** "từ ngày 01/7/2025": a duty that starts then and goes on, like an ongoing one. */
  FROM_DATE;

  public boolean isOngoing() {
    return this == ONGOING || this == FROM_DATE;
  }

  /** The notice gives no date: the standing office must set a target date. */
  public boolean needsTargetDate() {
    return this == ASAP || this == ROADMAP;
  }
}
