package vn.directivetracker.deployment;

import java.util.List;

/** The models about to be deployed have problems a process owner must fix first; nothing was deployed. */
public class ModelCheckException extends RuntimeException {

  private final String source;
  private final List<String> problems;

  public ModelCheckException(String source, List<String> problems) {
    super("The process models in " + source + " have " + problems.size() + " problem(s):\n  - "
        + String.join("\n  - ", problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public String source() {
    return source;
  }

  public List<String> problems() {
    return problems;
  }
}
