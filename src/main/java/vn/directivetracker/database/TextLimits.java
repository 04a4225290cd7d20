package vn.directivetracker.database;

/**
 * What the database holds for text. Camunda stores a String variable in a {@code varchar(4000)}
 * column (ACT_RU_VARIABLE.TEXT_, the same in history) on H2 and PostgreSQL: a longer value fails
 * only when the transaction is flushed, as a database error. Every text that becomes a variable is
 * kept within {@link #VARIABLE}.
 */
public final class TextLimits {

  /** Characters a String process variable can hold. */
  public static final int VARIABLE = 4000;

  private TextLimits() {}

  /**
   * Lines joined into one variable, keeping the newest that fit: the older ones stay in the
   * variable's history (every earlier value is recorded there), and a first line says so.
   */
  public static String newestLines(String text, int limit) {
    if (text == null || text.length() <= limit) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder kept = new StringBuilder();
    int dropped = lines.length;
    for (int i = lines.length - 1; i >= 0; i--) {
      int added = lines[i].length() + (kept.isEmpty() ? 0 : 1);
      if (kept.length() + added > limit - 80) {
        break;
      }
      kept.insert(0, kept.isEmpty() ? lines[i] : lines[i] + "\n");
      dropped--;
    }
    if (kept.isEmpty()) {
      // the newest line alone is longer than the limit: keep its end
      String newest = lines[lines.length - 1];
      kept.append(newest, newest.length() - (limit - 80), newest.length());
      dropped = lines.length - 1;
    }
    return "(… " + dropped + " dòng cũ hơn xem trong lịch sử của biến này)\n" + kept;
  }

  /** The text cut to {@code limit} characters, marked as shortened. */
  public static String shortened(String text, int limit) {
    if (text == null || text.length() <= limit) {
      return text;
    }
    String mark = " (… đã rút gọn)";
    return text.substring(0, Math.max(0, limit - mark.length())).stripTrailing() + mark;
  }
}
