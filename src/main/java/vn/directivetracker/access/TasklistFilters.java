package vn.directivetracker.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created at start-up when missing (a filter an administrator edited
 * is left as it is). Without them Tasklist opens on "No filter available". Expressions are evaluated
 * for the logged-in user.
 *
 * <p>A filter carries no order of its own: the engine puts a filter's order before the one Tasklist
 * sends, so a list "sorted by" what Tasklist's header names was really sorted by the filter's due
 * date first. The order is Tasklist's, due date first by default (its
 * {@code scripts/directive-tracker.js}), and the header tells the truth.
 */
@Component
@Order(40)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_AGENCY = "Việc của đơn vị tôi";
  public static final String MINE = "Việc tôi đang xử lý";
  public static final String DUE_SOON = "Sắp đến hạn";
  public static final String OVERDUE = "Quá hạn";
  public static final String MONTHLY_REPORTS = "Báo cáo tháng";
  public static final String PERIODIC_REVIEW = "Rà soát định kỳ";
  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filterService;
  private final TaskService taskService;

  public TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    created += ensure(MY_AGENCY, -10, "Việc giao cho cơ quan của tôi, chưa ai nhận hoặc đã có người nhận",
        agencyTasks());
    created += ensure(MINE, -9, "Việc tôi đã nhận", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    // seven calendar days cover the five working days of the reminder policy (filters cannot count working days)
    created += ensure(DUE_SOON, -8, "Việc của cơ quan tôi đến hạn trong khoảng 5 ngày làm việc tới",
        agencyTasks().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
    created += ensure(OVERDUE, -7, "Việc của cơ quan tôi đã quá hạn", agencyTasks().dueBeforeExpression("${now()}"));
    created += ensure(MONTHLY_REPORTS, -6, "Báo cáo tiến độ tháng cần nộp",
        agencyTasks().taskDefinitionKey("Task_SubmitMonthlyReport"));
    // the review's few tasks would otherwise sit under hundreds of directive tasks in the office's list
    created += ensure(PERIODIC_REVIEW, -5, "Báo cáo, tổng hợp và họp của phiên rà soát định kỳ (315/TB-VPCP mục 6)",
        agencyTasks().processDefinitionKey("reviewCycle"));
    int reordered = 0;
    for (String name : List.of(MY_AGENCY, MINE, DUE_SOON, OVERDUE, MONTHLY_REPORTS, PERIODIC_REVIEW)) {
      reordered += dropOwnOrder(name);
    }
    log.info("Tasklist filters ready ({} created, {} left to Tasklist's sort order)", created, reordered);
  }

  /** Filters created before carried "due date ascending" of their own; exactly that order is removed. */
  private int dropOwnOrder(String name) {
    int changed = 0;
    for (Filter filter : filterService.createFilterQuery().filterName(name).list()) {
      if (filter.getQuery() instanceof TaskQueryImpl query && query.getOrderingProperties().size() == 1
          && TaskQueryProperty.DUE_DATE.equals(query.getOrderingProperties().get(0).getQueryProperty())
          && query.getOrderingProperties().get(0).getDirection() == Direction.ASCENDING) {
        query.setOrderingProperties(new ArrayList<>());
        filterService.saveFilter(filter.setQuery(query));
        changed++;
      }
    }
    return changed;
  }

  private TaskQuery agencyTasks() {
    return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
  }

  private int ensure(String name, int priority, String description, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return 0;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    // shown on every row, so the directives of one notice can be told apart in the list
    properties.put("variables", List.of(
        Map.of("name", "noticeNumber", "label", "Thông báo"),
        Map.of("name", "itemRef", "label", "Mục"),
        Map.of("name", "leadAgencyName", "label", "Cơ quan chủ trì"),
        Map.of("name", "deadlineText", "label", "Thời hạn")));
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
    filterService.saveFilter(filter);
    return 1;
  }
}
