package vn.directivetracker.access;

import static vn.directivetracker.lifecycle.DirectiveVariables.COORDINATING_AGENCIES;
import static vn.directivetracker.lifecycle.DirectiveVariables.COORDINATING_AGENCIES_TEXT;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEAD_AGENCY;
import static vn.directivetracker.lifecycle.DirectiveVariables.STANDING_OFFICE;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyCodes;

/**
 * Who may see one directive: its lead agency, its coordinating agencies and its standing office
 * read the instance and its history; the office may also reassign its tasks. Called from the BPMN
 * when a directive starts and when its assignment is confirmed (the lead or the coordinators may
 * change then), so access follows the agencies: a removed agency loses it, an added one gains it.
 */
@Component("directiveAccess")
public class DirectiveAccess {

  private static final Logger log = LoggerFactory.getLogger(DirectiveAccess.class);

  private final AuthorizationService authorizations;
  private final Grants grants;

  public DirectiveAccess(AuthorizationService authorizations, Grants grants) {
    this.authorizations = authorizations;
    this.grants = grants;
  }

  /** Grants the directive's agencies READ on its instance and history; revokes agencies no longer on it. */
  public void sync(DelegateExecution execution) {
    String instance = execution.getProcessInstanceId();
    Set<String> agencies = agenciesOf(execution);
    if (execution instanceof ExecutionEntity entity && entity.isProcessInstanceStarting()) {
      // a directive being started has no grants yet: create them without looking first (fan-out cost)
      Context.getCommandContext().runWithoutAuthorization(() -> {
        for (String agency : agencies) {
          grants.create(agency, Resources.PROCESS_INSTANCE, instance, ProcessInstancePermissions.READ);
          grants.create(agency, Resources.HISTORIC_PROCESS_INSTANCE, instance, HistoricProcessInstancePermissions.READ);
        }
        return null;
      });
      log.info("[{}] access for {}", execution.getBusinessKey(), agencies);
      return;
    }
    // the user who confirms the assignment may not manage authorizations: this is the engine's doing
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (Authorization existing : authorizations.createAuthorizationQuery()
          .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance).list()) {
        if (existing.getGroupId() != null && !agencies.contains(existing.getGroupId())) {
          grants.revoke(existing.getGroupId(), Resources.PROCESS_INSTANCE, instance);
          grants.revoke(existing.getGroupId(), Resources.HISTORIC_PROCESS_INSTANCE, instance);
        }
      }
      for (String agency : agencies) {
        grants.grant(agency, Resources.PROCESS_INSTANCE, instance, ProcessInstancePermissions.READ);
        grants.grant(agency, Resources.HISTORIC_PROCESS_INSTANCE, instance, HistoricProcessInstancePermissions.READ);
      }
      return null;
    });
    log.info("[{}] access for {}", execution.getBusinessKey(), agencies);
  }

  /** Task create listener: the standing office may read and reassign every task of its directives. */
  public void officeMayReassign(DelegateTask task) {
    String office = (String) task.getVariable(STANDING_OFFICE);
    boolean officeIsCandidate = task.getCandidates().stream().anyMatch(link -> office != null && office.equals(link.getGroupId()));
    if (office == null || officeIsCandidate) {
      // the office's own tasks: the engine grants its candidate group already (in this command, unflushed)
      return;
    }
    // a task being created has no grant for the office yet: create it without looking first (a month-end
    // storm creates a hundred thousand of these)
    Context.getCommandContext().runWithoutAuthorization(() -> {
      grants.create(office, Resources.TASK, task.getId(), TaskPermissions.READ, TaskPermissions.TASK_ASSIGN);
      return null;
    });
  }

  private static Set<String> agenciesOf(DelegateExecution execution) {
    Set<String> agencies = new LinkedHashSet<>();
    add(agencies, execution.getVariable(LEAD_AGENCY));
    add(agencies, execution.getVariable(STANDING_OFFICE));
    Object coordinators = execution.getVariable(COORDINATING_AGENCIES);
    if (coordinators instanceof Collection<?> list) {
      list.forEach(code -> add(agencies, code));
    } else {
      // at the start the list is not built yet: the notice gives the codes as text
      agencies.addAll(AgencyCodes.parse(execution.getVariable(COORDINATING_AGENCIES_TEXT)));
    }
    return agencies;
  }

  private static void add(Set<String> agencies, Object code) {
    if (code != null && !code.toString().isBlank()) {
      agencies.add(code.toString().strip());
    }
  }
}
