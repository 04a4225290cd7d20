package vn.directivetracker.reporting;

/** A report was asked for something that does not exist (a snapshot never taken, an unknown notice). */
public class ReportNotFoundException extends RuntimeException {

  public ReportNotFoundException(String message) {
    super(message);
  }
}
