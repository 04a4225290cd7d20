package vn.directivetracker.guard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.directivetracker.access.Roles;
import vn.directivetracker.lifecycle.DirectiveInputException;

/**
 * Who may write what, checked in the engine for every command a signed-in user sends, whichever
 * door it came through (engine REST, the webapps' API, Tasklist, Cockpit): the record of a directive
 * is written by the procedure, not by whoever can reach an endpoint.
 *
 * <ul>
 *   <li>Completing a task ({@code complete}, {@code submit-form}, {@code resolve}) writes only the
 *       editable fields of that task's form, with values the form allows; read-only fields may come
 *       back unchanged. Everything else (lead, standing office, deadlines, logs, statuses) is
 *       written by the beans the BPMN calls.</li>
 *   <li>Starting a process takes only its start form's fields; a process without a start form is
 *       started by the system (a notice, a timer), never by a user.</li>
 *   <li>No one sets, changes or removes a variable of a running process directly, nor hands
 *       variables to the engine's repair operations (modification, messages, signals).</li>
 *   <li>A task ends by completing its form: throwing a BPMN error or escalation from it is refused
 *       (one that no boundary event catches would silently end the task's branch).</li>
 *   <li>Jobs (run now, retries, due dates, priorities, suspension) are for administrators; a
 *       refused attempt is not counted as a failed run of the job.</li>
 *   <li>Comments and attachments: on a task the user may work on; changing or deleting them, and
 *       process-level ones, only administrators. A task of a process ends with its process, never by
 *       deletion. A task's name, description, priority and due date are the procedure's; its
 *       follow-up date may be set by anyone who may work on it. Standalone tasks are the
 *       administrators'.</li>
 * </ul>
 *
 * <p>Only the outermost command of a signed-in user is judged: the engine's and the beans' own
 * work (job executor, listeners, start-up) runs without a user or nested inside the command that
 * was judged already.
 */
final class RecordGuard extends CommandInterceptor {

  private static final Logger log = LoggerFactory.getLogger(RecordGuard.class);

  private static final Set<Class<?>> JOB_OPERATIONS = Set.of(ExecuteJobsCmd.class, SetJobRetriesCmd.class,
      SetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class, SetJobPriorityCmd.class,
      SetJobDefinitionPriorityCmd.class, SuspendJobCmd.class, ActivateJobCmd.class, SuspendJobDefinitionCmd.class,
      ActivateJobDefinitionCmd.class, DeleteJobCmd.class, UnlockJobCmd.class);
  private static final Set<Class<?>> COMMENT_EDITS = Set.of(UpdateCommentCmd.class, DeleteTaskCommentCmd.class,
      DeleteProcessInstanceCommentCmd.class, DeleteAttachmentCmd.class, SaveAttachmentCmd.class);

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
  /** Set when a job execution was refused, so the engine's failed-job bookkeeping that follows is skipped. */
  private static final ThreadLocal<Boolean> REFUSED_JOB = new ThreadLocal<>();

  private final FormSchemas forms = new FormSchemas();

  @Override
  public <T> T execute(Command<T> command) {
    int depth = DEPTH.get();
    if (depth == 0) {
      boolean refusedJob = Boolean.TRUE.equals(REFUSED_JOB.get());
      REFUSED_JOB.remove();
      if (refusedJob && command instanceof FailedJobListener) {
        // the engine books every failed attempt to run a job against its retries; a refused user is no attempt
        return null;
      }
    }
    DEPTH.set(depth + 1);
    try {
      if (depth == 0) {
        CommandContext context = Context.getCommandContext();
        if (context != null && context.getAuthenticatedUserId() != null && judge(command, context)) {
          // a follow-up date set by someone who may work on the task: the engine would ask for TASK_ASSIGN
          return context.runWithoutAuthorization(() -> next.execute(command));
        }
      }
      return next.execute(command);
    } finally {
      DEPTH.set(depth);
    }
  }

  /**
   * Refuses what the user's role may not write. True when the command only sets a follow-up date on a
   * task the user may work on: the engine asks for the right to reassign it, which officers do not hold.
   */
  @SuppressWarnings("unchecked")
  private boolean judge(Command<?> command, CommandContext context) {
    boolean admin = context.getAuthenticatedGroupIds() != null
        && context.getAuthenticatedGroupIds().contains(Roles.ADMINISTRATORS);
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      // ResolveTaskCmd is a CompleteTaskCmd
      String variablesField = command instanceof SubmitTaskFormCmd ? "properties" : "variables";
      checkTaskSubmission(context, (String) CommandFields.read(command, "taskId"),
          (Map<String, ?>) CommandFields.read(command, variablesField));
    } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      // an error no boundary event catches would end the task's branch of the directive silently
      throw refused("Công việc kết thúc khi biểu mẫu được hoàn thành; quy trình này không nhận lỗi hay báo động từ"
          + " công việc");
    } else if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) CommandFields.read(command,
          "instantiationBuilder");
      checkStart(context, definition(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey()),
          builder.getVariables());
    } else if (command instanceof SubmitStartFormCmd) {
      checkStart(context, definition(context, (String) CommandFields.read(command, "processDefinitionId"), null),
          (Map<String, ?>) CommandFields.read(command, "variables"));
    } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
        || command instanceof AbstractPatchVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      throw refused("Biến của quy trình chỉ được ghi qua biểu mẫu của công việc hoặc do chính quy trình ghi;"
          + " không ai sửa trực tiếp" + namesOf(command));
    } else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
        || command instanceof CorrelateMessageCmd || command instanceof CorrelateAllMessageCmd
        || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd) {
      if (carriesVariables(command)) {
        throw refused("Không được kèm biến khi can thiệp vào quy trình (sửa phiên bản chạy, thông điệp, tín hiệu)");
      }
    } else if (JOB_OPERATIONS.contains(command.getClass())) {
      if (!admin) {
        if (command instanceof ExecuteJobsCmd) {
          REFUSED_JOB.set(Boolean.TRUE);
        }
        throw refused("Chỉ quản trị hệ thống được chạy, thử lại, dời hoặc tạm dừng các công việc hẹn giờ của quy trình");
      }
    } else if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
      checkAnnotation(context, admin, (String) CommandFields.read(command, "taskId"));
    } else if (COMMENT_EDITS.contains(command.getClass())) {
      if (!admin) {
        throw refused("Ý kiến và tệp đính kèm là một phần hồ sơ: chỉ quản trị hệ thống được sửa hoặc xóa");
      }
    } else if (command instanceof DeleteTaskCmd) {
      checkTaskDeletion(context, command);
    } else if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
      Object type = CommandFields.read(command, "type");
      if (!admin && !IdentityLinkType.ASSIGNEE.equals(type) && !IdentityLinkType.OWNER.equals(type)) {
        // a candidate group added to a task may work on it: who works on what is the procedure's choice
        throw refused("Cơ quan, người được giao công việc do quy trình xác định; chỉ được nhận hoặc giao lại công việc");
      }
    } else if (command instanceof SetTaskFollowUpDateCmd) {
      return !admin && mayWorkOn(context, context.getTaskManager().findTaskById((String) CommandFields.read(command,
          "taskId")));
    } else if (command instanceof AbstractSetTaskPropertyCmd) {
      if (!admin) {
        throw refused("Tên, mô tả, mức ưu tiên và hạn xử lý của công việc do quy trình đặt; chỉ quản trị hệ thống"
            + " được sửa");
      }
    } else if ((command instanceof CreateTaskCmd || command instanceof SaveTaskCmd) && !admin) {
      TaskEntity task = command instanceof SaveTaskCmd ? (TaskEntity) CommandFields.read(command, "task") : null;
      if (command instanceof CreateTaskCmd || task != null && task.getRevision() == 0) {
        // a standalone task belongs to no directive: outside the procedure, so the administrators' only
        throw refused("Chỉ quản trị hệ thống được tạo việc riêng lẻ; việc của một nhiệm vụ do quy trình tạo");
      }
      return checkTaskUpdate(context, task) && mayWorkOn(context, task);
    }
    return false;
  }

  /** Whether the user may claim and complete the task (TASK_WORK), which is what a follow-up date needs. */
  private static boolean mayWorkOn(CommandContext context, TaskEntity task) {
    if (task == null) {
      return false; // the command answers "no such task" itself
    }
    try {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
      return true;
    } catch (AuthorizationException notHers) {
      return false; // the engine's own check answers
    }
  }

  /** The variables of a task completion must be fields of its form, with values the form allows. */
  private void checkTaskSubmission(CommandContext context, String taskId, Map<String, ?> variables) {
    if (taskId == null || variables == null || variables.isEmpty()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the command answers "no such task" itself
    }
    FormSchema form = forms.ofTask(context, task);
    List<String> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : variables.keySet()) {
      FormField field = form.fields().get(name);
      Object value = valueOf(variables, name);
      if (field == null) {
        unknown.add(name);
      } else if (!field.editable()) {
        if (value == UNREADABLE || !FormField.sameAs(value, task.getVariable(name))) {
          problems.add(field.name() + " chỉ để xem, không được sửa");
        }
      } else {
        addProblem(problems, field, value);
      }
    }
    report(unknown, problems, "công việc \"" + task.getName() + "\"", task.getProcessInstanceId());
  }

  /** A user starts only a process with a start form, with that form's fields. */
  private void checkStart(CommandContext context, ProcessDefinitionEntity definition, Map<String, ?> variables) {
    if (definition == null) {
      return; // the command answers "no such process" itself
    }
    FormSchema form = forms.ofStart(context, definition.getId());
    if (!form.exists()) {
      throw refused("Quy trình \"" + definition.getName() + "\" do hệ thống khởi động (từ thông báo hoặc theo lịch),"
          + " không khởi động bằng tay");
    }
    if (variables == null || variables.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : variables.keySet()) {
      FormField field = form.fields().get(name);
      if (field == null || !field.editable()) {
        unknown.add(name);
      } else {
        addProblem(problems, field, valueOf(variables, name));
      }
    }
    report(unknown, problems, "biểu mẫu khởi động \"" + definition.getName() + "\"", null);
  }

  private static void addProblem(List<String> problems, FormField field, Object value) {
    String problem = value == UNREADABLE ? field.name() + ": kiểu giá trị không được nhận (chỉ văn bản, số, ngày,"
        + " đúng/sai)" : field.problemWith(value);
    if (problem != null) {
      problems.add(problem);
    }
  }

  private static void report(List<String> unknown, List<String> problems, String where, String processInstanceId) {
    if (!unknown.isEmpty()) {
      problems.add(0, "không có trên " + where + " nên không được ghi: " + String.join(", ", unknown.stream().sorted()
          .toList()));
    }
    if (!problems.isEmpty()) {
      log.warn("Refused submission to {} (process instance {}): {}", where, processInstanceId, problems);
      throw new DirectiveInputException(problems);
    }
  }

  /** Comments and attachments on a task need the right to work on it; process-level ones are the administrators'. */
  private static void checkAnnotation(CommandContext context, boolean admin, String taskId) {
    if (admin) {
      return;
    }
    if (taskId == null) {
      throw refused("Chỉ quản trị hệ thống được ghi ý kiến hoặc đính kèm vào cả quy trình; hãy ghi vào công việc");
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task != null) {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
    }
  }

  private static void checkTaskDeletion(CommandContext context, Command<?> command) {
    List<String> ids = new ArrayList<>();
    if (CommandFields.read(command, "taskId") instanceof String id) {
      ids.add(id);
    }
    if (CommandFields.read(command, "taskIds") instanceof Collection<?> many) {
      many.forEach(id -> ids.add(String.valueOf(id)));
    }
    for (String id : ids) {
      TaskEntity task = context.getTaskManager().findTaskById(id);
      if (task != null && task.getProcessInstanceId() != null) {
        throw refused("Công việc \"" + task.getName() + "\" thuộc một quy trình: nó kết thúc theo quy trình,"
            + " không bị xóa");
      }
    }
  }

  /**
   * Reassigning (assignee, owner) and the follow-up date stay; the rest of a task is the procedure's.
   * True when the follow-up date is all that changes.
   */
  private static boolean checkTaskUpdate(CommandContext context, TaskEntity changed) {
    if (changed == null) {
      return false;
    }
    TaskEntity stored = context.getDbSqlSession().selectById(TaskEntity.class, changed.getId());
    if (stored == null) {
      return false;
    }
    Map<String, Object[]> fields = new LinkedHashMap<>();
    fields.put("name", new Object[] {stored.getName(), changed.getName()});
    fields.put("description", new Object[] {stored.getDescription(), changed.getDescription()});
    fields.put("priority", new Object[] {stored.getPriority(), changed.getPriority()});
    fields.put("due", new Object[] {time(stored.getDueDate()), time(changed.getDueDate())});
    fields.put("parentTaskId", new Object[] {stored.getParentTaskId(), changed.getParentTaskId()});
    fields.put("tenantId", new Object[] {stored.getTenantId(), changed.getTenantId()});
    fields.put("caseInstanceId", new Object[] {stored.getCaseInstanceId(), changed.getCaseInstanceId()});
    List<String> altered = fields.entrySet().stream()
        .filter(entry -> !Objects.equals(entry.getValue()[0], entry.getValue()[1])).map(Map.Entry::getKey).toList();
    if (!altered.isEmpty()) {
      throw refused("Những thông tin này của công việc do quy trình đặt, chỉ quản trị hệ thống được sửa: "
          + String.join(", ", altered.stream().map(field -> FIELD_LABELS.get(field) + " (" + field + ")").toList())
          + ". Người xử lý được đặt ngày nhắc; giao lại việc theo quyền của mình");
    }
    return !Objects.equals(time(stored.getFollowUpDate()), time(changed.getFollowUpDate()))
        && Objects.equals(stored.getAssignee(), changed.getAssignee())
        && Objects.equals(stored.getOwner(), changed.getOwner())
        && Objects.equals(stored.getDelegationState(), changed.getDelegationState());
  }

  private static final Map<String, String> FIELD_LABELS = Map.of("name", "tên", "description", "mô tả",
      "priority", "mức ưu tiên", "due", "hạn xử lý", "parentTaskId", "việc cha", "tenantId", "đơn vị thuê",
      "caseInstanceId", "hồ sơ");

  private static Long time(Date date) {
    return date == null ? null : date.getTime();
  }

  private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
    var cache = context.getProcessEngineConfiguration().getDeploymentCache();
    try {
      return id != null ? cache.findDeployedProcessDefinitionById(id)
          : key != null ? cache.findDeployedLatestProcessDefinitionByKey(key) : null;
    } catch (RuntimeException unknown) {
      return null; // the command itself answers "not found"
    }
  }

  /** Variables handed to the engine's repair operations, if any. */
  @SuppressWarnings("unchecked")
  private static boolean carriesVariables(Command<?> command) {
    List<Map<String, ?>> maps = new ArrayList<>();
    if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd) {
      ProcessInstanceModificationBuilderImpl builder = (ProcessInstanceModificationBuilderImpl) CommandFields.read(command,
          "builder");
      maps.add(builder.getProcessVariables());
      builder.getModificationOperations().forEach(operation -> {
        if (operation instanceof AbstractInstantiationCmd instantiation) {
          maps.add(instantiation.getVariables());
          maps.add(instantiation.getVariablesLocal());
        }
      });
    } else if (command instanceof CorrelateMessageCmd || command instanceof CorrelateAllMessageCmd) {
      var builder = (org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl) CommandFields.read(command, "builder");
      maps.add(builder.getPayloadProcessInstanceVariables());
      maps.add(builder.getPayloadProcessInstanceVariablesLocal());
      maps.add(builder.getPayloadProcessInstanceVariablesToTriggeredScope());
    } else if (command instanceof SignalEventReceivedCmd) {
      maps.add(((org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl) CommandFields.read(command, "builder"))
          .getVariables());
    } else if (command instanceof SignalCmd) {
      maps.add((Map<String, ?>) CommandFields.read(command, "processVariables"));
    }
    return maps.stream().anyMatch(map -> map != null && !map.isEmpty());
  }

  private static String namesOf(Command<?> command) {
    Object names = command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
        ? CommandFields.readOrNull(command, "variables") : CommandFields.readOrNull(command, "variableNames");
    Collection<?> list = names instanceof Map<?, ?> map ? map.keySet() : names instanceof Collection<?> c ? c : List.of();
    return list.isEmpty() ? "" : ": " + list.stream().map(String::valueOf).sorted().reduce((a, b) -> a + ", " + b).orElse("");
  }

  /** Marks a submitted value the server will not deserialize (Java-serialized objects and other non-form types). */
  private static final Object UNREADABLE = new Object();

  /** The plain value of a submitted variable; objects, files and bytes are never form values. */
  private static Object valueOf(Map<String, ?> variables, String name) {
    Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
    if (value instanceof TypedValue typedValue) {
      if (typedValue.getType() != null && !typedValue.getType().isPrimitiveValueType()) {
        return UNREADABLE; // objects (Java-serialized or JSON), files
      }
      value = typedValue.getValue();
    }
    return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Date ? value : UNREADABLE;
  }

  private static WriteRefusedException refused(String message) {
    return new WriteRefusedException(message);
  }
}
