package vn.directivetracker.mail;

/** The mails the application sends: what the subject calls them and what the reader is asked to do. */
public enum MailKind {
  TASK_CREATED("Việc mới cần xử lý", "Mở việc trong Tasklist, nhận việc và xử lý trước thời hạn."),
  MONTHLY_REPORT_OPEN("Đến kỳ báo cáo tiến độ tháng", "Nộp báo cáo tiến độ tháng trong Tasklist trước thời hạn."),
  REVIEW_TASK("Việc của kỳ kiểm điểm định kỳ", "Mở việc trong Tasklist và hoàn thành trước thời hạn."),
  DEADLINE_REMINDER("Nhắc hạn nhiệm vụ", "Hoàn thành nhiệm vụ và nộp báo cáo hoàn thành trước thời hạn,"
      + " hoặc đề nghị gia hạn nếu không kịp."),
  DEADLINE_PASSED("Nhiệm vụ đã quá hạn", "Khẩn trương hoàn thành và nộp báo cáo hoàn thành,"
      + " hoặc đề nghị gia hạn, và báo cáo lý do chậm."),
  MONTHLY_REPORT_LATE("Báo cáo tháng quá hạn", "Nộp ngay báo cáo tiến độ tháng trong Tasklist."),
  EXTENSION_APPROVED("Đề nghị gia hạn được chấp thuận", "Hoàn thành nhiệm vụ trước thời hạn mới."),
  EXTENSION_REJECTED("Đề nghị gia hạn không được chấp thuận", "Hoàn thành nhiệm vụ trước thời hạn hiện hành."),
  REPORT_RETURNED("Báo cáo hoàn thành bị trả lại", "Bổ sung theo ý kiến thẩm định và nộp lại báo cáo hoàn thành."),
  REPORT_ACCEPTED("Báo cáo hoàn thành được chấp nhận", "Không cần làm gì thêm: nhiệm vụ đã được ghi nhận hoàn thành."),
  DIGEST("Tổng hợp công việc", "Mở Tasklist để xử lý các việc dưới đây.");

  private final String title;
  private final String action;

  MailKind(String title, String action) {
    this.title = title;
    this.action = action;
  }

  public String title() {
    return title;
  }

  public String action() {
    return action;
  }
}
