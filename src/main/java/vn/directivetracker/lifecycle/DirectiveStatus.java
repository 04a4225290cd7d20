package vn.directivetracker.lifecycle;

/** The national statistics categories of a directive (DOMAIN.md, "Statuses"), ongoing duties apart. */
public enum DirectiveStatus {
  NOT_STARTED("Chưa triển khai", "grey"),
  IN_PROGRESS("Đang thực hiện trong hạn", "blue"),
  OVERDUE("Quá hạn chưa hoàn thành", "red"),
  COMPLETED_ON_TIME("Hoàn thành đúng hạn", "green"),
  COMPLETED_LATE("Hoàn thành quá hạn", "orange"),
  ONGOING("Nhiệm vụ thường xuyên", "blue"),
  ONGOING_CLOSED("Nhiệm vụ thường xuyên đã kết thúc", "green");

  private final String label;
  private final String colour;

  DirectiveStatus(String label, String colour) {
    this.label = label;
    this.colour = colour;
  }

  public String label() {
    return label;
  }

  public String colour() {
    return colour;
  }
}
