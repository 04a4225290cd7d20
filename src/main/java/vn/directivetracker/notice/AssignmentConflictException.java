package vn.directivetracker.notice;

/** Refusal of a whole-notice assignment; the message is Vietnamese and goes to the caller. */
public class AssignmentConflictException extends RuntimeException {

  public AssignmentConflictException(String message) {
    super(message);
  }
}
