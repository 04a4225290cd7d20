package vn.directivetracker.notice;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.database.TextLimits;
import vn.directivetracker.deadline.DeadlineKind;

/**
 * Checks a notice completely before anything is written, and reports every problem at once, each
 * naming its item and field: unknown agency, missing or double lead, bad or impossible date,
 * duplicate reference, unknown deadline kind, empty text, unknown field.
 */
@Component
public class NoticeValidator {

  /** "1", "3.b", "2.đ", "3.a.2": section, Vietnamese letter, and a number for a split duty. */
  static final Pattern REF = Pattern.compile("\\d{1,4}(\\.[a-zđ](\\.\\d{1,4})?)?");
  /**
   * A notice number as printed ("315/TB-VPCP", "02-KH/BCĐTW"): letters, digits, spaces, "/", "-" and
   * ".". Nothing else, so that a number can never carry markup into the forms that show it.
   */
  static final Pattern NUMBER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} /.\\-]*");

  // column sizes of dt_notice / dt_notice_item (db/migration), and what a process variable holds
  static final int MAX_NUMBER = 100;
  static final int MAX_REF = 20;
  static final int MAX_TITLE = TextLimits.VARIABLE;
  static final int MAX_ITEM_TEXT = TextLimits.VARIABLE;
  static final int MAX_PHRASE = 2000;
  static final int MAX_CHAIR = 1000;
  static final int MAX_PLAN = 4000;
  static final int MAX_NOTE = 20000;
  static final int MAX_RECIPIENT = 1000;
  static final int MAX_RECIPIENTS = 500;
  /** A notice fanning out to more than this many items is not a notice (the benchmark's 1 000 fit). */
  static final int MAX_ITEMS = 2000;
  private static final Set<String> NOTICE_FIELDS = Set.of("number", "issuer", "standingOffice", "title", "issuedOn",
      "meetingOn", "chair", "implementsPlan", "recipients", "note", "items");
  private static final Set<String> ITEM_FIELDS = Set.of("ref", "text", "lead", "leadClass", "coordinators",
      "coordinatorClasses", "deadline", "keyTask", "note");
  private static final Set<String> DEADLINE_FIELDS = Set.of("kind", "date", "phrase");

  private final AgencyRegistry agencies;

  public NoticeValidator(AgencyRegistry agencies) {
    this.agencies = agencies;
  }

  /** The notice, or {@link InvalidNoticeException} with every problem. */
  public NoticeDocument validate(JsonNode root) {
    List<NoticeProblem> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new InvalidNoticeException(List.of(NoticeProblem.ofNotice("(document)", "is not an object with the notice's fields")));
    }
    Checker notice = new Checker(null, problems);
    notice.unknownFields(root, NOTICE_FIELDS, "");
    String number = notice.limited(notice.requiredText(root, "number"), "number", MAX_NUMBER);
    if (number != null && !NUMBER.matcher(number).matches()) {
      notice.problem("number", "'" + number + "' may hold only letters, digits, spaces, '/', '-' and '.'");
    }
    String title = notice.limited(notice.requiredText(root, "title"), "title", MAX_TITLE);
    LocalDate issuedOn = notice.date(root, "issuedOn", false);
    LocalDate meetingOn = notice.date(root, "meetingOn", false);
    if (!root.hasNonNull("issuedOn") && !root.hasNonNull("meetingOn")) {
      problems.add(NoticeProblem.ofNotice("issuedOn", "give the issue date or at least the meeting date"));
    }
    LocalDate asOf = issuedOn != null ? issuedOn : meetingOn;
    String issuer = notice.agency(root, "issuer", asOf, true);
    String standingOffice = notice.agency(root, "standingOffice", asOf, true);

    List<NoticeDocument.Item> items = new ArrayList<>();
    JsonNode itemNodes = root.get("items");
    if (itemNodes == null || !itemNodes.isArray() || itemNodes.isEmpty()) {
      problems.add(NoticeProblem.ofNotice("items", "a notice needs at least one item"));
    } else if (itemNodes.size() > MAX_ITEMS) {
      problems.add(NoticeProblem.ofNotice("items", itemNodes.size() + " items, at most " + MAX_ITEMS));
    } else {
      Set<String> refs = new HashSet<>();
      int position = 0;
      for (JsonNode node : itemNodes) {
        position++;
        NoticeDocument.Item item = item(node, position, asOf, refs, problems);
        if (item != null) {
          items.add(item);
        }
      }
    }
    String chair = notice.limited(notice.text(root, "chair"), "chair", MAX_CHAIR);
    String plan = notice.limited(notice.text(root, "implementsPlan"), "implementsPlan", MAX_PLAN);
    List<String> recipients = notice.texts(root, "recipients");
    String note = notice.limited(notice.text(root, "note"), "note", MAX_NOTE);
    if (!problems.isEmpty()) {
      throw new InvalidNoticeException(problems);
    }
    return new NoticeDocument(number, issuer, standingOffice, title, issuedOn, meetingOn, chair, plan, recipients,
        note, List.copyOf(items));
  }

  private NoticeDocument.Item item(JsonNode node, int position, LocalDate asOf, Set<String> refs,
      List<NoticeProblem> problems) {
    int before = problems.size();
    String ref = node.hasNonNull("ref") ? Normalizer.normalize(node.get("ref").asText().strip(), Normalizer.Form.NFC) : null;
    Checker item = new Checker(ref == null || ref.isEmpty() ? "#" + position : shown(ref), problems);
    if (!node.isObject()) {
      item.problem("(item)", "is not an object");
      return null;
    }
    item.unknownFields(node, ITEM_FIELDS, "");
    if (ref == null || ref.isEmpty()) {
      item.problem("ref", "missing");
    } else if (ref.length() > MAX_REF || !REF.matcher(ref).matches()) {
      item.problem("ref", "'" + shown(ref) + "' is not a reference like 1, 3.b, 2.đ or 3.a.2");
    } else if (!refs.add(ref)) {
      item.problem("ref", "duplicate reference " + ref);
    }
    String text = item.limited(item.requiredText(node, "text"), "text", MAX_ITEM_TEXT);

    String lead = null;
    AgencyClass leadClass = item.agencyClass(node.get("leadClass"), "leadClass");
    JsonNode leadNode = node.get("lead");
    if (leadNode != null && leadNode.isArray()) {
      item.problem("lead", "an item has exactly one lead agency, got " + leadNode.size());
    } else {
      lead = item.agency(node, "lead", asOf, false);
    }
    boolean hasLead = leadNode != null && !leadNode.isNull();
    boolean hasLeadClass = node.hasNonNull("leadClass");
    if (!hasLead && !hasLeadClass) {
      item.problem("lead", "missing: give the lead agency (lead) or the class of agencies it is addressed to (leadClass)");
    } else if (hasLead && hasLeadClass) {
      item.problem("lead", "two leads: give either lead or leadClass, not both");
    }

    List<String> coordinators = new ArrayList<>();
    JsonNode coordinatorNodes = node.get("coordinators");
    if (coordinatorNodes != null && !coordinatorNodes.isNull()) {
      if (!coordinatorNodes.isArray()) {
        item.problem("coordinators", "must be a list of agency codes");
      } else {
        for (JsonNode code : coordinatorNodes) {
          item.knownAgency(code.asText(), "coordinators", asOf).ifPresent(agency -> {
            if (agency.code().equals(leadNode == null ? null : leadNode.asText())) {
              item.problem("coordinators", agency.code() + " is the lead agency and cannot also coordinate");
            } else if (!coordinators.contains(agency.code())) {
              coordinators.add(agency.code());
            }
          });
        }
      }
    }
    List<AgencyClass> coordinatorClasses = new ArrayList<>();
    JsonNode classNodes = node.get("coordinatorClasses");
    if (classNodes != null && !classNodes.isNull()) {
      if (!classNodes.isArray()) {
        item.problem("coordinatorClasses", "must be a list of agency classes");
      } else {
        for (JsonNode value : classNodes) {
          AgencyClass agencyClass = item.agencyClass(value, "coordinatorClasses");
          if (agencyClass != null && !coordinatorClasses.contains(agencyClass)) {
            coordinatorClasses.add(agencyClass);
          }
        }
      }
    }

    NoticeDocument.Deadline deadline = deadline(node.get("deadline"), item);
    JsonNode keyTask = node.get("keyTask");
    if (keyTask != null && !keyTask.isNull() && !keyTask.isBoolean()) {
      item.problem("keyTask", "must be true or false");
    }
    String note = item.limited(item.text(node, "note"), "note", MAX_NOTE);
    if (problems.size() > before) {
      return null;
    }
    return new NoticeDocument.Item(ref, text, lead, leadClass, List.copyOf(coordinators), List.copyOf(coordinatorClasses),
        deadline, keyTask != null && keyTask.asBoolean(), note);
  }

  /** A submitted value quoted in a problem, cut short: a problem names the value, it does not echo a megabyte. */
  static String shown(String value) {
    return value == null || value.length() <= 60 ? value : value.substring(0, 60) + "…";
  }

  private static NoticeDocument.Deadline deadline(JsonNode node, Checker item) {
    if (node == null || node.isNull() || !node.isObject()) {
      item.problem("deadline", "missing: give kind (and date and phrase)");
      return null;
    }
    item.unknownFields(node, DEADLINE_FIELDS, "deadline.");
    String kindText = item.text(node, "kind");
    DeadlineKind kind = null;
    if (kindText == null) {
      item.problem("deadline.kind", "missing");
    } else {
      try {
        kind = DeadlineKind.valueOf(kindText);
      } catch (IllegalArgumentException e) {
        item.problem("deadline.kind", "unknown deadline kind '" + shown(kindText) + "' (one of "
            + List.of(DeadlineKind.values()) + ")");
      }
    }
    LocalDate date = item.dateAt(node, "date", "deadline.date");
    if (kind != null) {
      boolean needsDate = kind == DeadlineKind.DATE || kind == DeadlineKind.END_OF_MONTH || kind == DeadlineKind.FROM_DATE;
      if (needsDate && date == null && !node.hasNonNull("date")) {
        item.problem("deadline.date", "deadline kind " + kind + " needs its date");
      }
      if (!needsDate && node.hasNonNull("date")) {
        item.problem("deadline.date", "deadline kind " + kind + " has no date in the notice (the office sets a target date at assignment)");
      }
      if (kind == DeadlineKind.END_OF_MONTH && date != null && !date.equals(YearMonth.from(date).atEndOfMonth())) {
        item.problem("deadline.date", date + " is not the last day of its month");
      }
    }
    return new NoticeDocument.Deadline(kind, date, item.limited(item.text(node, "phrase"), "deadline.phrase", MAX_PHRASE));
  }

  /** Field checks that record problems under one item (or the notice when item is null). */
  private final class Checker {
    private final String item;
    private final List<NoticeProblem> problems;

    Checker(String item, List<NoticeProblem> problems) {
      this.item = item;
      this.problems = problems;
    }

    void problem(String field, String problem) {
      problems.add(new NoticeProblem(item, field, problem));
    }

    void unknownFields(JsonNode node, Set<String> known, String prefix) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          problem(prefix + shown(name), "unknown field");
        }
      }
    }

    /** The field's text, NFC-normalised: the same words typed or pasted differently compare and store alike. */
    String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (value.isContainerNode()) {
        problem(field, "must be a text, not " + (value.isArray() ? "a list" : "an object"));
        return null;
      }
      String text = Normalizer.normalize(value.asText(), Normalizer.Form.NFC).strip();
      return text.isEmpty() ? null : text;
    }

    /** The text, or null with a problem when it is longer than the database holds. */
    String limited(String text, String field, int max) {
      if (text != null && text.length() > max) {
        problem(field, text.length() + " characters, at most " + max);
        return null;
      }
      return text;
    }

    String requiredText(JsonNode node, String field) {
      String text = text(node, field);
      if (text == null) {
        problem(field, node.has(field) ? "is empty" : "missing");
      }
      return text;
    }

    List<String> texts(JsonNode node, String field) {
      List<String> texts = new ArrayList<>();
      JsonNode values = node.get(field);
      if (values != null && !values.isNull() && !values.isArray()) {
        problem(field, "must be a list of texts");
      } else if (values != null && values.size() > MAX_RECIPIENTS) {
        problem(field, values.size() + " entries, at most " + MAX_RECIPIENTS);
      } else if (values != null) {
        values.forEach(value -> {
          String text = Normalizer.normalize(value.asText(), Normalizer.Form.NFC).strip();
          if (text.length() > MAX_RECIPIENT) {
            problem(field, "an entry of " + text.length() + " characters, at most " + MAX_RECIPIENT);
          } else if (!text.isEmpty()) {
            texts.add(text);
          }
        });
      }
      return List.copyOf(texts);
    }

    LocalDate date(JsonNode node, String field, boolean required) {
      if (required && !node.hasNonNull(field)) {
        problem(field, "missing");
      }
      return dateAt(node, field, field);
    }

    LocalDate dateAt(JsonNode node, String field, String label) {
      String text = text(node, field);
      if (text == null) {
        return null;
      }
      LocalDate day;
      try {
        day = LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        problem(label, shown(text) + " is not a date (yyyy-mm-dd)");
        return null;
      }
      if (!WorkingDayCalendar.supports(day)) {
        problem(label, text + " is outside the years " + WorkingDayCalendar.FIRST_SUPPORTED_YEAR + "–"
            + WorkingDayCalendar.LAST_SUPPORTED_YEAR + " the working-day calendar supports");
        return null;
      }
      return day;
    }

    String agency(JsonNode node, String field, LocalDate asOf, boolean required) {
      String code = text(node, field);
      if (code == null) {
        if (required) {
          problem(field, "missing");
        }
        return null;
      }
      return knownAgency(code, field, asOf).map(Agency::code).orElse(null);
    }

    Optional<Agency> knownAgency(String code, String field, LocalDate asOf) {
      Optional<Agency> agency = agencies.find(code.strip());
      if (agency.isEmpty()) {
        problem(field, "unknown agency code " + shown(code));
      } else if (asOf != null && !agency.get().isActiveOn(asOf)) {
        problem(field, agency.get().code() + " (" + agency.get().name() + ") did not exist on " + asOf);
        return Optional.empty();
      }
      return agency;
    }

    AgencyClass agencyClass(JsonNode value, String field) {
      if (value == null || value.isNull()) {
        return null;
      }
      try {
        return AgencyClass.valueOf(value.asText());
      } catch (IllegalArgumentException e) {
        problem(field, "unknown agency class '" + shown(value.asText()) + "' (one of " + List.of(AgencyClass.values()) + ")");
        return null;
      }
    }
  }
}
