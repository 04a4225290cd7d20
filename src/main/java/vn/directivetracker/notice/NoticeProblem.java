package vn.directivetracker.notice;

/** One problem of a submitted notice, naming the item (ref or position) and the field. */
public record NoticeProblem(String item, String field, String problem) {

  public static NoticeProblem ofNotice(String field, String problem) {
    return new NoticeProblem(null, field, problem);
  }

  @Override
  public String toString() {
    return (item == null ? "" : "item " + item + ", ") + field + ": " + problem;
  }
}
