package vn.directivetracker.support;

import java.util.HashMap;
import java.util.Map;

/** The variables 315/TB-VPCP item 1.b gives its directive for BCA: what the process tests start with. */
public final class NoticeItemVariables {

  private NoticeItemVariables() {}

  /** Due Tuesday 30/06/2026, coordinated by BKHCN and VPCP, not a key task; a new map each call. */
  public static Map<String, Object> item1bForBca() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("noticeNumber", "315/TB-VPCP");
    variables.put("itemRef", "1.b");
    variables.put("directiveText", "Chủ trì, phối hợp với Bộ Khoa học và Công nghệ, Văn phòng Chính phủ xây dựng,"
        + " trình Chính phủ Nghị quyết về việc thúc đẩy tạo lập dữ liệu phục vụ chuyển đổi số toàn diện.");
    variables.put("leadAgency", "BCA");
    variables.put("leadAgencyName", "Bộ Công an");
    variables.put("coordinatingAgenciesText", "BKHCN, VPCP");
    variables.put("standingOffice", "VPCP");
    variables.put("deadlineKind", "DATE");
    variables.put("deadlineDate", "2026-06-30");
    variables.put("deadlinePhrase", "Hoàn thành trước ngày 30 tháng 6 năm 2026");
    variables.put("keyTask", false);
    return variables;
  }
}
