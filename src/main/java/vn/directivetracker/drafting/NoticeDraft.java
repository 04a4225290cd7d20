package vn.directivetracker.drafting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import vn.directivetracker.deadline.DeadlineKind;
import vn.directivetracker.notice.AgencyClass;

/**
 * A notice read from its text, for the office to check and register: {@code notice} in the schema of
 * {@code POST /api/notices} (fields it could not read are null), {@code marks} naming every field the
 * reader is not sure of with the words it came from, {@code unplaced} the text it could not place, and
 * {@code source} the text read (offsets of marks and items point into it). Nothing of it is stored.
 */
public record NoticeDraft(Notice notice, List<Mark> marks, List<Unplaced> unplaced, List<ItemSource> itemSources,
    String source) {

  /** The notice in the import schema (src/main/resources/notices/README.md). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Notice(String number, String issuer, String standingOffice, String title, LocalDate issuedOn,
      LocalDate meetingOn, String chair, String implementsPlan, List<String> recipients, String note, List<Item> items) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Item(String ref, String text, String lead, AgencyClass leadClass, List<String> coordinators,
      List<AgencyClass> coordinatorClasses, Deadline deadline, boolean keyTask, String note) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Deadline(DeadlineKind kind, LocalDate date, String phrase) {}

  /**
   * A field to check first.
   *
   * @param item index into {@code notice.items}, null for a field of the notice itself
   * @param field the field's name in the schema ("lead", "deadline", "coordinators", "number", ...)
   * @param reason why the reader is not sure, in Vietnamese for the office
   * @param words the source words it read the value from (null when it found none)
   * @param start offset of those words in {@code source}, -1 when none
   */
  public record Mark(Integer item, String ref, String field, String reason, String words, int start, int end) {}

  /** Text the reader could not place in any field: shown to the office, never dropped. */
  public record Unplaced(String text, String reason, int start, int end) {}

  /** Where an item's text stands in {@code source}. */
  public record ItemSource(int item, int start, int end) {}
}
