package vn.directivetracker.notice;

import com.fasterxml.jackson.databind.JsonNode;
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
import vn.directivetracker.deadline.DeadlineKind;

/**
 * Checks a notice completely before anything is written, and reports every problem at once, each
 * naming its item and field: unknown agency, missing or double lead, bad or impossible date,
 * duplicate reference, unknown deadline kind, empty text, unknown field.
 */
@Component
public class NoticeValidator {

  /** "1", "3.b", "2.đ", "3.a.2": section, Vietnamese letter, and a number for a split duty. */
  static final Pattern REF = Pattern.compile("\\d+(\\.[a-zđ](\\.\\d+)?)?");
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
    String number = notice.requiredText(root, "number");
    String title = notice.requiredText(root, "title");
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
    if (!problems.isEmpty()) {
      throw new InvalidNoticeException(problems);
    }
    return new NoticeDocument(number, issuer, standingOffice, title, issuedOn, meetingOn,
        notice.text(root, "chair"), notice.text(root, "implementsPlan"), notice.texts(root, "recipients"),
        notice.text(root, "note"), List.copyOf(items));
  }

  private NoticeDocument.Item item(JsonNode node, int position, LocalDate asOf, Set<String> refs,
      List<NoticeProblem> problems) {
    int before = problems.size();
    String ref = node.hasNonNull("ref") ? node.get("ref").asText().strip() : null;
    Checker item = new Checker(ref == null || ref.isEmpty() ? "#" + position : ref, problems);
    if (!node.isObject()) {
      item.problem("(item)", "is not an object");
      return null;
    }
    item.unknownFields(node, ITEM_FIELDS, "");
    if (ref == null || ref.isEmpty()) {
      item.problem("ref", "missing");
    } else if (!REF.matcher(ref).matches()) {
      item.problem("ref", "'" + ref + "' is not a reference like 1, 3.b, 2.đ or 3.a.2");
    } else if (!refs.add(ref)) {
      item.problem("ref", "duplicate reference " + ref);
    }
    String text = item.requiredText(node, "text");

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
    if (problems.size() > before) {
      return null;
    }
    return new NoticeDocument.Item(ref, text, lead, leadClass, List.copyOf(coordinators), List.copyOf(coordinatorClasses),
        deadline, keyTask != null && keyTask.asBoolean(), item.text(node, "note"));
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
        item.problem("deadline.kind", "unknown deadline kind '" + kindText + "' (one of "
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
    return new NoticeDocument.Deadline(kind, date, item.text(node, "phrase"));
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
          problem(prefix + name, "unknown field");
        }
      }
    }

    String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      String text = value.asText().strip();
      return text.isEmpty() ? null : text;
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
      if (values != null && values.isArray()) {
        values.forEach(value -> texts.add(value.asText()));
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
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        problem(label, text + " is not a date (yyyy-mm-dd)");
        return null;
      }
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
        problem(field, "unknown agency code " + code);
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
        problem(field, "unknown agency class '" + value.asText() + "' (one of " + List.of(AgencyClass.values()) + ")");
        return null;
      }
    }
  }
}
