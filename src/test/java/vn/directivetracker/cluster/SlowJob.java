package vn.directivetracker.cluster;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The work of a test job: takes the time a real job's SQL and beans take, and counts itself. */
public class SlowJob implements JavaDelegate {

  static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    RUNS.incrementAndGet();
    Thread.sleep(Long.getLong("dt.test.slowJobMillis", 1000));
  }
}
