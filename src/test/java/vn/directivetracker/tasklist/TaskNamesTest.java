package vn.directivetracker.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskNamesTest {

  @Test
  void aNameThatFitsIsTheStepTheItemAndTheAgency() {
    assertThat(TaskNames.compose("Xác nhận giao nhiệm vụ", "315/TB-VPCP mục 1.b", "Bộ Công an"))
        .isEqualTo("Xác nhận giao nhiệm vụ — 315/TB-VPCP mục 1.b (Bộ Công an)");
    assertThat(TaskNames.compose("Tổng hợp báo cáo", "phiên rà soát 24/11/2026", null))
        .isEqualTo("Tổng hợp báo cáo — phiên rà soát 24/11/2026");
  }

  @Test
  void theItemIsShortenedFirstThenTheAgencyNeverTheStep() {
    String item = "315/TB-VPCP mục " + "1".repeat(300);
    String name = TaskNames.compose("Nộp báo cáo hoàn thành", item, "Ủy ban nhân dân thành phố Hồ Chí Minh");
    assertThat(name).hasSize(TaskNames.MAX_LENGTH).startsWith("Nộp báo cáo hoàn thành — 315/TB-VPCP mục 111")
        .endsWith("1… (Ủy ban nhân dân thành phố Hồ Chí Minh)");

    String agency = "Cơ quan " + "rất dài ".repeat(40);
    String both = TaskNames.compose("Nộp báo cáo hoàn thành", item, agency);
    assertThat(both).hasSizeLessThanOrEqualTo(TaskNames.MAX_LENGTH).startsWith("Nộp báo cáo hoàn thành — 315/TB-VPCP")
        .contains("… (Cơ quan rất dài").endsWith("…)");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String text = "a".repeat(8) + "😀" + "b".repeat(10);
    assertThat(TaskNames.shorten(text, 10)).isEqualTo("a".repeat(8) + "…");
  }
}
