package vn.directivetracker.notice;

/**
 * One directive the system tracks: an item of a notice for one lead agency. Items addressed to a
 * class of agencies give one tracked directive per agency of the class.
 *
 * @param businessKey {@code <notice>/<ref>/<agency>}, the identity that makes imports idempotent
 */
public record TrackedDirective(String businessKey, NoticeDocument notice, NoticeDocument.Item item, String leadAgency,
    java.util.List<String> coordinatingAgencies) {

  public static String businessKey(String noticeNumber, String ref, String agency) {
    return noticeNumber + "/" + ref + "/" + agency;
  }
}
