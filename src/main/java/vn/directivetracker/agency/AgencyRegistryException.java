package vn.directivetracker.agency;

import java.util.List;

/** The agencies file cannot be used; carries every problem found, each naming its entry. */
public class AgencyRegistryException extends IllegalStateException {

  private final String source;
  private final List<String> problems;

  public AgencyRegistryException(String source, List<String> problems) {
    super("Invalid agencies file " + source + ": " + String.join("; ", problems));
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
