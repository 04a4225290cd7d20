package vn.directivetracker.lifecycle;

import static vn.directivetracker.lifecycle.DirectiveVariables.COORDINATING_AGENCIES;
import static vn.directivetracker.lifecycle.DirectiveVariables.COORDINATING_AGENCIES_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_DATE;
import static vn.directivetracker.lifecycle.DirectiveVariables.DEADLINE_KIND;
import static vn.directivetracker.lifecycle.DirectiveVariables.KEY_TASK;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEAD_AGENCY;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEAD_AGENCY_NAME;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyCodes;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.deadline.DeadlineKind;

/** The standing office confirms who does the directive and by when ({@code Task_ConfirmAssignment}). */
@Component("assignment")
public class AssignmentTasks {

  private final AgencyRegistry agencies;

  public AssignmentTasks(AgencyRegistry agencies) {
    this.agencies = agencies;
  }

  /** Complete listener: checks the confirmed assignment and normalises it into the process variables. */
  public void confirm(DelegateTask task) {
    FormInput input = new FormInput(task);
    LocalDate today = Dates.today();

    String leadCode = input.requiredText(LEAD_AGENCY, "Cơ quan chủ trì");
    Optional<Agency> lead = leadCode == null ? Optional.empty() : activeAgency(leadCode, today, input, "Cơ quan chủ trì");

    List<String> coordinators = new ArrayList<>();
    for (String code : AgencyCodes.parse(input.text(COORDINATING_AGENCIES_TEXT))) {
      if (code.equals(leadCode)) {
        input.problem(code + " là cơ quan chủ trì, không thể đồng thời là cơ quan phối hợp");
        continue;
      }
      activeAgency(code, today, input, "Cơ quan phối hợp").ifPresent(agency -> coordinators.add(agency.code()));
    }

    DeadlineKind kind = DeadlineKind.valueOf(input.requiredText(DEADLINE_KIND, "Loại thời hạn"));
    LocalDate deadline = null;
    if (!kind.isOngoing()) {
      String label = kind.needsTargetDate() ? "Thời hạn mục tiêu" : "Thời hạn";
      deadline = input.date(DEADLINE_DATE, label, true);
      if (kind.needsTargetDate() && deadline != null && deadline.isBefore(today)) {
        input.problem("\"Thời hạn mục tiêu\" (" + Dates.format(deadline) + ") đã qua; chọn một ngày từ hôm nay trở đi");
      }
    }
    input.check();

    task.setVariable(LEAD_AGENCY, lead.orElseThrow().code());
    task.setVariable(LEAD_AGENCY_NAME, lead.get().name());
    task.setVariable(COORDINATING_AGENCIES, Variables.objectValue(coordinators)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    task.setVariable(COORDINATING_AGENCIES_TEXT, String.join(", ", coordinators));
    task.setVariable(DEADLINE_DATE, deadline == null ? null : deadline.toString());
    task.setVariable(KEY_TASK, Boolean.TRUE.equals(input.bool(KEY_TASK)));
  }

  private Optional<Agency> activeAgency(String code, LocalDate today, FormInput input, String label) {
    Optional<Agency> agency = agencies.find(code.strip().toUpperCase());
    if (agency.isEmpty()) {
      input.problem("\"" + label + "\": không có cơ quan mã " + code);
    } else if (!agency.get().isActiveOn(today)) {
      input.problem("\"" + label + "\": " + agency.get().name() + " (" + code + ") không còn hoạt động");
      return Optional.empty();
    }
    return agency;
  }
}
