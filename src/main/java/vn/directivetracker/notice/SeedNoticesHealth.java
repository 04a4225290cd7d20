package vn.directivetracker.notice;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness probe ({@code /actuator/health/readiness}, see application.yaml): on the
 * embedded demo, DOWN until the seed notices are imported and every directive of them has started
 * (the fan-out runs in the job executor after start-up, about a minute on two cores), so "ready"
 * means Tasklist and the assignment page show all 288 directives. UP at once when there is nothing
 * to wait for: not the demo, the seed import turned off, or no job executor on this node (then
 * another node, or nobody, does the fan-out). Once UP it stays UP.
 */
@Component("seedNotices")
public class SeedNoticesHealth implements HealthIndicator {

  private final JdbcTemplate jdbc;
  private final NoticeCatalog catalog;
  private final boolean waits;
  private volatile boolean done;
  private volatile List<String> seeds;

  public SeedNoticesHealth(JdbcTemplate jdbc, NoticeCatalog catalog, Environment environment,
      @Value("${directive-tracker.demo.import-seed-notices:true}") boolean importSeeds,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutor) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.waits = environment.acceptsProfiles(org.springframework.core.env.Profiles.of("demo")) && importSeeds && jobExecutor;
  }

  @Override
  public Health health() {
    if (!waits || done) {
      return Health.up().build();
    }
    if (seeds == null) {
      seeds = catalog.load().stream().map(NoticeDocument::number).toList();
    }
    int imported = 0;
    int waiting = 0;
    for (String number : seeds) {
      Integer notice = jdbc.queryForObject("select count(*) from dt_notice where number = ?", Integer.class, number);
      if (notice == null || notice == 0) {
        continue;
      }
      imported++;
      Integer left = jdbc.queryForObject("select count(*) from dt_tracked_directive t where t.notice_number = ? and not exists"
          + " (select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = t.business_key and p.PROC_DEF_KEY_ = 'directive')",
          Integer.class, number);
      waiting += left == null ? 0 : left;
    }
    if (imported < seeds.size()) {
      return Health.down().withDetail("seedNotices", "đang nhập các thông báo mẫu").build();
    }
    if (waiting > 0) {
      return Health.down().withDetail("directivesStarting", waiting).build();
    }
    done = true;
    org.slf4j.LoggerFactory.getLogger(SeedNoticesHealth.class).info("Seed notices imported and every directive started:"
        + " ready (/actuator/health/readiness UP)");
    return Health.up().build();
  }
}
