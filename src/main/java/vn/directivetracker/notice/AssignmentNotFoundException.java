package vn.directivetracker.notice;

/** Refusal of a whole-notice assignment; the message is Vietnamese and goes to the caller. */
public class AssignmentNotFoundException extends RuntimeException {

  public AssignmentNotFoundException(String message) {
    super(message);
  }
}
