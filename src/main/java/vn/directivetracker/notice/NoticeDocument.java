package vn.directivetracker.notice;

import java.time.LocalDate;
import java.util.List;
import vn.directivetracker.deadline.DeadlineKind;

/**
 * A conclusion notice as the catalog files and the import endpoint state it (schema:
 * src/main/resources/notices/README.md). Built only by {@link NoticeValidator}, so every instance is valid.
 */
public record NoticeDocument(String number, String issuer, String standingOffice, String title, LocalDate issuedOn,
    LocalDate meetingOn, String chair, String implementsPlan, List<String> recipients, String note, List<Item> items) {

  /** The day agencies are resolved on: the issue date, else the meeting date. */
  public LocalDate effectiveDate() {
    return issuedOn != null ? issuedOn : meetingOn;
  }

  /** The same notice with other items (the header as stored, one item of it). */
  public NoticeDocument withItems(List<Item> otherItems) {
    return new NoticeDocument(number, issuer, standingOffice, title, issuedOn, meetingOn, chair, implementsPlan,
        recipients, note, List.copyOf(otherItems));
  }

  /** One numbered/lettered item: exactly one of {@code lead} and {@code leadClass} is set. */
  public record Item(String ref, String text, String lead, AgencyClass leadClass, List<String> coordinators,
      List<AgencyClass> coordinatorClasses, Deadline deadline, boolean keyTask, String note) {}

  /** The deadline as stated: kind, the day it names (null for ongoing / ASAP / roadmap) and the original phrase. */
  public record Deadline(DeadlineKind kind, LocalDate date, String phrase) {}
}
