package vn.directivetracker.notice;

/** The caller may not register or correct this notice; nothing has been written. */
public class NoticeForbiddenException extends RuntimeException {

  public NoticeForbiddenException(String message) {
    super(message);
  }
}
