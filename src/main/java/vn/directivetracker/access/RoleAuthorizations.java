package vn.directivetracker.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;

/**
 * The standing grants of every role, created at start-up (idempotent). What an agency may see of
 * a single directive is granted per instance by {@link DirectiveAccess}.
 *
 * <ul>
 *   <li>every agency group and role group: Tasklist, the shared filters, and the names (READ) of
 *       the processes, so Tasklist shows them; never global task or instance READ;</li>
 *   <li>reviewers (standing offices): start the notice process to register a notice by hand;
 *       nobody starts the review cycle, which its timer starts;</li>
 *   <li>managers and leadership: Cockpit, read-only over every directive, task and its history;
 *       no UPDATE, DELETE or variable edits anywhere;</li>
 *   <li>process owners ({@code process-owners}): Cockpit read-only like managers, plus deploying
 *       (CREATE on deployments) and migrating running instances: MIGRATE_INSTANCE on every process
 *       definition and the batch Camunda needs for it ({@code CREATE_BATCH_MIGRATE_PROCESS_INSTANCES},
 *       narrower than CREATE on every batch type), with the batches' progress readable; no Tasklist,
 *       no TASK_WORK, no UPDATE on instances or variables;</li>
 *   <li>administrators ({@code camunda-admin}): ALL on every resource type. Camunda treats the
 *       group as admin only for a few admin-only commands; webapp logins and ordinary queries
 *       still need grants.</li>
 * </ul>
 */
@Component
@Order(50)
public class RoleAuthorizations implements ApplicationRunner {

  public static final List<String> PROCESSES = List.of("directive", "notice", "noticeItem", "reviewCycle");
  private static final Logger log = LoggerFactory.getLogger(RoleAuthorizations.class);

  private final Grants grants;
  private final IdentityService identityService;
  private final FilterService filterService;

  public RoleAuthorizations(Grants grants, IdentityService identityService, FilterService filterService) {
    this.grants = grants;
    this.identityService = identityService;
    this.filterService = filterService;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> workers = new ArrayList<>();
    identityService.createGroupQuery().groupType(Agency.GROUP_TYPE).list().stream().map(Group::getId).forEach(workers::add);
    workers.addAll(List.of(Roles.REVIEWERS, Roles.LEADERSHIP, Roles.MANAGERS));
    List<Filter> filters = filterService.createFilterQuery().list();
    for (String group : workers) {
      grants.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      for (Filter filter : filters) {
        if (filter.getOwner() == null) {
          grants.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
      }
      for (String process : PROCESSES) {
        grants.grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ);
      }
    }
    grants.grant(Roles.REVIEWERS, Resources.PROCESS_DEFINITION, "notice", ProcessDefinitionPermissions.CREATE_INSTANCE);
    grants.grant(Roles.REVIEWERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    for (String reader : List.of(Roles.MANAGERS, Roles.LEADERSHIP)) {
      grants.grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grants.grant(reader, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      grants.grant(reader, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
      grants.grant(reader, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
      grants.grant(reader, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      grants.grant(reader, Resources.TASK, ANY, TaskPermissions.READ);
      grants.grant(reader, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grants.grant(reader, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    grantProcessOwners();
    for (Resources resource : Resources.values()) {
      grants.grant(Roles.ADMINISTRATORS, resource, ANY, Permissions.ALL);
    }
    log.info("Role authorizations ready for {} groups", workers.size());
  }

  /** See the class comment; what a migration batch needs was checked against the engine's MigrateProcessInstanceBatchCmd. */
  private void grantProcessOwners() {
    String owners = Roles.PROCESS_OWNERS;
    grants.grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grants.grant(owners, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grants.grant(owners, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grants.grant(owners, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grants.grant(owners, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grants.grant(owners, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grants.grant(owners, Resources.TASK, ANY, TaskPermissions.READ);
    grants.grant(owners, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grants.grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grants.grant(owners, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
        BatchPermissions.READ, BatchPermissions.READ_HISTORY);
  }
}
