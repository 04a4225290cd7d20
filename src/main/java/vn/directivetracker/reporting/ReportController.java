package vn.directivetracker.reporting;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.lifecycle.DirectiveStatus;

/**
 * The status reports over HTTP, behind the same login as the webapps (see
 * vn.directivetracker.access.SessionOrBasicAuthenticationProvider). Every endpoint takes
 * {@code notice}, {@code agency} (lead agency code), and either {@code asOf} (a day, yyyy-MM-dd,
 * meaning its end; or an ISO date-time) or {@code period} (yyyy-MM, the month's snapshot), and
 * {@code status} and {@code q} (search) for the directives listed; the JSON pages them
 * ({@code offset}, {@code limit}), the files hold them all.
 * Agencies see the directives they lead; the roles in {@link ReportAccess} see all.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

  private static final String SUPPORTED_YEARS = "(" + WorkingDayCalendar.FIRST_SUPPORTED_YEAR + " to "
      + WorkingDayCalendar.LAST_SUPPORTED_YEAR + ")";

  private final StatusReports reports;
  private final StatusSnapshots snapshots;
  private final ReportAccess access;
  private final AgencyRegistry agencies;
  private final DirectiveStateRepository states;
  private final StatusExports exports;

  public ReportController(StatusReports reports, StatusSnapshots snapshots, ReportAccess access, AgencyRegistry agencies,
      DirectiveStateRepository states, StatusExports exports) {
    this.exports = exports;
    this.reports = reports;
    this.snapshots = snapshots;
    this.access = access;
    this.agencies = agencies;
    this.states = states;
  }

  /**
   * The report as JSON: the aggregates over every directive in scope, and one page of the directives
   * ({@code offset}, {@code limit}) of one {@code status} and matching the search {@code q}.
   */
  @GetMapping(value = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
  public StatusReport status(@RequestParam(required = false) String notice, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String asOf, @RequestParam(required = false) String period,
      @RequestParam(required = false) String offset, @RequestParam(required = false) String limit,
      @RequestParam(required = false) String status, @RequestParam(required = false) String q) {
    Request request = request(notice, agency, asOf, period, status, q, offset, limit);
    return reports.report(request.query(), request.visibleLeads(), request.filter());
  }

  /** The report as an Excel workbook: totals per agency, the directives (status, q), progress per notice. */
  @GetMapping("/status.xlsx")
  public ResponseEntity<StreamingResponseBody> xlsx(@RequestParam(required = false) String notice,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String period, @RequestParam(required = false) String status,
      @RequestParam(required = false) String q) {
    Request request = request(notice, agency, asOf, period, status, q, null, null);
    StatusReport report = reports.report(request.query(), request.visibleLeads(), request.filter().aggregatesOnly());
    return download(exports.fileName(report, "xlsx"), StatusExports.XLSX_MEDIA_TYPE,
        out -> exports.writeXlsx(report, rows(report, request), out));
  }

  /** The directives (status, q) as CSV (UTF-8 with BOM), or with {@code list=agencies} the totals per agency. */
  @GetMapping("/status.csv")
  public ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String notice,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String period, @RequestParam(required = false) String list,
      @RequestParam(required = false) String status, @RequestParam(required = false) String q) {
    if (list != null && !list.isBlank() && !List.of("directives", "agencies").contains(list)) {
      throw new InvalidReportQueryException(List.of("list: " + list + " is neither directives nor agencies"));
    }
    Request request = request(notice, agency, asOf, period, status, q, null, null);
    StatusReport report = reports.report(request.query(), request.visibleLeads(), request.filter().aggregatesOnly());
    if ("agencies".equals(list)) {
      return download(exports.fileName(report, "csv").replace(".csv", "_co-quan.csv"), StatusExports.CSV_MEDIA_TYPE,
          out -> exports.writeAgencyCsv(report, out));
    }
    return download(exports.fileName(report, "csv"), StatusExports.CSV_MEDIA_TYPE,
        out -> exports.writeCsv(rows(report, request), out));
  }

  /** Every directive of the file, streamed from the database while the file is written (on the response's thread). */
  private StatusExports.Rows rows(StatusReport report, Request request) {
    return each -> reports.forEachRow(report, request.visibleLeads(), request.filter(), each);
  }

  private static ResponseEntity<StreamingResponseBody> download(String fileName, String mediaType,
      StreamingResponseBody body) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .contentType(MediaType.parseMediaType(mediaType)).body(body);
  }

  /** Who is asking, and what they may see (the dashboard's header and agency picker). */
  @GetMapping(value = "/viewer", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> viewer() {
    ReportViewer viewer = access.currentViewer();
    return Map.of("userId", viewer.userId(), "seesAll", viewer.seesAll(), "agencies", viewer.agencies().stream()
        .map(code -> Map.of("code", code, "name", agencies.nameOf(code))).toList());
  }

  /**
   * What the viewer can pick from: the notices and lead agencies of the directives they may see,
   * and the names of all agencies (coordinators are reported by code).
   */
  @GetMapping(value = "/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> catalog() {
    ReportViewer viewer = access.currentViewer();
    Map<String, String> titles = states.noticeTitles();
    List<Map<String, String>> notices = states.noticesAndLeads("notice_number", viewer.visibleLeads()).stream()
        .map(entry -> {
          Map<String, String> notice = new java.util.LinkedHashMap<>();
          notice.put("number", entry.get("code"));
          notice.put("title", titles.get(entry.get("code")));
          return notice;
        }).toList();
    List<Map<String, String>> leads = states.noticesAndLeads("lead_agency", viewer.visibleLeads()).stream()
        .map(entry -> Map.of("code", entry.get("code"), "name", entry.get("name") != null ? entry.get("name")
            : agencies.nameOf(entry.get("code")))).toList();
    Map<String, String> names = new java.util.TreeMap<>();
    agencies.all().forEach(agency -> names.put(agency.code(), agency.name()));
    return Map.of("notices", notices, "leadAgencies", leads, "agencyNames", names);
  }

  /** The frozen months, newest first. */
  @GetMapping(value = "/snapshots", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<StatusSnapshot> snapshots() {
    // which months exist is no agency's secret; their rows are filtered when read
    return snapshots.all();
  }

  /** A checked request: what it covers, which directives it lists, and the lead agencies the viewer may see. */
  record Request(ReportQuery query, DirectiveFilter filter, Collection<String> visibleLeads) {}

  Request request(String notice, String agency, String asOf, String period, String status, String q, String offset,
      String limit) {
    ReportViewer viewer = access.currentViewer();
    List<String> problems = new ArrayList<>();
    ReportQuery query = query(notice, agency, asOf, period, problems);
    DirectiveFilter filter = filter(status, q, offset, limit, problems);
    if (!problems.isEmpty()) {
      throw new InvalidReportQueryException(problems);
    }
    if (query.agency() != null && !viewer.maySee(query.agency())) {
      throw new ReportForbiddenException("agency " + query.agency() + " is not one of yours ("
          + String.join(", ", viewer.agencies()) + ")");
    }
    return new Request(query, filter, viewer.visibleLeads());
  }

  /** Reads the list's parameters: status, search and page. */
  static DirectiveFilter filter(String status, String q, String offset, String limit, List<String> problems) {
    DirectiveStatus wanted = null;
    String statusName = blankToNull(status);
    if (statusName != null) {
      try {
        wanted = DirectiveStatus.valueOf(statusName);
      } catch (IllegalArgumentException e) {
        problems.add("status: " + statusName + " is not one of " + Arrays.toString(DirectiveStatus.values()));
      }
    }
    String search = blankToNull(q);
    if (search != null && search.length() > SearchText.MAX_QUERY_LENGTH) {
      problems.add("q: longer than " + SearchText.MAX_QUERY_LENGTH + " characters");
    }
    int from = number("offset", offset, 0, 0, Integer.MAX_VALUE, problems);
    int size = number("limit", limit, DirectiveFilter.DEFAULT_LIMIT, 0, DirectiveFilter.MAX_LIMIT, problems);
    return new DirectiveFilter(wanted, search, from, size);
  }

  private static int number(String name, String value, int fallback, int min, int max, List<String> problems) {
    String text = blankToNull(value);
    if (text == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(text);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    problems.add(name + ": " + text + " is not a whole number " + (max == Integer.MAX_VALUE ? "of at least " + min
        : "from " + min + " to " + max));
    return fallback;
  }

  /** Reads and checks the parameters; every problem is named before anything is computed. */
  ReportQuery query(String notice, String agency, String asOf, String period, List<String> problems) {
    String noticeNumber = blankToNull(notice);
    if (noticeNumber != null && !states.noticeExists(noticeNumber)) {
      throw new ReportNotFoundException("no notice numbered " + noticeNumber);
    }
    String agencyCode = blankToNull(agency);
    if (agencyCode != null && agencies.find(agencyCode).isEmpty()) {
      problems.add("agency: unknown agency code " + agencyCode);
    }
    Instant moment = null;
    String day = blankToNull(asOf);
    if (day != null) {
      try {
        moment = day.length() == 10
            ? LocalDate.parse(day).atTime(WorkingDayCalendar.END_OF_DAY).atZone(WorkingDayCalendar.ZONE).toInstant()
            : OffsetDateTime.parse(day).toInstant();
      } catch (DateTimeException e) {
        problems.add("asOf: " + day + " is neither a day (yyyy-MM-dd) nor a date-time with offset (2026-11-23T08:00:00+07:00)");
      }
      if (moment != null && !supported(moment)) {
        moment = null;
        problems.add("asOf: " + day + " is outside the years the working-day calendar supports " + SUPPORTED_YEARS);
      }
    }
    String month = blankToNull(period);
    if (month != null) {
      try {
        if (!WorkingDayCalendar.supports(YearMonth.parse(month).atDay(1))) {
          problems.add("period: " + month + " is outside the years the working-day calendar supports " + SUPPORTED_YEARS);
        }
      } catch (DateTimeParseException e) {
        problems.add("period: " + month + " is not a month (yyyy-MM)");
      }
      if (day != null) {
        problems.add("asOf and period: give one of them, not both");
      }
    }
    return new ReportQuery(noticeNumber, agencyCode, moment, month);
  }

  /** A moment whose day in Vietnam the working-day calendar (and so the report) can handle. */
  private static boolean supported(Instant moment) {
    try {
      return WorkingDayCalendar.supports(LocalDate.ofInstant(moment, WorkingDayCalendar.ZONE));
    } catch (DateTimeException e) {
      return false; // beyond LocalDate's own range once moved to Vietnam time
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @ExceptionHandler(InvalidReportQueryException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidReportQueryException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", e.problems()));
    problem.setTitle("Invalid report query");
    problem.setType(URI.create("urn:directive-tracker:invalid-report-query"));
    problem.setProperty("problems", e.problems());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(ReportNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(ReportNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(ReportForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(ReportForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(SecurityException.class)
  ResponseEntity<ProblemDetail> unauthenticated(SecurityException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
