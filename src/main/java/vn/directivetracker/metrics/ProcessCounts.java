package vn.directivetracker.metrics;

import java.util.Map;
import java.util.Set;

/**
 * Open work per process definition key, at one moment.
 *
 * @param processes every deployed process definition key (so a process with nothing open reads 0)
 * @param instances running process instances (called ones included: a directive started by a notice item)
 * @param tasks open user tasks
 * @param incidents open incidents
 * @param dueJobs jobs the job executor could take now (due, not locked, retries left, not suspended)
 */
public record ProcessCounts(Set<String> processes, Map<String, Long> instances, Map<String, Long> tasks,
    Map<String, Long> incidents, long dueJobs) {

  public static final ProcessCounts NONE = new ProcessCounts(Set.of(), Map.of(), Map.of(), Map.of(), 0);

  public ProcessCounts {
    processes = Set.copyOf(processes);
    instances = Map.copyOf(instances);
    tasks = Map.copyOf(tasks);
    incidents = Map.copyOf(incidents);
  }
}
