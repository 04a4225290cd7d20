package vn.directivetracker.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.DirectiveTrackerApplication;

/** Starts the whole application as `java -jar` would, with extra command-line properties. */
public final class AppInstance {

  private AppInstance() {}

  public static ConfigurableApplicationContext start(String profile, String... properties) {
    return start(false, profile, properties);
  }

  /** As {@link #start}, with the job executor running as in production. */
  public static ConfigurableApplicationContext startWithJobExecutor(String profile, String... properties) {
    return start(true, profile, properties);
  }

  private static ConfigurableApplicationContext start(boolean jobs, String profile, String... properties) {
    DirectiveTrackerApplication.pinTimeZone();
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=" + jobs));
    for (String property : properties) {
      args.add("--" + property);
    }
    SpringApplicationBuilder builder = new SpringApplicationBuilder(DirectiveTrackerApplication.class);
    if (profile != null) {
      builder.profiles(profile);
    }
    return builder.run(args.toArray(String[]::new));
  }

  /** Properties that put the app on a PostgreSQL test database with a configured administrator. */
  public static String[] postgres(PostgresTestDatabase database) {
    return new String[] {
        "DB_URL=" + database.jdbcUrl(),
        "DB_USER=" + PostgresTestDatabase.USER,
        "DB_PASSWORD=" + PostgresTestDatabase.PASSWORD,
        "DT_ADMIN_USER=admin",
        "DT_ADMIN_PASSWORD=test-admin-secret"
    };
  }
}
