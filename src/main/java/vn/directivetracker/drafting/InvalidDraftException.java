package vn.directivetracker.drafting;

/** A request for a draft that cannot be read: the field and the problem, for a 400 answer. */
public class InvalidDraftException extends RuntimeException {

  private final String field;

  public InvalidDraftException(String field, String problem) {
    super(problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
