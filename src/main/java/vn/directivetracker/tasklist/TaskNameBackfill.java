package vn.directivetracker.tasklist;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Names the open tasks created before task names said what they are about (their name is still the
 * bare element name, without " — "), once, at start-up. Run by the system, not by a user, so the
 * record guard does not apply; afterwards the query finds nothing.
 */
@Component
public class TaskNameBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TaskNameBackfill.class);
  private static final int PAGE = 500;

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final TaskNames names;

  public TaskNameBackfill(TaskService taskService, RuntimeService runtimeService, TaskNames names) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.names = names;
  }

  @Override
  public void run(ApplicationArguments args) {
    Set<String> done = new HashSet<>();
    for (String process : TaskNames.PROCESSES) {
      List<Task> page;
      // each page is renamed, so the next query's first page holds the tasks still to do
      while (!(page = taskService.createTaskQuery().processDefinitionKey(process).taskNameNotLike("% — %")
          .orderByTaskId().asc().listPage(0, PAGE)).isEmpty()) {
        if (!done.add(page.get(0).getId())) {
          break; // a name that cannot carry " — " (never expected): do not loop over it
        }
        for (Task task : page) {
          Map<String, Object> variables = runtimeService.getVariables(task.getExecutionId());
          String name = "directive".equals(process)
              ? names.directiveTask(task.getName(), task.getTaskDefinitionKey(), variables::get)
              : names.reviewTask(task.getName(), variables::get);
          taskService.setName(task.getId(), name);
          done.add(task.getId());
        }
      }
    }
    if (!done.isEmpty()) {
      log.info("Named {} open tasks after their item and agency", done.size());
    }
  }
}
