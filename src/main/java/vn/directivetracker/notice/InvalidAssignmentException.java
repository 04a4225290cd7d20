package vn.directivetracker.notice;

import java.util.List;

/** A whole-notice assignment with problems: nothing was written. */
public class InvalidAssignmentException extends RuntimeException {

  private final List<AssignmentProblem> problems;

  public InvalidAssignmentException(List<AssignmentProblem> problems) {
    super(problems.size() + " problem(s)");
    this.problems = List.copyOf(problems);
  }

  public List<AssignmentProblem> problems() {
    return problems;
  }
}
