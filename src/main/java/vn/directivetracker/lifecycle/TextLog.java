package vn.directivetracker.lifecycle;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Appends dated lines to a text variable that later forms show read-only (history in plain Vietnamese). */
public final class TextLog {

  private TextLog() {}

  public static void append(VariableScope scope, String variable, String who, String text) {
    Object previous = scope.getVariable(variable);
    String line = "[" + Dates.format(Dates.now()) + "] " + who + ": " + text;
    scope.setVariable(variable, previous == null || previous.toString().isBlank() ? line : previous + "\n" + line);
  }
}
