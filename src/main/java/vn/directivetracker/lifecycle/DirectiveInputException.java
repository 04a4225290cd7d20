package vn.directivetracker.lifecycle;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Values submitted with a task are not acceptable. Thrown from the task's complete listener, so the
 * completion is rolled back (nothing changes). A form validation exception to Camunda: Tasklist's
 * form submission answers HTTP 400 with this message (once {@link TaskInputErrors} has unwrapped it
 * from the engine's listener wrapper).
 */
public class DirectiveInputException extends FormFieldValidationException {

  private final List<String> problems;

  public DirectiveInputException(List<String> problems) {
    super("directive-input", "Chưa thể hoàn thành: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
