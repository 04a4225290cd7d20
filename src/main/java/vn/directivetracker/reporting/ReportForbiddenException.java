package vn.directivetracker.reporting;

/** A viewer asked for another agency's report. */
public class ReportForbiddenException extends RuntimeException {

  public ReportForbiddenException(String message) {
    super(message);
  }
}
