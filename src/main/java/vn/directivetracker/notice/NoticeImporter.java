package vn.directivetracker.notice;

import static vn.directivetracker.lifecycle.DirectiveVariables.COORDINATING_AGENCIES_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_DATE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_KIND;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_PHRASE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DIRECTIVE_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.HAS_DEADLINE;
import static vn.directivetracker.lifecycle.DirectiveVariables.ITEM_REF;
import static vn.directivetracker.lifecycle.DirectiveVariables.KEY_TASK;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEAD_AGENCY;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEAD_AGENCY_NAME;
import static vn.directivetracker.lifecycle.DirectiveVariables.NOTICE_NUMBER;
import static vn.directivetracker.lifecycle.DirectiveVariables.STANDING_OFFICE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.deadline.Deadlines;
import vn.directivetracker.guard.WriteRefusedException;
import vn.directivetracker.lifecycle.Dates;
import vn.directivetracker.lifecycle.DirectiveInputException;

/**
 * Registers a valid notice in one transaction: the notice, its items (revision 1), one tracked
 * directive per item and agency, and the {@code notice} process that starts a {@code directive}
 * instance for each. Importing the same notice again changes nothing; a changed text or deadline
 * becomes a new revision of the item and is applied to its running directives (the correction path).
 */
@Component("noticeImporter")
public class NoticeImporter {

  public static final String NOTICE_PROCESS = "notice";
  /** Variable of the notice process: the items arrived complete (REST import, catalog), no manual entry. */
  public static final String ITEMS_IMPORTED = "itemsImported";
  public static final String CORRECTION_LOG = "correctionLog";
  private static final Logger log = LoggerFactory.getLogger(NoticeImporter.class);

  private final NoticeValidator validator;
  private final NoticeFanOut fanOut;
  private final NoticeRepository repository;
  private final AgencyRegistry agencies;
  private final ProcessEngine engine;
  private final Deadlines deadlines;
  private final NoticeOffices offices;

  public NoticeImporter(NoticeValidator validator, NoticeFanOut fanOut, NoticeRepository repository,
      AgencyRegistry agencies, ProcessEngine engine, Deadlines deadlines, NoticeOffices offices) {
    this.offices = offices;
    this.validator = validator;
    this.fanOut = fanOut;
    this.repository = repository;
    this.agencies = agencies;
    this.engine = engine;
    this.deadlines = deadlines;
  }

  /**
   * Imports a valid notice all or nothing, as far as the registrar may: a new notice by the members
   * of its issuer's standing office, a correction by the office that registered it.
   */
  @Transactional
  public ImportResult importNotice(NoticeDocument notice, Registrar registrar) {
    if (!repository.exists(notice.number())) {
      offices.checkMayRegister(notice, registrar);
      List<TrackedDirective> directives = register(notice, registrar.name());
      ProcessInstance process = engine.getRuntimeService().startProcessInstanceByKey(NOTICE_PROCESS, notice.number(),
          Map.of(NOTICE_NUMBER, notice.number(), STANDING_OFFICE, notice.standingOffice(), "noticeTitle", notice.title(),
              ITEMS_IMPORTED, true));
      repository.setProcessInstance(notice.number(), process.getId());
      log.info("[{}] imported by {}: {} items, {} directives", notice.number(), registrar.name(), notice.items().size(),
          directives.size());
      return new ImportResult(notice.number(), "created", directives.size(), itemResults(directives, "created", 1));
    }
    offices.checkMayCorrect(repository.notice(notice.number()), notice, registrar);
    return reimport(notice, registrar.name());
  }

  /** Service task of the notice process after manual entry: the draft was validated, the process exists. */
  public void registerDraft(DelegateExecution execution) {
    Registrar registrar = Registrar.of(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
    NoticeDocument notice;
    try {
      notice = validator.validate(NoticeDrafts.document(execution));
      if (repository.exists(notice.number())) {
        throw new InvalidNoticeException(List.of(NoticeProblem.ofNotice("number",
            "notice " + notice.number() + " has been registered already")));
      }
      // without a user, the engine's own code runs the draft (tests); a user is held to the office rule
      offices.checkMayRegister(notice, registrar == null ? Registrar.system(null) : registrar);
    } catch (InvalidNoticeException e) {
      throw new DirectiveInputException(e.problems().stream().map(NoticeProblem::toString).toList());
    } catch (NoticeForbiddenException e) {
      throw new WriteRefusedException(e.getMessage());
    }
    register(notice, registrar == null ? null : registrar.name());
    repository.setProcessInstance(notice.number(), execution.getProcessInstanceId());
    execution.setVariable(NOTICE_NUMBER, notice.number());
    // started from Tasklist's start form, the instance had no business key yet
    execution.setProcessBusinessKey(notice.number());
    log.info("[{}] registered by hand: {} items", notice.number(), notice.items().size());
  }

  private List<TrackedDirective> register(NoticeDocument notice, String user) {
    Instant now = Dates.now().toInstant();
    repository.insertNotice(notice, now, user);
    notice.items().forEach(item -> repository.insertItem(notice.number(), item, 1, now, user));
    List<TrackedDirective> directives = fanOut.expand(notice);
    directives.forEach(directive -> repository.insertTrackedDirective(directive, now));
    return directives;
  }

  private ImportResult reimport(NoticeDocument notice, String user) {
    Map<String, NoticeRepository.StoredItem> stored = repository.latestItems(notice.number());
    List<NoticeProblem> problems = new ArrayList<>();
    for (NoticeDocument.Item item : notice.items()) {
      NoticeRepository.StoredItem before = stored.get(item.ref());
      if (before == null) {
        problems.add(new NoticeProblem(item.ref(), "ref", "new item in a notice imported before: register additions"
            + " as a notice of their own (an imported notice's list of directives is fixed)"));
      } else if (!Objects.equals(before.item().lead(), item.lead()) || before.item().leadClass() != item.leadClass()
          || !before.item().coordinators().equals(item.coordinators())
          || !before.item().coordinatorClasses().equals(item.coordinatorClasses())) {
        problems.add(new NoticeProblem(item.ref(), "lead", "who leads or coordinates an imported item cannot be"
            + " corrected by re-import: the standing office reassigns it in the directive"));
      } else if (before.item().deadline().kind().isOngoing() != item.deadline().kind().isOngoing()) {
        problems.add(new NoticeProblem(item.ref(), "deadline.kind", "an imported item cannot change between an ongoing"
            + " duty and a dated task (" + before.item().deadline().kind() + " -> " + item.deadline().kind() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidNoticeException(problems);
    }
    Instant now = Dates.now().toInstant();
    List<ImportResult.ItemResult> results = new ArrayList<>();
    boolean corrected = false;
    for (NoticeDocument.Item item : notice.items()) {
      NoticeRepository.StoredItem before = stored.get(item.ref());
      List<String> keys = repository.trackedDirectives(notice.number(), item.ref());
      if (before.item().equals(item)) {
        results.add(new ImportResult.ItemResult(item.ref(), "unchanged", before.revision(), keys));
        continue;
      }
      int revision = before.revision() + 1;
      repository.insertItem(notice.number(), item, revision, now, user);
      keys.forEach(key -> correctRunningDirective(key, item, revision));
      results.add(new ImportResult.ItemResult(item.ref(), "corrected", revision, keys));
      corrected = true;
      log.info("[{}] item {} corrected to revision {} ({} directives)", notice.number(), item.ref(), revision, keys.size());
    }
    return new ImportResult(notice.number(), corrected ? "corrected" : "unchanged", 0, results);
  }

  /** Applies a corrected text or deadline to a running directive, keeping a readable log on it. */
  private void correctRunningDirective(String businessKey, NoticeDocument.Item item, int revision) {
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("directive")
        .processInstanceBusinessKey(businessKey).singleResult();
    if (instance == null) {
      return; // closed already: the new revision is on record, nothing runs any more
    }
    String id = instance.getId();
    Map<String, Object> changes = new HashMap<>();
    changes.put(DIRECTIVE_TEXT, item.text());
    changes.put(DEADLINE_PHRASE, phrase(item));
    changes.put(DEADLINE_KIND, item.deadline().kind().name());
    changes.put(KEY_TASK, item.keyTask());
    boolean datedByNotice = item.deadline().date() != null && !item.deadline().kind().isOngoing();
    if (datedByNotice) {
      changes.put(DEADLINE_DATE, item.deadline().date().toString());
    }
    Map<String, Object> current = runtime.getVariables(id);
    String previousLog = (String) current.get(CORRECTION_LOG);
    String line = "[" + Dates.format(Dates.now()) + "] Đính chính theo lần nhập " + revision + " của mục " + item.ref();
    changes.put(CORRECTION_LOG, previousLog == null ? line : previousLog + "\n" + line);
    runtime.setVariables(id, changes);
    if (datedByNotice && current.get(HAS_DEADLINE) != null) {
      // scheduled already: recompute the dates from the corrected values and move the waiting timers
      current.putAll(changes);
      Map<String, Object> schedule = deadlines.scheduleVariables(current::get);
      runtime.setVariables(id, schedule);
      deadlines.moveTimers(engine, id, (java.util.Date) schedule.get(DEADLINE),
          (java.util.Date) schedule.get(vn.directivetracker.lifecycle.DirectiveVariables.REMINDER_DATE));
    }
  }

  /** The references of a notice's items, for the notice process's multi-instance call of {@code noticeItem}. */
  public List<String> itemsToTrack(String noticeNumber) {
    return repository.latestItems(noticeNumber).keySet().stream().sorted().toList();
  }

  /**
   * Start variables of the directives of one item (one per lead agency), for the multi-instance
   * call of {@code directive} in {@code noticeItem}. Notices fan out per item so that no process
   * instance holds thousands of parallel branches (each job would load them all).
   */
  public List<Map<String, Object>> directivesToStart(String noticeNumber, String itemRef) {
    NoticeRepository.StoredItem stored = repository.latestItem(noticeNumber, itemRef)
        .orElseThrow(() -> new IllegalStateException("Notice " + noticeNumber + " has no item " + itemRef));
    NoticeDocument notice = repository.notice(noticeNumber).withItems(List.of(stored.item()));
    return fanOut.expand(notice).stream().map(this::startVariables).toList();
  }

  private Map<String, Object> startVariables(TrackedDirective directive) {
    NoticeDocument.Item item = directive.item();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("businessKey", directive.businessKey());
    variables.put(NOTICE_NUMBER, directive.notice().number());
    variables.put(ITEM_REF, item.ref());
    variables.put(DIRECTIVE_TEXT, item.text());
    variables.put(LEAD_AGENCY, directive.leadAgency());
    variables.put(LEAD_AGENCY_NAME, agencies.nameOf(directive.leadAgency()));
    variables.put(COORDINATING_AGENCIES_TEXT, String.join(", ", directive.coordinatingAgencies()));
    variables.put(STANDING_OFFICE, directive.notice().standingOffice());
    variables.put(DEADLINE_KIND, item.deadline().kind().name());
    variables.put(DEADLINE_DATE, item.deadline().date() == null || item.deadline().kind().isOngoing()
        ? null : item.deadline().date().toString());
    variables.put(DEADLINE_PHRASE, phrase(item));
    // shown in Tasklist rows before the assignment fixes the due day (the schedule then replaces it)
    variables.put(vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_TEXT, item.deadline().kind().isOngoing()
        ? "Thường xuyên" : item.deadline().date() == null ? "Chưa đặt" : Dates.format(item.deadline().date()));
    variables.put(KEY_TASK, item.keyTask());
    return variables;
  }

  private static String phrase(NoticeDocument.Item item) {
    if (item.deadline().phrase() != null) {
      return item.deadline().phrase();
    }
    return switch (item.deadline().kind()) {
      case ONGOING -> "Nhiệm vụ thường xuyên";
      case ASAP -> "Trong thời gian sớm nhất";
      case ROADMAP -> "Theo lộ trình";
      default -> "(văn bản không nêu thời hạn)";
    };
  }

  private List<ImportResult.ItemResult> itemResults(List<TrackedDirective> directives, String status, int revision) {
    Map<String, List<String>> byRef = new LinkedHashMap<>();
    directives.forEach(d -> byRef.computeIfAbsent(d.item().ref(), ref -> new ArrayList<>()).add(d.businessKey()));
    return byRef.entrySet().stream().map(e -> new ImportResult.ItemResult(e.getKey(), status, revision, e.getValue())).toList();
  }
}
