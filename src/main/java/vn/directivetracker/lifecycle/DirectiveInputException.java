package vn.directivetracker.lifecycle;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Values submitted with a task are not acceptable. Thrown from the task's complete listener, so the
 * completion is rolled back (nothing changes) and Tasklist / REST show the message (HTTP 400).
 */
public class DirectiveInputException extends BadUserRequestException {

  private final List<String> problems;

  public DirectiveInputException(List<String> problems) {
    super("Chưa thể hoàn thành: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
