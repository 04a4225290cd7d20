package vn.directivetracker.guard;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The deployed form of a task or of a process's start event, parsed once per process definition.
 * A process definition never changes once deployed, and its forms are deployed with it
 * ({@code formRefBinding="deployment"}, see ProcessResourceDeployer), so the cache needs no eviction.
 */
final class FormSchemas {

  private final ConcurrentMap<String, FormSchema> parsed = new ConcurrentHashMap<>();

  FormSchema ofTask(CommandContext context, TaskEntity task) {
    if (task.getProcessDefinitionId() == null) {
      return FormSchema.NONE; // a standalone task has no form
    }
    return parsed.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> load(context, new GetDeployedTaskFormCmd(task.getId())));
  }

  FormSchema ofStart(CommandContext context, String processDefinitionId) {
    return parsed.computeIfAbsent(processDefinitionId + "#start", key -> load(context,
        new GetDeployedStartFormCmd(processDefinitionId)));
  }

  private static FormSchema load(CommandContext context, Command<InputStream> deployedForm) {
    try (InputStream form = context.runWithoutAuthorization(deployedForm)) {
      return FormSchema.parse(form);
    } catch (BadUserRequestException noForm) { // also NotFoundException: no form on this task
      return FormSchema.NONE;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read a deployed form: " + e.getMessage(), e);
    }
  }
}
