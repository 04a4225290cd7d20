package vn.directivetracker.migration;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A migration request refused before anything was written: the status, a Vietnamese title and the reasons. */
public class MigrationRefusedException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<String> problems;

  public MigrationRefusedException(HttpStatus status, String title, List<String> problems) {
    super(title + ": " + String.join("; ", problems));
    this.status = status;
    this.title = title;
    this.problems = List.copyOf(problems);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<String> problems() {
    return problems;
  }
}
