package vn.directivetracker.reporting;

import java.util.List;

/** A report request whose parameters are wrong; each problem names its parameter. */
public class InvalidReportQueryException extends RuntimeException {

  private final List<String> problems;

  public InvalidReportQueryException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
