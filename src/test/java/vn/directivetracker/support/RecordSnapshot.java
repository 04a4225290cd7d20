package vn.directivetracker.support;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Everything the record of one process instance holds, read through the engine without a user
 * (which, like the administrator, sees everything): variables of every scope, open tasks with
 * their candidates, jobs with their retries, comments, attachments and incidents. Two snapshots
 * are equal when an attempt changed nothing.
 */
public record RecordSnapshot(Map<String, String> variables, List<String> tasks, List<String> jobs, List<String> comments,
    List<String> attachments, long incidents) {

  public static RecordSnapshot of(ProcessEngine engine, String processInstanceId) {
    Map<String, String> variables = new TreeMap<>();
    for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(processInstanceId).disableCustomObjectDeserialization().list()) {
      String scope = variable.getTaskId() != null ? "task " + variable.getTaskId() : variable.getExecutionId();
      Object value = variable.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.SerializableValue serialized
          ? serialized.getValueSerialized() : variable.getValue();
      variables.put(variable.getName() + " @" + scope, variable.getTypeName() + ":" + value);
    }
    TaskService taskService = engine.getTaskService();
    List<Task> openTasks = taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .sorted(Comparator.comparing(Task::getId)).toList();
    List<String> tasks = openTasks.stream().map(task -> String.join("|", task.getId(), task.getTaskDefinitionKey(),
        task.getName(), String.valueOf(task.getAssignee()), String.valueOf(task.getOwner()),
        String.valueOf(task.getPriority()), String.valueOf(task.getDueDate()), String.valueOf(task.getDescription()),
        taskService.getIdentityLinksForTask(task.getId()).stream()
            .map(link -> link.getType() + ":" + link.getGroupId() + ":" + link.getUserId()).sorted().toList().toString()))
        .toList();
    List<String> jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list()
        .stream().sorted(Comparator.comparing(Job::getId)).map(job -> String.join("|", job.getId(),
            String.valueOf(job.getRetries()), String.valueOf(job.getDuedate()), String.valueOf(job.getExceptionMessage()),
            String.valueOf(job.isSuspended()), String.valueOf(job.getPriority()))).toList();
    List<String> comments = new java.util.ArrayList<>(taskService.getProcessInstanceComments(processInstanceId).stream()
        .map(comment -> comment.getUserId() + ":" + comment.getFullMessage()).toList());
    List<String> attachments = new java.util.ArrayList<>(taskService.getProcessInstanceAttachments(processInstanceId)
        .stream().map(attachment -> attachment.getName() + ":" + attachment.getUrl()).toList());
    for (Task task : openTasks) {
      taskService.getTaskComments(task.getId()).forEach(comment -> comments.add(task.getId() + ":" + comment.getFullMessage()));
      taskService.getTaskAttachments(task.getId()).forEach(attachment -> attachments.add(task.getId() + ":"
          + attachment.getName()));
    }
    comments.sort(null);
    attachments.sort(null);
    long incidents = engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstanceId).count();
    return new RecordSnapshot(variables, tasks, jobs, List.copyOf(comments), List.copyOf(attachments), incidents);
  }
}
