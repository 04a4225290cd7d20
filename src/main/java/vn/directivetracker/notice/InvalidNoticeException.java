package vn.directivetracker.notice;

import java.util.List;

/** A notice that cannot be imported; carries every problem found, nothing has been written. */
public class InvalidNoticeException extends RuntimeException {

  private final List<NoticeProblem> problems;

  public InvalidNoticeException(List<NoticeProblem> problems) {
    super(problems.size() + " problem(s): " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<NoticeProblem> problems() {
    return problems;
  }
}
