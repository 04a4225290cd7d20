package vn.directivetracker.lifecycle;

import org.camunda.bpm.engine.delegate.VariableScope;
import vn.directivetracker.database.TextLimits;

/**
 * Appends dated lines to a text variable that later forms show read-only (history in plain
 * Vietnamese). The variable keeps the newest lines that fit a String variable; every earlier value
 * stays in the variable's history, so a directive reported on for years never outgrows its column.
 */
public final class TextLog {

  private TextLog() {}

  public static void append(VariableScope scope, String variable, String who, String text) {
    Object previous = scope.getVariable(variable);
    String line = "[" + Dates.format(Dates.now()) + "] " + who + ": " + text;
    String log = previous == null || previous.toString().isBlank() ? line : previous + "\n" + line;
    scope.setVariable(variable, TextLimits.newestLines(log, TextLimits.VARIABLE));
  }
}
