package vn.directivetracker.notice;

/** Refusal of a whole-notice assignment; the message is Vietnamese and goes to the caller. */
public class AssignmentForbiddenException extends RuntimeException {

  public AssignmentForbiddenException(String message) {
    super(message);
  }
}
