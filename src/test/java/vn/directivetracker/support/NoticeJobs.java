package vn.directivetracker.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Does what the job executor does in the running app for one notice: its fan-out jobs, then each directive's start. */
public final class NoticeJobs {

  private NoticeJobs() {}

  /** @return how many jobs were executed */
  public static int run(ProcessEngine engine, ProcessInstance notice) {
    int executed = 0;
    List<Job> jobs;
    while (!(jobs = under(engine, notice.getId())).isEmpty()) {
      for (Job job : jobs) {
        engine.getManagementService().executeJob(job.getId());
        executed++;
      }
    }
    return executed;
  }

  /** Async jobs of the notice and of its item instances (directive timers are not due yet). */
  private static List<Job> under(ProcessEngine engine, String noticeId) {
    List<Job> jobs = new ArrayList<>(engine.getManagementService().createJobQuery().processInstanceId(noticeId)
        .messages().list());
    for (ProcessInstance item : engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(noticeId).list()) {
      jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(item.getId()).messages().list());
    }
    return jobs;
  }
}
