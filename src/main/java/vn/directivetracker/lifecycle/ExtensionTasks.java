package vn.directivetracker.lifecycle;

import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_DATE;
import static vn.directivetracker.lifecycle.DirectiveVariables.EXTENSIONS;
import static vn.directivetracker.lifecycle.DirectiveVariables.EXTENSION_APPROVED;
import static vn.directivetracker.lifecycle.DirectiveVariables.EXTENSION_LOG;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Extensions ("gia hạn"): the lead agency asks in writing, the standing office decides. The
 * original deadline stays in {@code originalDeadline}; every decision is kept in {@code extensions}
 * (approved ones with who approved and why) and in the readable {@code extensionLog}.
 */
@Component("extensionRequests")
public class ExtensionTasks {

  /** Task_RequestExtension. */
  public void request(DelegateTask task) {
    FormInput input = new FormInput(task);
    input.requiredText("extensionReason", "Lý do đề nghị gia hạn");
    LocalDate proposed = input.date("proposedDeadline", "Thời hạn đề nghị", true);
    String current = (String) task.getVariable(DEADLINE_DATE);
    if (current != null) {
      input.after(proposed, LocalDate.parse(current), "Thời hạn đề nghị", "thời hạn hiện tại");
    }
    input.check();
  }

  /** Task_DecideExtension: on approval the proposed day becomes the stated deadline. */
  @SuppressWarnings("unchecked")
  public void decide(DelegateTask task) {
    FormInput input = new FormInput(task);
    String decision = input.requiredText("extensionDecision", "Quyết định");
    String reason = input.requiredText("decisionReason", "Lý do quyết định");
    if (decision != null && !"approve".equals(decision) && !"reject".equals(decision)) {
      input.problem("\"Quyết định\" phải là chấp thuận hoặc không chấp thuận");
    }
    input.check();
    boolean approved = "approve".equals(decision);
    String from = (String) task.getVariable(DEADLINE_DATE);
    String to = input.text("proposedDeadline").substring(0, 10);
    String decidedBy = ExecutionTasks.reviewer(task);

    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("requestedReason", input.text("extensionReason"));
    entry.put("from", from);
    entry.put("to", to);
    entry.put("approved", approved);
    entry.put("decidedBy", decidedBy);
    entry.put("decisionReason", reason);
    entry.put("decidedAt", Dates.now().toInstant().toString());
    Object previous = task.getVariable(EXTENSIONS);
    List<Object> history = previous instanceof List<?> list ? new ArrayList<>((List<Object>) list) : new ArrayList<>();
    history.add(entry);
    task.setVariable(EXTENSIONS, Variables.objectValue(history)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    TextLog.append(task, EXTENSION_LOG, decidedBy, (approved ? "chấp thuận gia hạn " : "không chấp thuận gia hạn ")
        + Dates.format(LocalDate.parse(from)) + " → " + Dates.format(LocalDate.parse(to)) + " — " + reason);
    task.setVariable(EXTENSION_APPROVED, approved);
    if (approved) {
      task.setVariable(DEADLINE_DATE, to);
    }
    // a later request starts from an empty form; this one is kept in extensions and extensionLog
    for (String field : new String[] {"extensionReason", "proposedDeadline", "extensionDecision", "decisionReason"}) {
      task.removeVariable(field);
    }
  }
}
