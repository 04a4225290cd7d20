package vn.directivetracker.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts open work per process with five grouped queries on the engine's runtime tables, the same SQL
 * on H2 and PostgreSQL.
 *
 * <p>Plain SQL, not the engine's query API: the engine's counts would run once per process with an
 * authorization check joined in, and the numbers are for administrators anyway. Each query reads one
 * runtime table once and joins the few process definitions after grouping; running instances are the
 * executions without a parent (ACT_IDX_EXE_PARENT), tasks and incidents are grouped by their definition
 * (ACT_IDX_TASK_PROCDEF, ACT_IDX_INC_PROCDEFID). Due jobs scan ACT_RU_JOB as the job acquisition itself
 * does every few seconds. Ended instances are in the history tables and never read here, so the cost
 * follows the open work, not everything ever tracked. {@link ProcessCountMetrics} runs them at most once
 * per interval.
 */
@Component
public class ProcessCountQueries {

  /** A scrape should fail fast rather than wait for a blocked database. */
  private static final int QUERY_TIMEOUT_SECONDS = 10;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  /** @param clock the engine's clock ({@link vn.directivetracker.EngineClock}): job due dates are compared with it */
  public ProcessCountQueries(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
    this.clock = clock;
  }

  public ProcessCounts count() {
    Set<String> processes = new HashSet<>(jdbc.queryForList("select distinct KEY_ from ACT_RE_PROCDEF", String.class));
    Map<String, Long> instances = perProcess("""
        select d.KEY_, sum(c.N) from (
          select PROC_DEF_ID_, count(*) as N from ACT_RU_EXECUTION where PARENT_ID_ is null group by PROC_DEF_ID_
        ) c join ACT_RE_PROCDEF d on d.ID_ = c.PROC_DEF_ID_ group by d.KEY_""");
    Map<String, Long> tasks = perProcess("""
        select d.KEY_, sum(c.N) from (
          select PROC_DEF_ID_, count(*) as N from ACT_RU_TASK where PROC_DEF_ID_ is not null group by PROC_DEF_ID_
        ) c join ACT_RE_PROCDEF d on d.ID_ = c.PROC_DEF_ID_ group by d.KEY_""");
    Map<String, Long> incidents = perProcess("""
        select d.KEY_, sum(c.N) from (
          select PROC_DEF_ID_, count(*) as N from ACT_RU_INCIDENT where PROC_DEF_ID_ is not null group by PROC_DEF_ID_
        ) c join ACT_RE_PROCDEF d on d.ID_ = c.PROC_DEF_ID_ group by d.KEY_""");
    Timestamp now = Timestamp.from(clock.instant());
    // the job acquisition's own condition (selectNextJobsToExecute in Camunda's Job.xml), without its per-node parts
    Long dueJobs = jdbc.queryForObject("""
        select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1
          and (DUEDATE_ is null or DUEDATE_ <= ?) and (LOCK_OWNER_ is null or LOCK_EXP_TIME_ < ?)""",
        Long.class, now, now);
    return new ProcessCounts(processes, instances, tasks, incidents, dueJobs == null ? 0 : dueJobs);
  }

  private Map<String, Long> perProcess(String sql) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(sql, row -> {
      counts.put(row.getString(1), row.getLong(2));
    });
    return counts;
  }
}
