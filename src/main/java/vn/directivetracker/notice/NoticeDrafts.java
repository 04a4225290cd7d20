package vn.directivetracker.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyCodes;
import vn.directivetracker.database.TextLimits;
import vn.directivetracker.guard.WriteRefusedException;
import vn.directivetracker.lifecycle.DirectiveInputException;
import vn.directivetracker.lifecycle.DirectiveVariables;

/**
 * Registering a short notice by hand in Tasklist: the start form gives the header, each "add an
 * item" task one item (a loop, since Tasklist's dynamic lists do not work), then a review and the
 * same validation as the REST import. Items are kept as a JSON list in {@code draftItems}.
 */
@Component("noticeDrafts")
public class NoticeDrafts {

  public static final String DRAFT_ITEMS = "draftItems";
  public static final String DRAFT_SUMMARY = "draftSummary";
  public static final String NOTICE_PROBLEMS = "noticeProblems";
  public static final String NOTICE_VALID = "noticeValid";
  public static final String DRAFT_ACTION = "draftAction";
  /** Whether the officer has more items to enter (the add-item loop's gateway). */
  public static final String DRAFT_MORE_ITEMS = "draftMoreItems";
  private static final Map<String, String> CLASS_LABELS = Map.of(
      "MINISTRIES_AND_MINISTERIAL_AGENCIES", "Các Bộ, cơ quan ngang Bộ",
      "PROVINCIAL_PEOPLES_COMMITTEES", "UBND các tỉnh, thành phố trực thuộc Trung ương",
      "PROVINCIAL_PARTY_COMMITTEES", "Các tỉnh ủy, thành ủy",
      "CENTRAL_PARTY_AGENCIES", "Các cơ quan đảng ở Trung ương");
  /** Fields of the add-item form, cleared after each item so the next form starts empty. */
  private static final List<String> ITEM_FIELDS = List.of("ref", "itemText", "lead", "leadClass", "coordinatorsText",
      "deadlineKind", "deadlineDate", "deadlinePhrase", "keyTask", "itemNote");

  private final NoticeValidator validator;
  private final NoticeOffices offices;
  private final NoticeRepository repository;

  public NoticeDrafts(NoticeValidator validator, NoticeOffices offices, NoticeRepository repository) {
    this.validator = validator;
    this.offices = offices;
    this.repository = repository;
  }

  /**
   * Start listener of the notice process: a notice started from Tasklist's start form is registered
   * by the standing office its issuer is configured for, naming that office, so that the drafting
   * tasks go to that office and nobody else's. (The importer starts the process for notices it has
   * registered already; the start form cannot set that flag.)
   */
  public void checkRegistrar(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable(NoticeImporter.ITEMS_IMPORTED))) {
      return;
    }
    Registrar registrar = Registrar.of(execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication());
    if (registrar == null) {
      return; // the engine's own code (tests) starts a draft
    }
    String number = text(execution, "noticeNumber");
    number = number == null ? null : java.text.Normalizer.normalize(number, java.text.Normalizer.Form.NFC);
    if (number == null || number.length() > NoticeValidator.MAX_NUMBER || !NoticeValidator.NUMBER.matcher(number).matches()) {
      throw new DirectiveInputException(List.of("\"Số thông báo\" chỉ gồm chữ, số, dấu cách và các dấu / - . (tối đa "
          + NoticeValidator.MAX_NUMBER + " ký tự), ví dụ 315/TB-VPCP"));
    }
    execution.setVariable("noticeNumber", number);
    String issuer = code(text(execution, "issuer"));
    String office = code(text(execution, "standingOffice"));
    var expected = offices.officeOf(issuer);
    if (expected.isEmpty()) {
      throw new DirectiveInputException(List.of("\"Cơ quan ban hành\": không có cơ quan thường trực nào được giao theo dõi"
          + " thông báo của " + issuer + " (thiết lập directive-tracker.notices.standing-offices)"));
    }
    if (!expected.get().equals(office)) {
      throw new DirectiveInputException(List.of("\"Cơ quan thường trực theo dõi\": thông báo của " + issuer + " do "
          + expected.get() + " theo dõi, không phải " + office));
    }
    if (!registrar.memberOf(office)) {
      throw new WriteRefusedException("Chỉ cán bộ của " + office + " được đăng ký thông báo của " + issuer);
    }
    execution.setVariable("issuer", issuer);
    execution.setVariable(DirectiveVariables.STANDING_OFFICE, office);
  }

  /** Task_AddNoticeItem: checks the item on its own, then appends it to the draft. */
  public void addItem(DelegateTask task) {
    List<Map<String, Object>> items = items(task);
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("ref", text(task, "ref"));
    item.put("text", text(task, "itemText"));
    item.put("lead", text(task, "lead") == null ? null : text(task, "lead").toUpperCase());
    item.put("leadClass", text(task, "leadClass"));
    item.put("coordinators", AgencyCodes.parse(text(task, "coordinatorsText")));
    Map<String, Object> deadline = new LinkedHashMap<>();
    deadline.put("kind", text(task, "deadlineKind"));
    String date = text(task, "deadlineDate");
    deadline.put("date", date == null ? null : date.substring(0, Math.min(10, date.length())));
    deadline.put("phrase", text(task, "deadlinePhrase"));
    item.put("deadline", deadline);
    item.put("keyTask", Boolean.TRUE.equals(task.getVariable("keyTask")));
    item.put("note", text(task, "itemNote"));

    List<NoticeProblem> problems = new ArrayList<>();
    if (items.stream().anyMatch(existing -> existing.get("ref") != null && existing.get("ref").equals(item.get("ref")))) {
      problems.add(new NoticeProblem((String) item.get("ref"), "ref", "mục này đã được thêm"));
    }
    try {
      validator.validate(document(task, List.of(item)));
    } catch (InvalidNoticeException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new DirectiveInputException(problems.stream().map(NoticeDrafts::describe).toList());
    }
    items.add(item);
    save(task, items);
    // the loop's question moves out of the form's field, so the next item's form starts unticked
    task.setVariable(DRAFT_MORE_ITEMS, Boolean.TRUE.equals(task.getVariable("moreItems")));
    ITEM_FIELDS.forEach(task::removeVariable);
    task.removeVariable("moreItems");
  }

  /** Task_ReviewNoticeDraft: register, add more items, or remove one item by its reference. */
  public void review(DelegateTask task) {
    String action = text(task, "reviewAction");
    if (action == null || !List.of("register", "addMore", "removeItem").contains(action)) {
      throw new DirectiveInputException(List.of("chọn một việc: ghi nhận, thêm mục hoặc xóa mục"));
    }
    if (action.equals("removeItem")) {
      String ref = text(task, "removeRef");
      List<Map<String, Object>> items = items(task);
      if (ref == null || !items.removeIf(item -> ref.equals(item.get("ref")))) {
        throw new DirectiveInputException(List.of("không có mục \"" + ref + "\" để xóa"));
      }
      save(task, items);
      task.removeVariable("removeRef");
    }
    task.setVariable(DRAFT_ACTION, action);
  }

  /** ServiceTask_ValidateNotice: the same validation as the REST import; problems go back to the review form. */
  public void validate(DelegateExecution execution) {
    try {
      NoticeDocument notice = validator.validate(document(execution));
      if (repository.exists(notice.number())) {
        throw new InvalidNoticeException(List.of(NoticeProblem.ofNotice("number",
            "thông báo " + notice.number() + " đã được đăng ký")));
      }
      execution.setVariable(NOTICE_VALID, true);
      execution.setVariable(NOTICE_PROBLEMS, null);
    } catch (InvalidNoticeException e) {
      execution.setVariable(NOTICE_VALID, false);
      execution.setVariable(NOTICE_PROBLEMS, TextLimits.newestLines(
          String.join("\n", e.problems().stream().map(NoticeDrafts::describe).toList()), TextLimits.VARIABLE));
    }
  }

  /** Task_WriteFinalReport: every directive of the notice has ended; the office sums up. */
  public void finalReport(DelegateTask task) {
    if (text(task, "finalReport") == null) {
      throw new DirectiveInputException(List.of("thiếu \"Báo cáo tổng kết\""));
    }
  }

  /** The draft as a notice document in the import schema. */
  static JsonNode document(VariableScope scope) {
    return document(scope, items(scope));
  }

  private static JsonNode document(VariableScope scope, List<Map<String, Object>> items) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode notice = json.objectNode();
    notice.put("number", text(scope, "noticeNumber"));
    notice.put("issuer", text(scope, "issuer"));
    notice.put("standingOffice", text(scope, "standingOffice"));
    notice.put("title", text(scope, "noticeTitle"));
    notice.put("issuedOn", day(text(scope, "issuedOn")));
    notice.put("meetingOn", day(text(scope, "meetingOn")));
    notice.put("chair", text(scope, "chair"));
    ArrayNode array = notice.putArray("items");
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    items.forEach(item -> array.add(mapper.valueToTree(item)));
    return notice;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(VariableScope scope) {
    Object value = scope.getVariable(DRAFT_ITEMS);
    return value instanceof List<?> list ? new ArrayList<>((List<Map<String, Object>>) list) : new ArrayList<>();
  }

  private static void save(VariableScope scope, List<Map<String, Object>> items) {
    scope.setVariable(DRAFT_ITEMS, Variables.objectValue(items)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    StringBuilder summary = new StringBuilder();
    // one line per item, its text shortened so that a long notice still fits one variable
    int perItem = Math.max(80, TextLimits.VARIABLE / Math.max(1, items.size()) - 60);
    for (Map<String, Object> item : items) {
      @SuppressWarnings("unchecked")
      Map<String, Object> deadline = (Map<String, Object>) item.get("deadline");
      summary.append(item.get("ref")).append(". [")
          .append(item.get("lead") != null ? item.get("lead") : CLASS_LABELS.getOrDefault(item.get("leadClass"), "?"))
          .append("; ")
          .append(deadline.get("phrase") != null ? deadline.get("phrase") : deadline.get("kind")).append("] ")
          .append(TextLimits.shortened(String.valueOf(item.get("text")), perItem)).append('\n');
    }
    scope.setVariable(DRAFT_SUMMARY, TextLimits.newestLines(summary.toString().strip(), TextLimits.VARIABLE));
  }

  private static String describe(NoticeProblem problem) {
    return (problem.item() == null ? "" : "mục " + problem.item() + ", ") + problem.field() + ": " + problem.problem();
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static String code(String value) {
    return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
  }

  private static String day(String value) {
    return value == null ? null : value.substring(0, Math.min(10, value.length()));
  }
}
