package vn.directivetracker.reporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.springframework.stereotype.Component;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.lifecycle.DirectiveStatus;

/**
 * The status report as files to download: an Excel workbook (league table of agencies, the
 * directives, progress per notice) and CSV files of the directives and of the agency totals.
 * Nothing here queries anything: it lays out a {@link StatusReport} already computed and already
 * restricted to what the viewer may see, and the directives handed to it one at a time (streamed
 * from the database by {@link StatusReports#forEachRow}), so a file never needs every row in memory.
 */
@Component
public class StatusExports {

  public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";

  static final String AGENCY_SHEET = "Tổng hợp theo cơ quan";
  static final String DIRECTIVE_SHEET = "Danh sách nhiệm vụ";
  static final String NOTICE_SHEET = "Theo thông báo";
  static final String TOTAL_LABEL = "Tổng cộng";

  static final List<String> COUNT_HEADERS = List.of("Tổng số", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
      "Đang thực hiện trong hạn", "Quá hạn chưa hoàn thành", "Chưa triển khai", "Nhiệm vụ thường xuyên",
      "Thường xuyên đã kết thúc", "Tỷ lệ hoàn thành", "Tỷ lệ đúng hạn");
  static final List<String> AGENCY_HEADERS = concat(List.of("Mã cơ quan", "Cơ quan chủ trì"), COUNT_HEADERS);
  static final List<String> NOTICE_HEADERS = concat(List.of("Số thông báo", "Trích yếu"), COUNT_HEADERS);
  static final List<String> DIRECTIVE_HEADERS = List.of("Thông báo", "Mục", "Nội dung nhiệm vụ", "Cơ quan chủ trì",
      "Cơ quan phối hợp", "Cơ quan thường trực", "Trọng tâm", "Thời hạn ban đầu", "Thời hạn hiện hành", "Tình trạng",
      "Số ngày quá hạn", "Ngày hoàn thành", "Báo cáo tháng gần nhất", "Ngày báo cáo gần nhất");

  // column widths in characters, in the order of the headers
  private static final int[] AGENCY_WIDTHS = {14, 40, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13};
  private static final int[] NOTICE_WIDTHS = {18, 50, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13};
  private static final int[] DIRECTIVE_WIDTHS = {16, 8, 60, 30, 22, 16, 10, 13, 13, 28, 10, 13, 50, 13};
  private static final int DIRECTIVE_TEXT_COLUMN = 2;
  private static final int MONTHLY_REPORT_COLUMN = 12;
  private static final float LINE_HEIGHT = 15f;
  private static final float MAX_ROW_HEIGHT = 409f;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
  private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final String DATE_FORMAT = "dd/MM/yyyy";
  private static final String PERCENT_FORMAT = "0.0%";
  /** Rows SXSSF keeps in memory; older rows are flushed to a temp file. */
  private static final int ROW_WINDOW = 200;
  private static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String CRLF = "\r\n";

  // light tints, so the text stays readable when printed
  private static final Map<String, String> FILLS = Map.of("red", "FFC7CE", "orange", "F8CBAD", "green", "C6EFCE",
      "blue", "DDEBF7", "grey", "E7E6E6");

  /** The directives of a file, handed over one at a time in the file's order. */
  @FunctionalInterface
  public interface Rows {
    void forEach(Consumer<StatusRow> each);
  }

  // ---------------------------------------------------------------- XLSX

  /** The workbook with the directives of the report's own page. */
  public void writeXlsx(StatusReport report, OutputStream out) throws IOException {
    writeXlsx(report, report.directives()::forEach, out);
  }

  public void writeXlsx(StatusReport report, Rows directives, OutputStream out) throws IOException {
    // close() also deletes SXSSF's temp files (dispose() is deprecated since POI 5.4)
    try (SXSSFWorkbook workbook = new FastWorkbook()) {
      Styles styles = new Styles(workbook);
      agencySheet(workbook.createSheet(AGENCY_SHEET), report, styles);
      directiveSheet(workbook.createSheet(DIRECTIVE_SHEET), directives, styles);
      noticeSheet(workbook.createSheet(NOTICE_SHEET), report, styles);
      workbook.write(out);
    }
    out.flush();
  }

  private void agencySheet(Sheet sheet, StatusReport report, Styles styles) {
    Row title = sheet.createRow(0);
    text(title, 0, title(report), styles.title);
    Row moment = sheet.createRow(1);
    text(moment, 0, moment(report), styles.subtitle);
    int headerRow = 2;
    header(sheet, headerRow, AGENCY_HEADERS, AGENCY_WIDTHS, styles);
    int rowIndex = headerRow + 1;
    for (AgencyLine line : report.agencies()) {
      Row row = sheet.createRow(rowIndex++);
      text(row, 0, line.agency(), styles.text);
      text(row, 1, line.agencyName() != null ? line.agencyName() : line.agency(), styles.text);
      counts(row, 2, line.counts(), styles.integer, styles.percent);
    }
    int lastAgencyRow = rowIndex - 1;
    Row total = sheet.createRow(rowIndex);
    text(total, 0, TOTAL_LABEL, styles.boldText);
    text(total, 1, "", styles.boldText);
    counts(total, 2, report.totals(), styles.boldInteger, styles.boldPercent);

    sheet.createFreezePane(2, headerRow + 1);
    // the filter leaves the totals row out, so sorting cannot move it into the table
    if (lastAgencyRow > headerRow) {
      sheet.setAutoFilter(new CellRangeAddress(headerRow, lastAgencyRow, 0, AGENCY_HEADERS.size() - 1));
    }
    landscape(sheet, headerRow);
  }

  private void directiveSheet(Sheet sheet, Rows directives, Styles styles) {
    header(sheet, 0, DIRECTIVE_HEADERS, DIRECTIVE_WIDTHS, styles);
    int[] next = {1};
    directives.forEach(directive -> {
      Row row = sheet.createRow(next[0]++);
      text(row, 0, directive.noticeNumber(), styles.text);
      text(row, 1, directive.itemRef(), styles.text);
      text(row, DIRECTIVE_TEXT_COLUMN, directive.directiveText(), styles.wrapped);
      text(row, 3, leadName(directive), styles.text);
      text(row, 4, String.join(", ", directive.coordinatingAgencies()), styles.text);
      text(row, 5, directive.standingOffice(), styles.text);
      text(row, 6, directive.keyTask() ? "Có" : "", styles.text);
      date(row, 7, directive.originalDeadline(), styles.date);
      if (directive.deadline() != null) {
        date(row, 8, directive.deadline(), styles.date);
      } else {
        text(row, 8, ongoingDeadline(directive), styles.text);
      }
      text(row, 9, directive.status().label(), styles.status.get(directive.status()));
      Cell daysOverdue = row.createCell(10);
      daysOverdue.setCellStyle(styles.integer);
      if (directive.daysOverdue() > 0) {
        daysOverdue.setCellValue(directive.daysOverdue());
      }
      date(row, 11, day(directive.completedAt()), styles.date);
      text(row, MONTHLY_REPORT_COLUMN, directive.lastMonthlyReport(), styles.wrapped);
      date(row, 13, day(directive.lastMonthlyReportAt()), styles.date);
      int lines = Math.max(lines(directive.directiveText(), DIRECTIVE_WIDTHS[DIRECTIVE_TEXT_COLUMN]),
          lines(directive.lastMonthlyReport(), DIRECTIVE_WIDTHS[MONTHLY_REPORT_COLUMN]));
      // one-line rows keep Excel's own height
      if (lines > 1) {
        row.setHeightInPoints(height(lines));
      }
    });
    int rowIndex = next[0];
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowIndex - 1), 0, DIRECTIVE_HEADERS.size() - 1));
    landscape(sheet, 0);
  }

  private void noticeSheet(Sheet sheet, StatusReport report, Styles styles) {
    header(sheet, 0, NOTICE_HEADERS, NOTICE_WIDTHS, styles);
    int rowIndex = 1;
    for (NoticeLine line : report.notices()) {
      Row row = sheet.createRow(rowIndex++);
      text(row, 0, line.noticeNumber(), styles.text);
      text(row, 1, line.title(), styles.wrapped);
      counts(row, 2, line.counts(), styles.integer, styles.percent);
      int lines = lines(line.title(), NOTICE_WIDTHS[1]);
      if (lines > 1) {
        row.setHeightInPoints(height(lines));
      }
    }
    Row total = sheet.createRow(rowIndex);
    text(total, 0, TOTAL_LABEL, styles.boldText);
    text(total, 1, "", styles.boldText);
    counts(total, 2, report.totals(), styles.boldInteger, styles.boldPercent);
    sheet.createFreezePane(1, 1);
    landscape(sheet, 0);
  }

  /** The header row, and the column widths, which its height depends on. */
  private static void header(Sheet sheet, int rowIndex, List<String> headers, int[] widths, Styles styles) {
    Row row = sheet.createRow(rowIndex);
    int lines = 1;
    for (int column = 0; column < headers.size(); column++) {
      text(row, column, headers.get(column), styles.header);
      sheet.setColumnWidth(column, widths[column] * 256);
      // bold letters are wider
      lines = Math.max(lines, lines(headers.get(column), widths[column] * 4 / 5));
    }
    row.setHeightInPoints(height(lines));
  }

  /** The ten count columns, starting at {@code first}: eight numbers, then the two rates. */
  private static void counts(Row row, int first, StatusCounts counts, CellStyle integer, CellStyle percent) {
    int[] values = {counts.total(), counts.completedOnTime(), counts.completedLate(), counts.inProgress(),
        counts.overdue(), counts.notStarted(), counts.ongoing(), counts.ongoingClosed()};
    for (int i = 0; i < values.length; i++) {
      Cell cell = row.createCell(first + i);
      cell.setCellValue(values[i]);
      cell.setCellStyle(integer);
    }
    Cell completion = row.createCell(first + values.length);
    completion.setCellValue(counts.completionRate());
    completion.setCellStyle(percent);
    Cell onTime = row.createCell(first + values.length + 1);
    onTime.setCellValue(counts.onTimeRate());
    onTime.setCellStyle(percent);
  }

  /** Always a string cell: a text starting with "=" is shown, never evaluated. */
  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    if (value != null && !value.isEmpty()) {
      // Excel refuses longer cells; POI would throw
      cell.setCellValue(value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT - 1) + "…" : value);
    }
    cell.setCellStyle(style);
  }

  private static void date(Row row, int column, LocalDate value, CellStyle style) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
    }
    cell.setCellStyle(style);
  }

  private static void landscape(Sheet sheet, int headerRow) {
    PrintSetup print = sheet.getPrintSetup();
    print.setLandscape(true);
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
  }

  /**
   * Lines a wrapped text takes in a column of {@code width} characters, roughly. Spreadsheets do not
   * reliably fit row heights to wrapped text when opening a file (LibreOffice does not), so the
   * height is set here.
   */
  static int lines(String text, int width) {
    if (text == null || text.isEmpty()) {
      return 1;
    }
    // words do not break, so a line holds a little less than the width
    int perLine = Math.max(1, width - 2);
    int lines = 0;
    for (String paragraph : text.split("\\R", -1)) {
      lines += Math.max(1, (paragraph.length() + perLine - 1) / perLine);
    }
    return lines;
  }

  private static float height(int lines) {
    return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
  }

  /**
   * A streaming workbook zipped at deflate's fastest level: the sheet's XML of 100 000 directives is
   * tens of megabytes, and the default level spends more time compressing it than writing it.
   */
  private static final class FastWorkbook extends SXSSFWorkbook {
    FastWorkbook() {
      super(ROW_WINDOW);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
      ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
      zip.setLevel(Deflater.BEST_SPEED);
      return zip;
    }
  }

  /** The workbook's cell styles, made once: Excel caps a workbook at 64 000 styles. */
  private static final class Styles {
    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle boldText;
    final CellStyle integer;
    final CellStyle boldInteger;
    final CellStyle percent;
    final CellStyle boldPercent;
    final CellStyle date;
    final Map<DirectiveStatus, CellStyle> status = new EnumMap<>(DirectiveStatus.class);

    Styles(SXSSFWorkbook workbook) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      Font big = workbook.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      short percentFormat = workbook.createDataFormat().getFormat(PERCENT_FORMAT);
      short dateFormat = workbook.createDataFormat().getFormat(DATE_FORMAT);
      short integerFormat = workbook.createDataFormat().getFormat("0");

      title = workbook.createCellStyle();
      title.setFont(big);
      subtitle = workbook.createCellStyle();
      header = bordered(workbook);
      header.setFont(bold);
      header.setWrapText(true);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      fill(header, "D9D9D9");
      text = bordered(workbook);
      wrapped = bordered(workbook);
      wrapped.setWrapText(true);
      boldText = bordered(workbook);
      boldText.setFont(bold);
      integer = bordered(workbook);
      integer.setDataFormat(integerFormat);
      boldInteger = bordered(workbook);
      boldInteger.setDataFormat(integerFormat);
      boldInteger.setFont(bold);
      percent = bordered(workbook);
      percent.setDataFormat(percentFormat);
      boldPercent = bordered(workbook);
      boldPercent.setDataFormat(percentFormat);
      boldPercent.setFont(bold);
      date = bordered(workbook);
      date.setDataFormat(dateFormat);
      date.setAlignment(HorizontalAlignment.CENTER);
      for (DirectiveStatus value : DirectiveStatus.values()) {
        CellStyle style = bordered(workbook);
        fill(style, FILLS.getOrDefault(value.colour(), "FFFFFF"));
        status.put(value, style);
      }
    }

    private static CellStyle bordered(SXSSFWorkbook workbook) {
      CellStyle style = workbook.createCellStyle();
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      // wrapped neighbours make rows tall; text reads from the top
      style.setVerticalAlignment(VerticalAlignment.TOP);
      return style;
    }

    private static void fill(CellStyle style, String rgb) {
      ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(hex(rgb), null));
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    private static byte[] hex(String rgb) {
      return new byte[] {(byte) Integer.parseInt(rgb.substring(0, 2), 16),
          (byte) Integer.parseInt(rgb.substring(2, 4), 16), (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
    }
  }

  // ---------------------------------------------------------------- CSV

  /** The directives of the report's own page as CSV. */
  public void writeCsv(StatusReport report, OutputStream out) throws IOException {
    writeCsv(report.directives()::forEach, out);
  }

  /** The directives, one line each, in the order given and with the columns of the directive sheet. */
  public void writeCsv(Rows directives, OutputStream out) throws IOException {
    Writer writer = csvWriter(out);
    line(writer, DIRECTIVE_HEADERS);
    try {
      directives.forEach(directive -> {
        try {
          csvLine(writer, directive);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.flush();
  }

  private static void csvLine(Writer writer, StatusRow directive) throws IOException {
    List<String> fields = new ArrayList<>(DIRECTIVE_HEADERS.size());
    fields.add(safe(directive.noticeNumber()));
    fields.add(safe(directive.itemRef()));
    fields.add(safe(directive.directiveText()));
    fields.add(safe(leadName(directive)));
    fields.add(safe(String.join(", ", directive.coordinatingAgencies())));
    fields.add(safe(directive.standingOffice()));
    fields.add(directive.keyTask() ? "Có" : "");
    fields.add(format(directive.originalDeadline()));
    fields.add(directive.deadline() != null ? format(directive.deadline()) : safe(ongoingDeadline(directive)));
    fields.add(directive.status().label());
    fields.add(directive.daysOverdue() > 0 ? Integer.toString(directive.daysOverdue()) : "");
    fields.add(format(day(directive.completedAt())));
    fields.add(safe(directive.lastMonthlyReport()));
    fields.add(format(day(directive.lastMonthlyReportAt())));
    line(writer, fields);
  }

  /** The league table of lead agencies with a closing "Tổng cộng" line, as on the first sheet. */
  public void writeAgencyCsv(StatusReport report, OutputStream out) throws IOException {
    Writer writer = csvWriter(out);
    line(writer, AGENCY_HEADERS);
    for (AgencyLine agency : report.agencies()) {
      line(writer, concat(List.of(safe(agency.agency()), safe(agency.agencyName() != null ? agency.agencyName()
          : agency.agency())), countFields(agency.counts())));
    }
    line(writer, concat(List.of(TOTAL_LABEL, ""), countFields(report.totals())));
    writer.flush();
  }

  /** The caller's stream stays open: the caller (a servlet response) owns it. */
  private static Writer csvWriter(OutputStream out) throws IOException {
    // Excel takes a BOM-less CSV for the ANSI code page and garbles the diacritics
    out.write(UTF8_BOM);
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  private static List<String> countFields(StatusCounts counts) {
    return List.of(Integer.toString(counts.total()), Integer.toString(counts.completedOnTime()),
        Integer.toString(counts.completedLate()), Integer.toString(counts.inProgress()),
        Integer.toString(counts.overdue()), Integer.toString(counts.notStarted()), Integer.toString(counts.ongoing()),
        Integer.toString(counts.ongoingClosed()), percent(counts.completionRate()), percent(counts.onTimeRate()));
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  private static void line(Writer writer, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      writer.write(quote(fields.get(i)));
    }
    writer.write(CRLF);
  }

  /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
  static String quote(String field) {
    if (field == null) {
      return "";
    }
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /**
   * Free text typed by users: one starting like a formula gets an apostrophe, so a spreadsheet
   * opening the CSV shows it instead of running it (OWASP CSV injection; tab and CR are the
   * other two leading characters it names).
   */
  static String safe(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + text
        : text;
  }

  // ---------------------------------------------------------------- names and texts

  /**
   * An ASCII file name for Content-Disposition, e.g. {@code bao-cao-tinh-hinh_315-TB-VPCP_2026-11-23.xlsx}
   * or {@code bao-cao-tinh-hinh_ky-2026-10.csv}: the scope, then the period or the report's day.
   */
  public String fileName(StatusReport report, String extension) {
    StringBuilder name = new StringBuilder("bao-cao-tinh-hinh");
    if (report.noticeNumber() != null) {
      name.append('_').append(ascii(report.noticeNumber()));
    }
    if (report.agency() != null) {
      name.append('_').append(ascii(report.agency()));
    }
    Instant moment = report.asOf() != null ? report.asOf() : report.generatedAt();
    if (report.period() != null) {
      name.append("_ky-").append(ascii(report.period()));
    } else if (moment != null) {
      name.append('_').append(day(moment).format(ISO_DAY));
    }
    String suffix = ascii(extension == null ? "" : extension.replaceFirst("^\\.", ""));
    return suffix.isEmpty() ? name.toString() : name + "." + suffix;
  }

  /** Diacritics stripped, '/' and spaces made dashes, anything else not file-safe dropped. */
  static String ascii(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        // đ has no decomposition
        .replace('đ', 'd').replace('Đ', 'D');
    return plain.replaceAll("[/\\\\\\s]+", "-").replaceAll("[^A-Za-z0-9._-]", "").replaceAll("-{2,}", "-")
        .replaceAll("^[-.]+|[-.]+$", "");
  }

  /** "Báo cáo tình hình thực hiện nhiệm vụ – Thông báo số …; Cơ quan chủ trì: …", or "– Tất cả". */
  String title(StatusReport report) {
    List<String> scope = new ArrayList<>();
    if (report.noticeNumber() != null) {
      String noticeTitle = report.notices().stream().filter(n -> report.noticeNumber().equals(n.noticeNumber()))
          .map(NoticeLine::title).filter(t -> t != null && !t.isBlank()).findFirst().orElse(null);
      scope.add("Thông báo số " + report.noticeNumber() + (noticeTitle == null ? "" : " (" + noticeTitle + ")"));
    }
    if (report.agency() != null) {
      scope.add("Cơ quan chủ trì: " + agencyName(report));
    }
    return "Báo cáo tình hình thực hiện nhiệm vụ – " + (scope.isEmpty() ? "Tất cả" : String.join("; ", scope));
  }

  String moment(StatusReport report) {
    if (report.period() != null) {
      return "Số liệu chốt kỳ " + YearMonth.parse(report.period()).format(MONTH);
    }
    Instant moment = report.asOf() != null ? report.asOf() : report.generatedAt();
    return moment == null ? "" : "Số liệu tính đến " + moment.atZone(WorkingDayCalendar.ZONE).format(DAY_TIME);
  }

  private static String agencyName(StatusReport report) {
    return report.agencies().stream().filter(a -> report.agency().equals(a.agency()))
        .map(AgencyLine::agencyName).filter(n -> n != null && !n.isBlank()).findFirst()
        .orElse(report.agency());
  }

  private static String leadName(StatusRow row) {
    return row.leadAgencyName() != null && !row.leadAgencyName().isBlank() ? row.leadAgencyName() : row.leadAgency();
  }

  /** Ongoing duties have no due day: the notice's own words stand in for it. */
  private static String ongoingDeadline(StatusRow row) {
    if (row.deadlinePhrase() != null && !row.deadlinePhrase().isBlank()) {
      return row.deadlinePhrase();
    }
    return row.ongoing() ? "Thường xuyên" : "";
  }

  private static LocalDate day(Instant moment) {
    return moment == null ? null : LocalDate.ofInstant(moment, WorkingDayCalendar.ZONE);
  }

  private static String format(LocalDate day) {
    return day == null ? "" : day.format(DAY);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
