package vn.directivetracker.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.EnumMap;
import java.util.Locale;
import java.util.function.Consumer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.agency.AgencyCodes;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.deadline.DeadlineKind;
import vn.directivetracker.lifecycle.Dates;
import vn.directivetracker.lifecycle.DirectiveStatus;
import vn.directivetracker.lifecycle.DirectiveStatusCalculator;
import vn.directivetracker.lifecycle.DirectiveStatusCalculator.Facts;

/**
 * The one place a status report is computed: for a notice, a lead agency or everything, as of now,
 * as of a past moment, or as frozen in a month's snapshot. Statuses follow
 * {@link DirectiveStatusCalculator} (the same rule the directive process stores at each step),
 * applied to the facts in {@code dt_directive_state} as they stood at the report's moment: in the
 * database ({@link StatusSql}) for the counts, the order and the pages, so that no request reads
 * every row into memory, and in Java ({@link #rowAt}) for each row it lists.
 */
@Service("statusReports")
public class StatusReports {

  /** Exception first: what needs action before what is done. */
  static final List<DirectiveStatus> ORDER = List.of(DirectiveStatus.OVERDUE, DirectiveStatus.IN_PROGRESS,
      DirectiveStatus.NOT_STARTED, DirectiveStatus.ONGOING, DirectiveStatus.COMPLETED_LATE,
      DirectiveStatus.COMPLETED_ON_TIME, DirectiveStatus.ONGOING_CLOSED);

  /** Rows the exports read from the database at a time. */
  static final int FETCH_SIZE = 500;
  static final String ONGOING_KINDS_SQL = StatusSql.ongoingKinds();

  /** Whether a deadline kind is an ongoing duty's (no due day); null is not. */
  static boolean isOngoing(String deadlineKind) {
    return deadlineKind != null && DeadlineKind.valueOf(deadlineKind).isOngoing();
  }

  /**
   * Exception first, then by deadline, notice, item (1.a, 1.b, ..., 10) and lead agency: the order
   * {@link StatusSql#exceptionFirst} gives in the database, kept here as its definition (the tests
   * compare the two).
   */
  static List<StatusRow> exceptionFirst(List<StatusRow> rows) {
    // the item's sort key is built once per row, not at every comparison
    record Keyed(StatusRow row, String item) {}
    Comparator<Keyed> order = Comparator
        .comparingInt((Keyed keyed) -> ORDER.indexOf(keyed.row().status()))
        .thenComparing(Comparator.comparingInt((Keyed keyed) -> keyed.row().daysOverdue()).reversed())
        .thenComparing(keyed -> keyed.row().deadline(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(keyed -> keyed.row().noticeNumber(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Keyed::item)
        .thenComparing(keyed -> keyed.row().leadAgency(), Comparator.nullsLast(Comparator.naturalOrder()));
    return rows.stream().map(row -> new Keyed(row, itemOrder(row.itemRef()))).sorted(order).map(Keyed::row).toList();
  }

  private final DirectiveStateRepository states;
  private final StatusSnapshotRepository snapshots;
  private final DirectiveStatusCalculator calculator;
  private final WorkingDayCalendar calendar;
  private final AgencyRegistry agencies;
  private final NamedParameterJdbcTemplate jdbc;
  /** Reads the exports' rows through a cursor instead of all at once (PostgreSQL needs a transaction for that). */
  private final NamedParameterJdbcTemplate cursor;
  private final TransactionTemplate readOnly;
  private volatile StatusSql sql;

  public StatusReports(DirectiveStateRepository states, StatusSnapshotRepository snapshots,
      DirectiveStatusCalculator calculator, WorkingDayCalendar calendar, AgencyRegistry agencies, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    this.states = states;
    this.snapshots = snapshots;
    this.calculator = calculator;
    this.calendar = calendar;
    this.agencies = agencies;
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    JdbcTemplate fetching = new JdbcTemplate(jdbc.getDataSource());
    fetching.setFetchSize(FETCH_SIZE);
    this.cursor = new NamedParameterJdbcTemplate(fetching);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** The report over every directive the query covers, with the first page of them. */
  public StatusReport report(ReportQuery query) {
    return report(query, null, DirectiveFilter.firstPage());
  }

  /**
   * The report over the directives the query covers and whose lead agency is one of
   * {@code visibleLeads} (null = every agency), with the first page of them.
   */
  public StatusReport report(ReportQuery query, Collection<String> visibleLeads) {
    return report(query, visibleLeads, DirectiveFilter.firstPage());
  }

  /**
   * The report over the directives the query covers and whose lead agency is one of
   * {@code visibleLeads} (null = every agency): the aggregates over all of them, and the page of
   * those matching {@code filter}. Everything is counted, sorted and paged by the database.
   */
  public StatusReport report(ReportQuery query, Collection<String> visibleLeads, DirectiveFilter filter) {
    return readOnly.execute(transaction -> {
      withoutJit();
      return compute(query, visibleLeads, filter);
    });
  }

  private StatusReport compute(ReportQuery query, Collection<String> visibleLeads, DirectiveFilter filter) {
    Collection<String> leads = restrict(query.agency(), visibleLeads);
    List<String> words = SearchText.words(filter.search());
    if (query.fromSnapshot()) {
      YearMonth period = YearMonth.parse(query.period());
      StatusSnapshot snapshot = snapshots.find(period)
          .orElseThrow(() -> new ReportNotFoundException("no snapshot for period " + query.period()));
      MapSqlParameterSource arguments = new MapSqlParameterSource("period", query.period());
      String scope = scope("r", query.noticeNumber(), leads, List.of(), arguments);
      List<Group> groups = jdbc.query(groups("select r.lead_agency, r.lead_agency_name, r.notice_number, "
          + StatusSql.rank("r.status") + " as status_rank, r.completed_at as done_at from dt_status_snapshot_row r"
          + " where r.period = :period and " + scope), arguments, StatusReports::group);
      List<StatusRow> page = List.of();
      int total = -1;
      if (filter.limit() > 0 || !words.isEmpty()) {
        String listed = snapshotRows(scope("r", query.noticeNumber(), leads, words, arguments), filter, arguments);
        Ids ids = pageIds(listed, filter, !words.isEmpty(), arguments);
        page = snapshotRows(query.period(), ids.ids());
        total = ids.matching();
      }
      return assemble(query, snapshot.asOf(), snapshot.takenAt(), groups, page, total, filter);
    }
    Instant asOf = query.asOf() != null ? query.asOf() : Dates.now().toInstant();
    boolean past = isPast(asOf);
    MapSqlParameterSource arguments = moment(asOf);
    String facts = sql().facts(past, scope("s", query.noticeNumber(), leads, List.of(), arguments));
    List<Group> groups = jdbc.query(groups("select lead_agency, lead_agency_name, notice_number, status_rank, done_at from ("
        + facts + ") f"), arguments, StatusReports::group);
    List<StatusRow> page = List.of();
    int total = -1;
    if (filter.limit() > 0 || !words.isEmpty()) {
      String listed = liveRows(sql().facts(past, scope("s", query.noticeNumber(), leads, words, arguments)), filter,
          arguments);
      Ids ids = pageIds(listed, filter, !words.isEmpty(), arguments);
      List<DirectiveState> found = states.find(ids.ids());
      Map<String, NavigableMap<Instant, Instant>> moved = past ? states.movedDeadlines(ids.ids()) : Map.of();
      Map<LocalDate, Instant> dueMoments = new HashMap<>();
      page = found.stream().map(state -> rowAt(state, asOf, moved.get(state.processInstanceId()), dueMoments)).toList();
      total = ids.matching();
    }
    return assemble(query, asOf, null, groups, page, total, filter);
  }

  /**
   * Every directive of a report matching {@code filter} (its page ignored), exception first, handed
   * over one at a time as the database sends them: the exports, with no list of every row in memory.
   */
  public void forEachRow(StatusReport report, Collection<String> visibleLeads, DirectiveFilter filter,
      Consumer<StatusRow> each) {
    Collection<String> leads = restrict(report.agency(), visibleLeads);
    List<String> words = SearchText.words(filter.search());
    readOnly.executeWithoutResult(transaction -> {
      withoutJit();
      if (report.period() != null) {
        MapSqlParameterSource arguments = new MapSqlParameterSource("period", report.period());
        String listed = snapshotRows(scope("r", report.noticeNumber(), leads, words, arguments), filter, arguments);
        cursor.query(listed + sql().exceptionFirst("f"), arguments,
            (RowCallbackHandler) row -> each.accept(StatusSnapshotRepository.row(row, 0)));
      } else {
        forEachLiveRow(report.noticeNumber(), leads, words, filter.status(), report.asOf(), each);
      }
    });
  }

  /** Every directive as it stood at {@code asOf}, in exception-first order: what a snapshot freezes. */
  void forEachRow(Instant asOf, Consumer<StatusRow> each) {
    readOnly.executeWithoutResult(transaction -> {
      withoutJit();
      forEachLiveRow(null, null, List.of(), null, asOf, each);
    });
  }

  private void forEachLiveRow(String noticeNumber, Collection<String> leads, List<String> words, DirectiveStatus status,
      Instant asOf, Consumer<StatusRow> each) {
    boolean past = isPast(asOf);
    MapSqlParameterSource arguments = moment(asOf);
    String listed = liveRows(sql().facts(past, scope("s", noticeNumber, leads, words, arguments)),
        new DirectiveFilter(status, null, 0, 0), arguments);
    // only the directives whose deadline moved: a few in a hundred
    Map<String, NavigableMap<Instant, Instant>> moved = past ? states.movedDeadlines() : Map.of();
    Map<LocalDate, Instant> dueMoments = new HashMap<>();
    cursor.query(listed + sql().exceptionFirst("f"), arguments, (RowCallbackHandler) row -> {
      DirectiveState state = DirectiveStateRepository.state(row, 0);
      each.accept(rowAt(state, asOf, moved.get(state.processInstanceId()), dueMoments));
    });
  }

  private static boolean isPast(Instant asOf) {
    return asOf.isBefore(Dates.now().toInstant().minusSeconds(1));
  }

  private static MapSqlParameterSource moment(Instant asOf) {
    return new MapSqlParameterSource("asOf", Timestamp.from(asOf))
        .addValue("asOfDay", java.sql.Date.valueOf(LocalDate.ofInstant(asOf, WorkingDayCalendar.ZONE)));
  }

  /**
   * The condition on a report's scope over table alias {@code t}: notice, lead agencies (null = all,
   * empty = none) and the search words, each of which the search text must contain.
   */
  private static String scope(String t, String noticeNumber, Collection<String> leads, List<String> words,
      MapSqlParameterSource arguments) {
    List<String> conditions = new ArrayList<>(List.of("1 = 1"));
    if (noticeNumber != null) {
      conditions.add(t + ".notice_number = :notice");
      arguments.addValue("notice", noticeNumber);
    }
    if (leads != null) {
      if (leads.isEmpty()) {
        conditions.add("1 = 0");
      } else {
        conditions.add(t + ".lead_agency in (:leads)");
        arguments.addValue("leads", List.copyOf(leads));
      }
    }
    for (int i = 0; i < words.size(); i++) {
      conditions.add(t + ".search_text like :word" + i + " escape '\\'");
      arguments.addValue("word" + i, SearchText.containing(words.get(i)));
    }
    return String.join(" and ", conditions);
  }

  /** The rows of a live report matching the status filter, as relation {@code f} with the order's columns. */
  private String liveRows(String facts, DirectiveFilter filter, MapSqlParameterSource arguments) {
    if (filter.status() == null) {
      return "select * from (" + facts + ") f";
    }
    arguments.addValue("rank", ORDER.indexOf(filter.status()));
    return "select * from (" + facts + ") f where f.status_rank = :rank";
  }

  /** The rows of a snapshot matching the filter, as relation {@code f} with the order's columns. */
  private static String snapshotRows(String scope, DirectiveFilter filter, MapSqlParameterSource arguments) {
    String rows = "select r.*, " + StatusSql.snapshotKey("r") + " as status_key, r.deadline as deadline_day"
        + " from dt_status_snapshot_row r where r.period = :period and " + scope;
    if (filter.status() == null) {
      return "select * from (" + rows + ") f";
    }
    arguments.addValue("status", filter.status().name());
    return "select * from (" + rows + ") f where f.status = :status";
  }

  /** A page's process instance ids in order, and how many directives match in all (-1: not counted). */
  private record Ids(List<String> ids, int matching) {}

  /**
   * The ids of a page. Only the ids: sorting every row's sort keys alone is much cheaper than
   * carrying every row's text through the sort (the page's rows are then read by id). With
   * {@code countAll} the same query counts every matching row (a search, whose total the aggregates
   * do not give), unless the page is past the end.
   */
  private Ids pageIds(String listed, DirectiveFilter filter, boolean countAll, MapSqlParameterSource arguments) {
    if (filter.limit() == 0) {
      return new Ids(List.of(), countAll ? count(listed, arguments) : -1);
    }
    arguments.addValue("offset", filter.offset()).addValue("limit", filter.limit());
    List<String> ids = new ArrayList<>();
    int[] matching = {-1};
    jdbc.query("select p.process_instance_id" + (countAll ? ", count(*) over () as matching" : "") + " from (" + listed
        + ") p" + sql().exceptionFirst("p") + " offset :offset rows fetch next :limit rows only", arguments,
        (RowCallbackHandler) row -> {
          ids.add(row.getString(1));
          if (countAll) {
            matching[0] = row.getInt(2);
          }
        });
    if (countAll && ids.isEmpty()) {
      matching[0] = filter.offset() == 0 ? 0 : count(listed, arguments);
    }
    return new Ids(ids, matching[0]);
  }

  /** A page of a snapshot's rows, in the order of {@code ids}. */
  private List<StatusRow> snapshotRows(String period, List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, StatusRow> rows = new HashMap<>();
    jdbc.query("select * from dt_status_snapshot_row where period = :period and process_instance_id in (:ids)",
        new MapSqlParameterSource("period", period).addValue("ids", ids),
        (RowCallbackHandler) row -> rows.put(row.getString("process_instance_id"), StatusSnapshotRepository.row(row, 0)));
    return ids.stream().map(rows::get).toList();
  }

  /**
   * PostgreSQL would compile these queries' long CASE expressions to machine code once their
   * estimated cost passes jit_above_cost, which takes seconds for a query that runs in tens of
   * milliseconds; for this transaction only.
   */
  private void withoutJit() {
    if (sql().postgres()) {
      jdbc.getJdbcTemplate().execute("set local jit = off");
    }
  }

  private int count(String listed, MapSqlParameterSource arguments) {
    Integer count = jdbc.queryForObject("select count(*) from (" + listed + ") counted", arguments, Integer.class);
    return count == null ? 0 : count;
  }

  /**
   * Directives per lead agency, notice, status and (when completed) month of completion, from a
   * relation with lead_agency, lead_agency_name, notice_number, status_rank (StatusSql) and done_at:
   * one scan gives every aggregate of the report.
   */
  private static String groups(String relation) {
    return "select g.lead_agency, max(g.lead_agency_name) as lead_agency_name, g.notice_number, g.status_rank,"
        + " g.done_month, count(*) as directives from (select x.lead_agency, x.lead_agency_name, x.notice_number,"
        + " x.status_rank,"
        // every done_at's month, completed or not: a CASE on the status would compute the status again (StatusSql)
        + " extract(year from x.done_at) * 100 + extract(month from x.done_at) as done_month"
        + " from (" + relation + ") x) g group by g.lead_agency, g.notice_number, g.status_rank, g.done_month";
  }

  /**
   * One line of {@link #groups}; done_month is yyyymm (the read model's timestamps are Vietnam
   * time), counted as a completion only for the completed statuses.
   */
  private record Group(String leadAgency, String leadAgencyName, String noticeNumber, DirectiveStatus status,
      YearMonth month, int count) {}

  private static Group group(ResultSet row, int number) throws SQLException {
    Number month = (Number) row.getObject("done_month");
    DirectiveStatus status = ORDER.get(row.getInt("status_rank"));
    boolean completed = status == DirectiveStatus.COMPLETED_ON_TIME || status == DirectiveStatus.COMPLETED_LATE;
    return new Group(row.getString("lead_agency"), row.getString("lead_agency_name"), row.getString("notice_number"),
        status, month == null || !completed ? null : YearMonth.of(month.intValue() / 100, month.intValue() % 100),
        row.getInt("directives"));
  }

  /** The report from its groups and page; {@code total} -1 = every directive of the filter's status. */
  private StatusReport assemble(ReportQuery query, Instant asOf, Instant takenAt, List<Group> groups,
      List<StatusRow> page, int total, DirectiveFilter filter) {
    Map<DirectiveStatus, Integer> totals = new EnumMap<>(DirectiveStatus.class);
    Map<String, Map<DirectiveStatus, Integer>> byAgency = new TreeMap<>();
    Map<String, String> agencyNames = new HashMap<>();
    Map<String, Map<DirectiveStatus, Integer>> byNotice = new TreeMap<>();
    Map<YearMonth, int[]> months = new TreeMap<>();
    for (Group group : groups) {
      totals.merge(group.status(), group.count(), Integer::sum);
      byAgency.computeIfAbsent(group.leadAgency(), code -> new EnumMap<>(DirectiveStatus.class))
          .merge(group.status(), group.count(), Integer::sum);
      if (group.leadAgencyName() != null) {
        agencyNames.putIfAbsent(group.leadAgency(), group.leadAgencyName());
      }
      byNotice.computeIfAbsent(String.valueOf(group.noticeNumber()), notice -> new EnumMap<>(DirectiveStatus.class))
          .merge(group.status(), group.count(), Integer::sum);
      if (group.month() != null) {
        months.computeIfAbsent(group.month(), m -> new int[2])[group.status() == DirectiveStatus.COMPLETED_ON_TIME ? 0 : 1]
            += group.count();
      }
    }
    List<AgencyLine> league = byAgency.entrySet().stream()
        .map(entry -> new AgencyLine(entry.getKey(), agencyNames.getOrDefault(entry.getKey(), agencies.nameOf(entry.getKey())),
            StatusCounts.of(entry.getValue())))
        .sorted(Comparator.comparingInt((AgencyLine line) -> line.counts().overdue()).reversed()
            .thenComparingDouble(line -> line.counts().completionRate())
            .thenComparing(AgencyLine::agency))
        .toList();
    Map<String, String> titles = byNotice.isEmpty() ? Map.of() : states.noticeTitles();
    List<NoticeLine> notices = byNotice.entrySet().stream()
        .map(entry -> new NoticeLine(entry.getKey(), titles.get(entry.getKey()), StatusCounts.of(entry.getValue())))
        .toList();
    List<MonthLine> completions = months.entrySet().stream()
        .map(e -> new MonthLine(e.getKey().toString(), e.getValue()[0], e.getValue()[1])).toList();
    StatusCounts counts = StatusCounts.of(totals);
    int matching = total >= 0 ? total : filter.status() == null ? counts.total() : counts.count(filter.status());
    return new StatusReport(query.noticeNumber(), query.agency(), asOf, query.period(), takenAt, Dates.now().toInstant(),
        counts, league, notices, completions, page, matching, filter.offset(), filter.limit());
  }

  private StatusSql sql() {
    StatusSql known = sql;
    if (known == null) {
      String product = jdbc.getJdbcTemplate().execute(
          (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
      known = new StatusSql(calculator.extensionCountsAsOnTime(), product != null && product.toLowerCase(Locale.ROOT)
          .contains("postgres"));
      sql = known;
    }
    return known;
  }

  /** One directive as it stood at {@code asOf}; {@code movedDeadlines} (from → deadline) may be null. */
  StatusRow rowAt(DirectiveState state, Instant asOf, NavigableMap<Instant, Instant> movedDeadlines,
      Map<LocalDate, Instant> dueMoments) {
    boolean ongoing = isOngoing(state.deadlineKind());
    Instant deadline = ongoing ? null : deadlineAt(state, asOf, movedDeadlines, dueMoments);
    Instant original = ongoing ? null : state.originalDeadline() != null ? state.originalDeadline() : deadline;
    Instant submitted = until(state.completionSubmittedAt(), asOf);
    Instant completed = until(state.completedAt(), asOf);
    Facts facts = new Facts(ongoing, date(deadline), date(original), date(until(state.acknowledgedAt(), asOf)),
        date(submitted), date(completed), date(until(state.closedAt(), asOf)));
    DirectiveStatus status = calculator.compute(facts, Date.from(asOf));
    // the moment the work counts as done: the accepted report's submission
    Instant doneAt = completed == null ? null : submitted != null ? submitted : completed;
    LocalDate dueDay = day(deadline);
    int daysOverdue = switch (status) {
      case OVERDUE -> (int) ChronoUnit.DAYS.between(dueDay, day(asOf));
      case COMPLETED_LATE -> (int) Math.max(0, ChronoUnit.DAYS.between(dueDay, day(doneAt)));
      default -> 0;
    };
    Instant lastReportAt = until(state.lastMonthlyReportAt(), asOf);
    return new StatusRow(state.processInstanceId(), state.businessKey(), state.noticeNumber(), state.itemRef(),
        state.directiveText(), state.leadAgency(), leadName(state), AgencyCodes.parse(state.coordinatingAgencies()),
        state.standingOffice(), state.keyTask(), ongoing, state.deadlinePhrase(), day(original), dueDay, status,
        daysOverdue, doneAt, lastReportAt, lastReportAt == null ? null : state.lastMonthlyReport(),
        state.endedAt() == null);
  }

  /** The deadline in force at {@code asOf}: before the assignment fixes it, the day the notice states. */
  private Instant deadlineAt(DirectiveState state, Instant asOf, NavigableMap<Instant, Instant> movedDeadlines,
      Map<LocalDate, Instant> dueMoments) {
    if (movedDeadlines != null && !movedDeadlines.isEmpty()) {
      Map.Entry<Instant, Instant> inForce = movedDeadlines.floorEntry(asOf);
      return (inForce != null ? inForce : movedDeadlines.firstEntry()).getValue();
    }
    if (state.deadline() != null) {
      return state.deadline();
    }
    return state.statedDeadline() == null ? null
        : dueMoments.computeIfAbsent(state.statedDeadline(), day -> calendar.dueAt(day).toInstant());
  }

  private static Collection<String> restrict(String agency, Collection<String> visibleLeads) {
    if (agency == null) {
      return visibleLeads;
    }
    return visibleLeads == null || visibleLeads.contains(agency) ? List.of(agency) : List.of();
  }

  private String leadName(DirectiveState state) {
    if (state.leadAgencyName() != null) {
      return state.leadAgencyName();
    }
    return agencies.nameOf(state.leadAgency());
  }

  private static Instant until(Instant moment, Instant asOf) {
    return moment == null || moment.isAfter(asOf) ? null : moment;
  }

  private static Date date(Instant moment) {
    return moment == null ? null : Date.from(moment);
  }

  private static LocalDate day(Instant moment) {
    return moment == null ? null : LocalDate.ofInstant(moment, WorkingDayCalendar.ZONE);
  }

  /** "1.a" before "1.b" before "10": numbers compare as numbers. */
  static String itemOrder(String ref) {
    if (ref == null) {
      return "";
    }
    StringBuilder key = new StringBuilder(ref.length() + 16);
    for (String part : ref.split("\\.")) {
      if (!part.isEmpty() && part.length() <= 5 && part.chars().allMatch(Character::isDigit)) {
        key.append("00000", 0, 5 - part.length());
      }
      key.append(part).append('.');
    }
    return key.toString();
  }
}
