package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.directivetracker.lifecycle.DirectiveStatus;

/** The exports parsed back: what a user opening the file in Excel would see. */
class StatusExportsTest {

  static final List<String> AGENCY_HEADERS = List.of("Mã cơ quan", "Cơ quan chủ trì", "Tổng số", "Hoàn thành đúng hạn",
      "Hoàn thành quá hạn", "Đang thực hiện trong hạn", "Quá hạn chưa hoàn thành", "Chưa triển khai",
      "Nhiệm vụ thường xuyên", "Thường xuyên đã kết thúc", "Tỷ lệ hoàn thành", "Tỷ lệ đúng hạn");
  static final List<String> DIRECTIVE_HEADERS = List.of("Thông báo", "Mục", "Nội dung nhiệm vụ", "Cơ quan chủ trì",
      "Cơ quan phối hợp", "Cơ quan thường trực", "Trọng tâm", "Thời hạn ban đầu", "Thời hạn hiện hành", "Tình trạng",
      "Số ngày quá hạn", "Ngày hoàn thành", "Báo cáo tháng gần nhất", "Ngày báo cáo gần nhất");

  /** Comma, quotes and a line break: every reason RFC 4180 has to quote a field. */
  static final String AWKWARD_TEXT = "Đẩy mạnh chuyển đổi số, xây dựng \"Chính phủ số\"\nvà kinh tế số";
  static final String FORMULA_TEXT = "=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")";
  /** 10:00 UTC is 17:00 in Hà Nội. */
  static final Instant AS_OF = Instant.parse("2026-11-23T10:00:00Z");

  final StatusExports exports = new StatusExports();
  /** A fixed locale, so the percent cells read "40.0%" on any machine. */
  final DataFormatter formatter = new DataFormatter(Locale.US);

  @Test
  void workbookHasTheAgencyLeagueWithTitleMomentAndTotals() throws IOException {
    StatusReport report = report(rows(), "315/TB-VPCP", null, AS_OF, null);

    try (XSSFWorkbook workbook = xlsx(report)) {
      assertThat(sheetNames(workbook)).containsExactly("Tổng hợp theo cơ quan", "Danh sách nhiệm vụ", "Theo thông báo");
      XSSFSheet sheet = workbook.getSheet("Tổng hợp theo cơ quan");
      assertThat(text(sheet.getRow(0), 0)).contains("Thông báo số 315/TB-VPCP")
          .contains("Kết luận của Thủ tướng Chính phủ");
      assertThat(text(sheet.getRow(1), 0)).isEqualTo("Số liệu tính đến 23/11/2026 17:00");
      assertThat(cells(sheet.getRow(2))).containsExactlyElementsOf(AGENCY_HEADERS);

      List<AgencyLine> agencies = report.agencies();
      for (int i = 0; i < agencies.size(); i++) {
        Row row = sheet.getRow(3 + i);
        assertThat(text(row, 0)).isEqualTo(agencies.get(i).agency());
        assertThat(text(row, 1)).isEqualTo(agencies.get(i).agencyName());
        assertThat(numbers(row)).containsExactly(expected(agencies.get(i).counts()));
      }
      assertThat(text(sheet.getRow(3), 1)).isEqualTo("Bộ Khoa học và Công nghệ");

      Row total = sheet.getRow(3 + agencies.size());
      assertThat(text(total, 0)).isEqualTo("Tổng cộng");
      assertThat(numbers(total)).containsExactly(expected(report.totals()));
      assertThat(workbook.getFontAt(total.getCell(2).getCellStyle().getFontIndex()).getBold()).isTrue();
      assertThat(total.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
      // 7 directives, 5 of them dated, 2 completed: 40 %; 1 of the 2 on time: 50 %
      assertThat(formatter.formatCellValue(total.getCell(10))).isEqualTo("40.0%");
      assertThat(formatter.formatCellValue(total.getCell(11))).isEqualTo("50.0%");
      assertThat(sheet.getLastRowNum()).isEqualTo(3 + agencies.size());
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:L" + (3 + agencies.size()));
    }
  }

  @Test
  void workbookListsEveryDirectiveWithRealDatesAndLabels() throws IOException {
    List<StatusRow> rows = rows();
    StatusReport report = report(rows, null, null, AS_OF, null);

    try (XSSFWorkbook workbook = xlsx(report)) {
      XSSFSheet sheet = workbook.getSheet("Danh sách nhiệm vụ");
      assertThat(cells(sheet.getRow(0))).containsExactlyElementsOf(DIRECTIVE_HEADERS);
      assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N" + (rows.size() + 1));

      Row overdue = sheet.getRow(1);
      assertThat(cells(overdue)).startsWith("315/TB-VPCP", "1.a", AWKWARD_TEXT, "Bộ Khoa học và Công nghệ",
          "BTTTT, BCA", "VPCP-KGVX", "Có", "30/09/2026", "30/09/2026", "Quá hạn chưa hoàn thành", "54");
      assertThat(overdue.getCell(2).getCellStyle().getWrapText()).isTrue();
      // two lines of text, two lines of height; spreadsheets do not fit it themselves
      assertThat(overdue.getHeightInPoints()).isEqualTo(30f);
      assertThat(sheet.getRow(2).getHeightInPoints()).isEqualTo(sheet.getDefaultRowHeightInPoints());
      Cell due = overdue.getCell(8);
      assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
      assertThat(due.getCellStyle().getDataFormatString()).isEqualTo("dd/MM/yyyy");
      assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 30));
      assertThat(overdue.getCell(10).getNumericCellValue()).isEqualTo(54);
      // a formula typed as text stays text
      Cell formula = overdue.getCell(12);
      assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
      assertThat(formula.getStringCellValue()).isEqualTo(FORMULA_TEXT);

      Row late = sheet.getRow(2);
      assertThat(text(late, 7)).isEqualTo("30/06/2026");
      assertThat(text(late, 8)).isEqualTo("31/08/2026");
      assertThat(text(late, 9)).isEqualTo("Hoàn thành quá hạn");
      // 18:30 UTC on the 4th is already the 5th in Hà Nội
      assertThat(text(late, 11)).isEqualTo("05/09/2026");
      assertThat(late.getCell(9).getCellStyle().getFillForegroundColorColor()).isNotNull();

      Row ongoing = sheet.getRow(6);
      assertThat(text(ongoing, 9)).isEqualTo("Nhiệm vụ thường xuyên");
      assertThat(text(ongoing, 7)).isEmpty();
      assertThat(ongoing.getCell(8).getCellType()).isEqualTo(CellType.STRING);
      assertThat(text(ongoing, 8)).isEqualTo("Thường xuyên");
      assertThat(text(ongoing, 10)).isEmpty();

      List<String> labels = IntStream.rangeClosed(1, rows.size()).mapToObj(i -> text(sheet.getRow(i), 9)).toList();
      assertThat(labels).containsExactlyElementsOf(rows.stream().map(StatusRow::statusLabel).toList());
      assertThat(text(workbook.getSheet("Tổng hợp theo cơ quan").getRow(0), 0)).endsWith("Tất cả");
    }
  }

  @Test
  void workbookCountsEveryNotice() throws IOException {
    StatusReport report = report(rows(), null, null, AS_OF, null);

    try (XSSFWorkbook workbook = xlsx(report)) {
      XSSFSheet sheet = workbook.getSheet("Theo thông báo");
      assertThat(cells(sheet.getRow(0))).startsWith("Số thông báo", "Trích yếu", "Tổng số");
      assertThat(text(sheet.getRow(1), 0)).isEqualTo("315/TB-VPCP");
      assertThat(text(sheet.getRow(1), 1)).isEqualTo("Kết luận của Thủ tướng Chính phủ về chuyển đổi số");
      assertThat(numbers(sheet.getRow(1))).containsExactly(expected(report.notices().get(0).counts()));
      assertThat(text(sheet.getRow(3), 0)).isEqualTo("Tổng cộng");
      assertThat(numbers(sheet.getRow(3))).containsExactly(expected(report.totals()));
    }
  }

  @Test
  void snapshotReportNamesItsPeriodAndAgency() throws IOException {
    StatusReport report = report(rows(), null, "BKHCN", Instant.parse("2026-10-31T16:59:59Z"), "2026-10");

    try (XSSFWorkbook workbook = xlsx(report)) {
      XSSFSheet sheet = workbook.getSheet("Tổng hợp theo cơ quan");
      assertThat(text(sheet.getRow(0), 0)).endsWith("Cơ quan chủ trì: Bộ Khoa học và Công nghệ");
      assertThat(text(sheet.getRow(1), 0)).isEqualTo("Số liệu chốt kỳ 10/2026");
    }
    assertThat(exports.fileName(report, "xlsx")).isEqualTo("bao-cao-tinh-hinh_BKHCN_ky-2026-10.xlsx");
  }

  @Test
  void fileNamesAreAsciiAndDatedInHanoi() {
    List<StatusRow> rows = rows();
    assertThat(exports.fileName(report(rows, "315/TB-VPCP", null, AS_OF, null), "xlsx"))
        .isEqualTo("bao-cao-tinh-hinh_315-TB-VPCP_2026-11-23.xlsx");
    // 18:00 UTC is already the next day in Hà Nội
    assertThat(exports.fileName(report(rows, null, null, Instant.parse("2026-11-23T18:00:00Z"), null), ".csv"))
        .isEqualTo("bao-cao-tinh-hinh_2026-11-24.csv");
    assertThat(exports.fileName(report(rows, "12/TB-VPCP Đặc biệt", "BKHĐT", AS_OF, "2026-10"), "csv"))
        .isEqualTo("bao-cao-tinh-hinh_12-TB-VPCP-Dac-biet_BKHDT_ky-2026-10.csv");
  }

  @Test
  void csvOpensInExcelWithDiacriticsAndQuotedFields() throws IOException {
    List<StatusRow> rows = rows();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeCsv(report(rows, null, null, AS_OF, null), out);
    byte[] bytes = out.toByteArray();

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(csv).endsWith("\r\n").contains("\"\"Chính phủ số\"\"");
    List<List<String>> records = parseCsv(csv);
    assertThat(records).hasSize(rows.size() + 1);
    assertThat(records.get(0)).containsExactlyElementsOf(DIRECTIVE_HEADERS);
    assertThat(records).allSatisfy(record -> assertThat(record).hasSize(DIRECTIVE_HEADERS.size()));

    List<String> overdue = records.get(1);
    assertThat(overdue.subList(0, 12)).containsExactly("315/TB-VPCP", "1.a", AWKWARD_TEXT, "Bộ Khoa học và Công nghệ",
        "BTTTT, BCA", "VPCP-KGVX", "Có", "30/09/2026", "30/09/2026", "Quá hạn chưa hoàn thành", "54", "");
    assertThat(overdue.get(12)).isEqualTo("'" + FORMULA_TEXT);
    assertThat(overdue.get(13)).isEqualTo("20/11/2026");
    assertThat(records.get(2).subList(7, 12))
        .containsExactly("30/06/2026", "31/08/2026", "Hoàn thành quá hạn", "6", "05/09/2026");
    assertThat(records.get(6).subList(7, 11)).containsExactly("", "Thường xuyên", "Nhiệm vụ thường xuyên", "");
    // a leading minus is the other everyday trigger
    assertThat(records.get(4).get(2)).isEqualTo("'- Rà soát, sửa đổi Nghị định 47/2020/NĐ-CP");
  }

  @Test
  void agencyCsvHasTheLeagueAndTheTotal() throws IOException {
    StatusReport report = report(rows(), null, null, AS_OF, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeAgencyCsv(report, out);
    byte[] bytes = out.toByteArray();

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<List<String>> records = parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    assertThat(records.get(0)).containsExactlyElementsOf(AGENCY_HEADERS);
    assertThat(records).hasSize(report.agencies().size() + 2);
    assertThat(records.get(1).subList(0, 3)).containsExactly("BKHCN", "Bộ Khoa học và Công nghệ",
        Integer.toString(report.agencies().get(0).counts().total()));
    StatusCounts totals = report.totals();
    assertThat(records.get(records.size() - 1)).containsExactly("Tổng cộng", "", Integer.toString(totals.total()),
        Integer.toString(totals.completedOnTime()), Integer.toString(totals.completedLate()),
        Integer.toString(totals.inProgress()), Integer.toString(totals.overdue()), Integer.toString(totals.notStarted()),
        Integer.toString(totals.ongoing()), Integer.toString(totals.ongoingClosed()), "40.0%", "50.0%");
  }

  @Test
  void tenThousandDirectivesStream() throws IOException {
    List<StatusRow> template = rows();
    List<StatusRow> rows = IntStream.range(0, 10_000).mapToObj(i -> {
      StatusRow row = template.get(i % template.size());
      return new StatusRow("pi-" + i, "bk-" + i, row.noticeNumber(), "Mục " + i, row.directiveText() + " #" + i,
          row.leadAgency(), row.leadAgencyName(), row.coordinatingAgencies(), row.standingOffice(), row.keyTask(),
          row.ongoing(), row.deadlinePhrase(), row.originalDeadline(), row.deadline(), row.status(), row.daysOverdue(),
          row.completedAt(), row.lastMonthlyReportAt(), row.lastMonthlyReport(), row.running());
    }).toList();
    StatusReport report = report(rows, null, null, AS_OF, null);
    int leftoversBefore = sxssfTempFiles();

    long started = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeXlsx(report, out);
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("XLSX of %d directives: %d ms, %d KiB%n", rows.size(), millis, out.size() / 1024);

    assertThat(sxssfTempFiles()).isEqualTo(leftoversBefore);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      XSSFSheet sheet = workbook.getSheet("Danh sách nhiệm vụ");
      assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(10_001);
      assertThat(text(sheet.getRow(10_000), 1)).isEqualTo("Mục 9999");
    }
  }

  // ---------------------------------------------------------------- the report

  /** One directive per status, in the report's exception-first order. */
  static List<StatusRow> rows() {
    String notice = "315/TB-VPCP";
    return List.of(
        row(notice, "1.a", AWKWARD_TEXT, "BKHCN", "Bộ Khoa học và Công nghệ", List.of("BTTTT", "BCA"), true, null,
            LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30), DirectiveStatus.OVERDUE, 54, null,
            Instant.parse("2026-11-20T02:00:00Z"), FORMULA_TEXT),
        // extended from June to August, done early September
        row(notice, "1.b", "Hoàn thiện Cổng dịch vụ công quốc gia", "BCA", "Bộ Công an", List.of(), false, null,
            LocalDate.of(2026, 6, 30), LocalDate.of(2026, 8, 31), DirectiveStatus.COMPLETED_LATE, 6,
            Instant.parse("2026-09-04T18:30:00Z"), null, null),
        row(notice, "2", "Xây dựng cơ sở dữ liệu quốc gia về dân cư", "BCA", "Bộ Công an", List.of("BKHCN"), true, null,
            LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 15), DirectiveStatus.COMPLETED_ON_TIME, 0,
            Instant.parse("2026-10-10T03:00:00Z"), Instant.parse("2026-10-01T03:00:00Z"), "Đã hoàn thành 80%"),
        row("12/TB-VPCP", "3", "- Rà soát, sửa đổi Nghị định 47/2020/NĐ-CP", "BTP", "Bộ Tư pháp", List.of(), false,
            null, LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31), DirectiveStatus.IN_PROGRESS, 0, null, null,
            null),
        row("12/TB-VPCP", "4", "Đánh giá tác động của chính sách", "BTP", "Bộ Tư pháp", List.of(), false, null,
            LocalDate.of(2027, 3, 31), LocalDate.of(2027, 3, 31), DirectiveStatus.NOT_STARTED, 0, null, null, null),
        row(notice, "5", "Theo dõi, đôn đốc việc thực hiện chuyển đổi số", "BKHCN", "Bộ Khoa học và Công nghệ",
            List.of(), false, "Thường xuyên", null, null, DirectiveStatus.ONGOING, 0, null, null, null),
        row(notice, "6", "Tổ chức hội nghị sơ kết", "BTTTT", "Bộ Thông tin và Truyền thông", List.of(), false,
            "Thường xuyên", null, null, DirectiveStatus.ONGOING_CLOSED, 0, null, null, null));
  }

  static StatusRow row(String notice, String item, String text, String lead, String leadName,
      List<String> coordinating, boolean keyTask, String phrase, LocalDate original, LocalDate deadline,
      DirectiveStatus status, int daysOverdue, Instant completedAt, Instant reportAt, String report) {
    return new StatusRow("pi-" + item, notice + "#" + item, notice, item, text, lead, leadName, coordinating,
        "VPCP-KGVX", keyTask, deadline == null, phrase, original, deadline, status, daysOverdue, completedAt, reportAt,
        report, true);
  }

  /** Assembled like StatusReports does: agencies in first-seen order; notices 315 before 12. */
  static StatusReport report(List<StatusRow> rows, String notice, String agency, Instant asOf, String period) {
    Map<String, List<StatusRow>> byAgency = rows.stream()
        .collect(Collectors.groupingBy(StatusRow::leadAgency, LinkedHashMap::new, Collectors.toList()));
    List<AgencyLine> agencies = byAgency.values().stream()
        .map(lines -> new AgencyLine(lines.get(0).leadAgency(), lines.get(0).leadAgencyName(), StatusCounts.of(lines)))
        .toList();
    Map<String, String> titles = Map.of("315/TB-VPCP", "Kết luận của Thủ tướng Chính phủ về chuyển đổi số",
        "12/TB-VPCP", "Kết luận về công tác xây dựng pháp luật");
    List<NoticeLine> notices = rows.stream()
        .collect(Collectors.groupingBy(StatusRow::noticeNumber, () -> new TreeMap<>(Comparator.reverseOrder()),
            Collectors.toList()))
        .entrySet().stream()
        .map(entry -> new NoticeLine(entry.getKey(), titles.get(entry.getKey()), StatusCounts.of(entry.getValue())))
        .toList();
    return new StatusReport(notice, agency, asOf, period, period == null ? null : asOf, asOf, StatusCounts.of(rows),
        agencies, notices, List.of(), rows);
  }

  // ---------------------------------------------------------------- reading back

  XSSFWorkbook xlsx(StatusReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeXlsx(report, out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }

  static List<String> sheetNames(XSSFWorkbook workbook) {
    return IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
  }

  /** What Excel shows in each cell of the row. */
  List<String> cells(Row row) {
    List<String> shown = new ArrayList<>();
    for (int column = 0; column < row.getLastCellNum(); column++) {
      shown.add(text(row, column));
    }
    return shown;
  }

  String text(Row row, int column) {
    Cell cell = row.getCell(column);
    return cell == null ? "" : formatter.formatCellValue(cell);
  }

  /** The ten count columns as numbers (the two rates last). */
  static double[] numbers(Row row) {
    double[] values = new double[10];
    for (int i = 0; i < values.length; i++) {
      Cell cell = row.getCell(2 + i);
      assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
      values[i] = cell.getNumericCellValue();
    }
    return values;
  }

  static double[] expected(StatusCounts counts) {
    return new double[] {counts.total(), counts.completedOnTime(), counts.completedLate(), counts.inProgress(),
        counts.overdue(), counts.notStarted(), counts.ongoing(), counts.ongoingClosed(), counts.completionRate(),
        counts.onTimeRate()};
  }

  /** RFC 4180: records end with CRLF; a bare line break is only allowed inside quotes. */
  static List<List<String>> parseCsv(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        assertThat(field).as("quote opens a field").isEmpty();
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r') {
        assertThat(csv.charAt(i + 1)).as("CR is followed by LF").isEqualTo('\n');
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        assertThat(c).as("bare line feed outside quotes").isNotEqualTo('\n');
        field.append(c);
      }
    }
    assertThat(quoted).as("unterminated quote").isFalse();
    assertThat(record).as("last record ends with CRLF").isEmpty();
    assertThat(field).isEmpty();
    return records;
  }

  /** SXSSF's sheet buffers, left behind in POI's temp folder if not disposed. */
  static int sxssfTempFiles() {
    File[] files = new File(System.getProperty("java.io.tmpdir"), "poifiles")
        .listFiles((dir, name) -> name.startsWith("poi-sxssf"));
    return files == null ? 0 : files.length;
  }
}
