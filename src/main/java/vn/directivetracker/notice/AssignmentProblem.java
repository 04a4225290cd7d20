package vn.directivetracker.notice;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem of a whole-notice assignment, in Vietnamese.
 *
 * @param directive the directive's business key (or {@code #n}, its place in the list), null for the request itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentProblem(String directive, String field, String problem) {

  static AssignmentProblem of(String directive, String field, String problem) {
    return new AssignmentProblem(directive, field, problem);
  }

  @Override
  public String toString() {
    return (directive == null ? "" : directive + ": ") + "\"" + field + "\": " + problem;
  }
}
