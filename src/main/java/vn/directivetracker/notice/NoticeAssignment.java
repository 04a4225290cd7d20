package vn.directivetracker.notice;

import static vn.directivetracker.lifecycle.DirectiveVariables.COORDINATING_AGENCIES_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_DATE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_KIND;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_PHRASE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DIRECTIVE_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.ITEM_REF;
import static vn.directivetracker.lifecycle.DirectiveVariables.KEY_TASK;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEAD_AGENCY;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyCodes;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.deadline.DeadlineKind;
import vn.directivetracker.lifecycle.Dates;

/**
 * The standing office confirms the assignments of a whole notice at once: every directive waiting at
 * its "Xác nhận giao nhiệm vụ" task, as the notice states it, with the office's exceptions (another
 * lead or coordinators, a target date, a withdrawn directive). Everything is checked before anything
 * is written; the confirmations and withdrawals then run in one transaction, each confirmation by
 * completing the directive's own task with the confirmed values, so the directive's listener checks
 * them again and the directive goes on to its lead agency exactly as after a confirmation by hand.
 */
@Component
public class NoticeAssignment {

  public static final String CONFIRM_TASK = "Task_ConfirmAssignment";
  /** At most this many directives in one confirmation (a notice holds at most 2 000 items). */
  public static final int MAX_DIRECTIVES = 20_000;
  public static final int MAX_REASON = 1_000;
  private static final Set<String> ENTRY_FIELDS = Set.of("key", "lead", "coordinators", "deadline", "keyTask", "withdraw",
      "reason");
  private static final Set<String> BODY_FIELDS = Set.of("notice", "directives");
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern VN_DAY = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
  private static final Logger log = LoggerFactory.getLogger(NoticeAssignment.class);

  private final NoticeRepository notices;
  private final AgencyRegistry agencies;
  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  public NoticeAssignment(NoticeRepository notices, AgencyRegistry agencies, ProcessEngine engine, JdbcTemplate jdbc) {
    this.notices = notices;
    this.agencies = agencies;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------ reading

  /** The notices of the caller's offices, with how many of their directives wait for confirmation. */
  public List<Map<String, Object>> noticesOf(Registrar caller) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> row : jdbc.queryForList("select number, title, standing_office from dt_notice order by number")) {
      String office = (String) row.get("standing_office");
      if (!caller.memberOf(office)) {
        continue;
      }
      String number = (String) row.get("number");
      Counts counts = counts(number);
      Map<String, Object> notice = new LinkedHashMap<>();
      notice.put("number", number);
      notice.put("title", row.get("title"));
      notice.put("standingOffice", office);
      notice.put("directives", counts.tracked());
      notice.put("awaiting", counts.awaiting());
      notice.put("starting", counts.starting());
      result.add(notice);
    }
    return result;
  }

  /** One notice's directives waiting for confirmation, as the notice states them, with the agencies to pick from. */
  public Map<String, Object> notice(String number, Registrar caller) {
    NoticeDocument notice = checkOffice(number, caller);
    Counts counts = counts(notice.number());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Awaiting waiting : awaiting(notice.number()).values()) {
      Map<String, Object> v = waiting.variables();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", waiting.key());
      row.put("item", v.get(ITEM_REF));
      row.put("text", v.get(DIRECTIVE_TEXT));
      String lead = (String) v.get(LEAD_AGENCY);
      row.put("lead", lead);
      row.put("leadName", agencies.nameOf(lead));
      List<String> coordinators = AgencyCodes.parse(v.get(COORDINATING_AGENCIES_TEXT));
      row.put("coordinators", coordinators);
      DeadlineKind kind = DeadlineKind.valueOf((String) v.get(DEADLINE_KIND));
      row.put("deadlineKind", kind.name());
      row.put("deadlinePhrase", v.get(DEADLINE_PHRASE));
      row.put("deadline", v.get(DEADLINE_DATE));
      row.put("needsTargetDate", kind.needsTargetDate());
      row.put("ongoing", kind.isOngoing());
      row.put("keyTask", Boolean.TRUE.equals(v.get(KEY_TASK)));
      rows.add(row);
    }
    rows.sort(Comparator.comparing((Map<String, Object> row) -> ItemOrder.key((String) row.get("item")))
        .thenComparing(row -> (String) row.get("key")));
    LocalDate today = Dates.today();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("number", notice.number());
    result.put("title", notice.title());
    result.put("standingOffice", notice.standingOffice());
    result.put("directivesTotal", counts.tracked());
    result.put("starting", counts.starting());
    result.put("directives", rows);
    result.put("agencies", agencies.activeOn(today).stream()
        .map(agency -> Map.of("code", agency.code(), "name", agency.name())).toList());
    return result;
  }

  // ------------------------------------------------------------------ confirming

  /** What a confirmation did. */
  public record Outcome(String notice, int confirmed, int withdrawn, int changed) {}

  /**
   * Checks the whole request, then confirms every listed directive (and withdraws those marked so)
   * in one transaction. Nothing is written when any entry has a problem.
   */
  @Transactional
  public Outcome confirm(JsonNode body, Registrar caller) {
    List<AssignmentProblem> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      throw new InvalidAssignmentException(List.of(AssignmentProblem.of(null, "(nội dung)",
          "phải là một đối tượng JSON {\"notice\": …, \"directives\": […]}")));
    }
    unknownFields(body, BODY_FIELDS, null, problems);
    JsonNode numberNode = body.get("notice");
    if (numberNode == null || !numberNode.isTextual() || numberNode.asText().isBlank()) {
      throw new InvalidAssignmentException(List.of(AssignmentProblem.of(null, "notice", "thiếu số hiệu thông báo")));
    }
    NoticeDocument notice = checkOffice(java.text.Normalizer.normalize(numberNode.asText().strip(),
        java.text.Normalizer.Form.NFC), caller);
    JsonNode list = body.get("directives");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidAssignmentException(List.of(AssignmentProblem.of(null, "directives",
          "cần danh sách các nhiệm vụ được xác nhận (ít nhất một)")));
    }
    if (list.size() > MAX_DIRECTIVES) {
      throw new InvalidAssignmentException(List.of(AssignmentProblem.of(null, "directives",
          "quá nhiều nhiệm vụ trong một lần xác nhận (" + list.size() + ", tối đa " + MAX_DIRECTIVES + ")")));
    }
    Counts counts = counts(notice.number());
    if (counts.starting() > 0) {
      throw new AssignmentConflictException("Thông báo " + notice.number() + " còn " + counts.starting()
          + " nhiệm vụ đang được khởi tạo; vui lòng chờ ít phút rồi tải lại trang. Chưa có gì được ghi.");
    }
    Set<String> tracked = new HashSet<>(jdbc.queryForList(
        "select business_key from dt_tracked_directive where notice_number = ?", String.class, notice.number()));
    Map<String, Awaiting> awaiting = awaiting(notice.number());
    LocalDate today = Dates.today();
    List<Decision> decisions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int index = 0;
    for (JsonNode entry : list) {
      index++;
      String where = "#" + index;
      if (!entry.isObject()) {
        problems.add(AssignmentProblem.of(where, "(mục)", "phải là một đối tượng {\"key\": …}"));
        continue;
      }
      JsonNode keyNode = entry.get("key");
      if (keyNode == null || !keyNode.isTextual() || keyNode.asText().isBlank()) {
        problems.add(AssignmentProblem.of(where, "key", "thiếu mã nhiệm vụ (key)"));
        continue;
      }
      String key = java.text.Normalizer.normalize(keyNode.asText().strip(), java.text.Normalizer.Form.NFC);
      if (key.length() > 300) {
        problems.add(AssignmentProblem.of(where, "key", "mã nhiệm vụ quá dài"));
        continue;
      }
      unknownFields(entry, ENTRY_FIELDS, key, problems);
      if (!seen.add(key)) {
        problems.add(AssignmentProblem.of(key, "key", "nhiệm vụ được nêu hai lần"));
        continue;
      }
      if (!tracked.contains(key)) {
        problems.add(AssignmentProblem.of(key, "key", "không phải nhiệm vụ của thông báo " + notice.number()));
        continue;
      }
      Awaiting waiting = awaiting.get(key);
      if (waiting == null) {
        problems.add(AssignmentProblem.of(key, "key", "nhiệm vụ không còn chờ xác nhận giao (đã xác nhận hoặc đã kết thúc)"));
        continue;
      }
      Decision decision = decide(key, entry, waiting, today, problems);
      if (decision != null) {
        decisions.add(decision);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidAssignmentException(problems);
    }
    return apply(notice, decisions, caller);
  }

  private Decision decide(String key, JsonNode entry, Awaiting waiting, LocalDate today, List<AssignmentProblem> problems) {
    int before = problems.size();
    Map<String, Object> v = waiting.variables();
    boolean withdraw = false;
    JsonNode withdrawNode = entry.get("withdraw");
    if (withdrawNode != null && !withdrawNode.isNull()) {
      if (!withdrawNode.isBoolean()) {
        problems.add(AssignmentProblem.of(key, "withdraw", "phải là true hoặc false"));
      } else {
        withdraw = withdrawNode.booleanValue();
      }
    }
    String reason = null;
    JsonNode reasonNode = entry.get("reason");
    if (reasonNode != null && !reasonNode.isNull()) {
      if (!reasonNode.isTextual()) {
        problems.add(AssignmentProblem.of(key, "reason", "phải là một đoạn văn bản"));
      } else if (reasonNode.asText().length() > MAX_REASON) {
        problems.add(AssignmentProblem.of(key, "reason", "dài quá " + MAX_REASON + " ký tự"));
      } else {
        reason = reasonNode.asText().strip();
      }
    }
    if (withdraw) {
      if (reason == null || reason.isEmpty()) {
        problems.add(AssignmentProblem.of(key, "reason", "cần nêu lý do rút nhiệm vụ khỏi theo dõi"));
      }
      for (String field : List.of("lead", "coordinators", "deadline", "keyTask")) {
        if (entry.has(field)) {
          problems.add(AssignmentProblem.of(key, field, "nhiệm vụ được rút khỏi theo dõi không nhận thay đổi khác"));
        }
      }
      return problems.size() > before ? null : new Decision(waiting, true, reason, null, false);
    }
    if (reasonNode != null && !reasonNode.isNull()) {
      problems.add(AssignmentProblem.of(key, "reason", "lý do chỉ dùng khi rút nhiệm vụ khỏi theo dõi (withdraw)"));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    boolean changed = false;

    String lead = (String) v.get(LEAD_AGENCY);
    JsonNode leadNode = entry.get("lead");
    if (leadNode != null && !leadNode.isNull()) {
      if (!leadNode.isTextual() || leadNode.asText().isBlank()) {
        problems.add(AssignmentProblem.of(key, "lead", "phải là mã một cơ quan, ví dụ BCA"));
      } else {
        String code = leadNode.asText().strip().toUpperCase(java.util.Locale.ROOT);
        if (activeAgency(code, today, key, "lead", "cơ quan chủ trì", problems)) {
          changed |= !code.equals(lead);
          lead = code;
        }
      }
    }
    List<String> coordinators = AgencyCodes.parse(v.get(COORDINATING_AGENCIES_TEXT));
    JsonNode coordinatorsNode = entry.get("coordinators");
    if (coordinatorsNode != null && !coordinatorsNode.isNull()) {
      if (!coordinatorsNode.isArray()) {
        problems.add(AssignmentProblem.of(key, "coordinators", "phải là danh sách mã cơ quan, ví dụ [\"BKHCN\", \"BTC\"]"));
      } else if (coordinatorsNode.size() > 200) {
        problems.add(AssignmentProblem.of(key, "coordinators", "quá nhiều cơ quan phối hợp (tối đa 200)"));
      } else {
        Set<String> chosen = new LinkedHashSet<>();
        for (JsonNode code : coordinatorsNode) {
          if (!code.isTextual() || code.asText().isBlank()) {
            problems.add(AssignmentProblem.of(key, "coordinators", "mỗi phần tử phải là mã một cơ quan"));
            continue;
          }
          String c = code.asText().strip().toUpperCase(java.util.Locale.ROOT);
          if (activeAgency(c, today, key, "coordinators", "cơ quan phối hợp", problems) && !chosen.add(c)) {
            problems.add(AssignmentProblem.of(key, "coordinators", c + " được nêu hai lần"));
          }
        }
        changed |= !new ArrayList<>(chosen).equals(coordinators);
        coordinators = new ArrayList<>(chosen);
      }
    }
    if (coordinators.contains(lead)) {
      if (coordinatorsNode == null && leadNode != null) {
        // the new lead was a coordinator: it leads now and no longer coordinates its own directive
        coordinators = new ArrayList<>(coordinators);
        coordinators.remove(lead);
      } else {
        problems.add(AssignmentProblem.of(key, "coordinators", lead + " là cơ quan chủ trì, không thể đồng thời là cơ quan phối hợp"));
      }
    }

    DeadlineKind kind = DeadlineKind.valueOf((String) v.get(DEADLINE_KIND));
    String deadline = (String) v.get(DEADLINE_DATE);
    JsonNode deadlineNode = entry.get("deadline");
    if (deadlineNode != null && !deadlineNode.isNull()) {
      if (kind.isOngoing()) {
        problems.add(AssignmentProblem.of(key, "deadline", "nhiệm vụ thường xuyên không có thời hạn"));
      } else if (!deadlineNode.isTextual()) {
        problems.add(AssignmentProblem.of(key, "deadline", "phải là một ngày dd/MM/yyyy, ví dụ 31/12/2026"));
      } else {
        Optional<LocalDate> day = parseDay(deadlineNode.asText().strip());
        if (day.isEmpty()) {
          problems.add(AssignmentProblem.of(key, "deadline", "\"" + shorten(deadlineNode.asText()) + "\" không phải là một ngày"
              + " hợp lệ (dd/MM/yyyy, ví dụ 31/12/2026)"));
        } else if (kind.needsTargetDate() && day.get().isBefore(today)) {
          problems.add(AssignmentProblem.of(key, "deadline", "thời hạn mục tiêu " + Dates.format(day.get())
              + " đã qua; chọn một ngày từ hôm nay trở đi"));
        } else {
          changed |= !day.get().toString().equals(deadline);
          deadline = day.get().toString();
        }
      }
    }
    if (!kind.isOngoing() && deadline == null && problems.size() == before) {
      problems.add(AssignmentProblem.of(key, "deadline", kind.needsTargetDate()
          ? "văn bản ghi \"" + v.get(DEADLINE_PHRASE) + "\": cần đặt thời hạn mục tiêu (dd/MM/yyyy)"
          : "cần thời hạn (dd/MM/yyyy)"));
    }
    boolean keyTask = Boolean.TRUE.equals(v.get(KEY_TASK));
    JsonNode keyTaskNode = entry.get("keyTask");
    if (keyTaskNode != null && !keyTaskNode.isNull()) {
      if (!keyTaskNode.isBoolean()) {
        problems.add(AssignmentProblem.of(key, "keyTask", "phải là true hoặc false"));
      } else {
        changed |= keyTaskNode.booleanValue() != keyTask;
        keyTask = keyTaskNode.booleanValue();
      }
    }
    if (problems.size() > before) {
      return null;
    }
    values.put(LEAD_AGENCY, lead);
    values.put(COORDINATING_AGENCIES_TEXT, String.join(", ", coordinators));
    values.put(DEADLINE_DATE, kind.isOngoing() ? null : deadline);
    values.put(KEY_TASK, keyTask);
    return new Decision(waiting, false, null, values, changed);
  }

  private Outcome apply(NoticeDocument notice, List<Decision> decisions, Registrar caller) {
    IdentityService identity = engine.getIdentityService();
    Authentication user = identity.getCurrentAuthentication();
    int confirmed = 0;
    int withdrawn = 0;
    int changed = 0;
    for (Decision decision : decisions) {
      if (decision.withdraw()) {
        // the office's decision, checked above; deleting an instance is not an office user's right in the engine
        identity.clearAuthentication();
        try {
          engine.getRuntimeService().deleteProcessInstance(decision.waiting().processInstanceId(),
              "Rút khỏi theo dõi khi xác nhận giao nhiệm vụ của thông báo (" + caller.name() + "): " + decision.reason());
        } finally {
          identity.setAuthentication(user);
        }
        withdrawn++;
      } else {
        // as the office's user: the engine checks the right to work on the task and the guard the form's fields
        engine.getTaskService().complete(decision.waiting().taskId(), decision.values());
        confirmed++;
        if (decision.changed()) {
          changed++;
        }
      }
    }
    log.info("[{}] assignment confirmed as a whole by {}: {} confirmed ({} with changes), {} withdrawn", notice.number(),
        caller.name(), confirmed, changed, withdrawn);
    return new Outcome(notice.number(), confirmed, withdrawn, changed);
  }

  // ------------------------------------------------------------------ helpers

  private NoticeDocument checkOffice(String number, Registrar caller) {
    if (number == null || number.isBlank() || number.length() > 100 || !notices.exists(number)) {
      throw new AssignmentNotFoundException("Không có thông báo số " + shorten(String.valueOf(number)));
    }
    NoticeDocument notice = notices.notice(number);
    if (caller == null || !caller.groups().contains(notice.standingOffice())) {
      throw new AssignmentForbiddenException("Chỉ cơ quan thường trực của thông báo " + notice.number() + " ("
          + agencies.nameOf(notice.standingOffice()) + ") được xác nhận giao nhiệm vụ của thông báo này");
    }
    return notice;
  }

  private boolean activeAgency(String code, LocalDate today, String key, String field, String label,
      List<AssignmentProblem> problems) {
    Optional<Agency> agency = agencies.find(code);
    if (agency.isEmpty()) {
      problems.add(AssignmentProblem.of(key, field, "không có " + label + " mã " + shorten(code) + " (xem agencies.yaml)"));
      return false;
    }
    if (!agency.get().isActiveOn(today)) {
      problems.add(AssignmentProblem.of(key, field, agency.get().name() + " (" + code + ") không còn hoạt động"));
      return false;
    }
    return true;
  }

  private static void unknownFields(JsonNode node, Set<String> allowed, String key, List<AssignmentProblem> problems) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.add(AssignmentProblem.of(key, shorten(name), "trường không được nhận ở đây (chỉ: "
            + String.join(", ", allowed.stream().sorted().toList()) + ")"));
      }
    }
  }

  /** A day as {@code dd/MM/yyyy} (also {@code d/M/yyyy}) or ISO {@code yyyy-MM-dd}, in the years 1901–2198. */
  static Optional<LocalDate> parseDay(String text) {
    try {
      LocalDate day;
      if (ISO_DAY.matcher(text).matches()) {
        day = LocalDate.parse(text);
      } else if (VN_DAY.matcher(text).matches()) {
        day = LocalDate.parse(text, DAY_MONTH_YEAR);
      } else {
        return Optional.empty();
      }
      return day.getYear() < 1901 || day.getYear() > 2198 ? Optional.empty() : Optional.of(day);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }

  private record Counts(int tracked, int awaiting, int starting) {}

  private Counts counts(String number) {
    Integer tracked = jdbc.queryForObject("select count(*) from dt_tracked_directive where notice_number = ?",
        Integer.class, number);
    Integer started = jdbc.queryForObject("select count(*) from dt_tracked_directive t where t.notice_number = ? and exists"
        + " (select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = t.business_key and p.PROC_DEF_KEY_ = 'directive')",
        Integer.class, number);
    Integer awaiting = jdbc.queryForObject("select count(*) from dt_tracked_directive t where t.notice_number = ? and exists"
        + " (select 1 from ACT_RU_TASK k join ACT_RU_EXECUTION e on e.ID_ = k.PROC_INST_ID_"
        + " where e.BUSINESS_KEY_ = t.business_key and k.TASK_DEF_KEY_ = ?)", Integer.class, number, CONFIRM_TASK);
    int t = tracked == null ? 0 : tracked;
    return new Counts(t, awaiting == null ? 0 : awaiting, t - (started == null ? 0 : started));
  }

  /** A directive of the notice waiting at its confirmation task. */
  private record Awaiting(String key, String processInstanceId, String taskId, Map<String, Object> variables) {}

  private static final List<String> READ = List.of(ITEM_REF, DIRECTIVE_TEXT, LEAD_AGENCY, COORDINATING_AGENCIES_TEXT,
      DEADLINE_KIND, DEADLINE_DATE, DEADLINE_PHRASE, KEY_TASK);

  /** The notice's directives waiting for confirmation, by business key (read by the system: the office's right is checked). */
  private Map<String, Awaiting> awaiting(String number) {
    IdentityService identity = engine.getIdentityService();
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      Set<String> tracked = new HashSet<>(jdbc.queryForList(
          "select business_key from dt_tracked_directive where notice_number = ?", String.class, number));
      List<Task> tasks = engine.getTaskService().createTaskQuery().processDefinitionKey("directive")
          .taskDefinitionKey(CONFIRM_TASK).processInstanceBusinessKeyLike(number + "/%").list();
      Map<String, String> keyOf = new HashMap<>();
      for (Map<String, Object> row : jdbc.queryForList("select e.ID_ as id, e.BUSINESS_KEY_ as bk from ACT_RU_EXECUTION e"
          + " join dt_tracked_directive t on t.business_key = e.BUSINESS_KEY_ where t.notice_number = ? and e.ID_ = e.PROC_INST_ID_",
          number)) {
        keyOf.put((String) row.get("id"), (String) row.get("bk"));
      }
      Map<String, Awaiting> result = new LinkedHashMap<>();
      List<String> ids = new ArrayList<>();
      for (Task task : tasks) {
        String key = keyOf.get(task.getProcessInstanceId());
        if (key != null && tracked.contains(key)) {
          ids.add(task.getProcessInstanceId());
          result.put(key, new Awaiting(key, task.getProcessInstanceId(), task.getId(), new HashMap<>()));
        }
      }
      Map<String, Map<String, Object>> variables = new HashMap<>();
      for (int from = 0; from < ids.size(); from += 500) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
        for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery()
            .processInstanceIdIn(chunk.toArray(String[]::new)).variableNameIn(READ.toArray(String[]::new)).list()) {
          // process-level values only (a task-local copy would be another execution)
          if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
            variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                .put(variable.getName(), variable.getValue());
          }
        }
      }
      result.values().forEach(a -> a.variables().putAll(variables.getOrDefault(a.processInstanceId(), Map.of())));
      return result;
    } finally {
      identity.setAuthentication(user);
    }
  }

  private record Decision(Awaiting waiting, boolean withdraw, String reason, Map<String, Object> values, boolean changed) {}

  /** Item references in the notice's order: numbers as numbers, letters in the Vietnamese alphabet (d before đ before e). */
  static final class ItemOrder {
    private static final String ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy";

    static String key(String ref) {
      StringBuilder key = new StringBuilder();
      for (String part : String.valueOf(ref).toLowerCase(java.util.Locale.ROOT).split("\\.")) {
        if (part.matches("\\d{1,9}")) {
          key.append(String.format("%09d", Integer.parseInt(part)));
        } else {
          for (char c : part.toCharArray()) {
            int at = ALPHABET.indexOf(c);
            key.append(at < 0 ? String.valueOf(c) : String.format("~%02d", at));
          }
        }
        key.append('|');
      }
      return key.toString();
    }
  }
}
