package vn.directivetracker.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile no user with a known password exists: the first administrator comes
 * from DT_ADMIN_USER / DT_ADMIN_PASSWORD, and start-up fails when they are missing. An existing
 * administrator keeps the password it has (changed in Admin), so a restart never resets it.
 */
@Component
@Profile("!demo")
@Order(20)
public class AdministratorBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

  private final IdentityWriter identities;
  private final String userId;
  private final String password;

  public AdministratorBootstrap(IdentityWriter identities,
      @Value("${directive-tracker.admin.user:}") String userId,
      @Value("${directive-tracker.admin.password:}") String password) {
    if (userId.isBlank() || password.isBlank()) {
      throw new MissingAdminException();
    }
    this.identities = identities;
    this.userId = userId.strip();
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identities.ensureUser(userId, "Quản trị", "hệ thống", password)) {
      log.info("Created administrator {}", userId);
    }
    identities.ensureMembership(userId, Roles.ADMINISTRATORS);
  }

  /** Thrown at start-up when the administrator's credentials are not configured. */
  public static class MissingAdminException extends IllegalStateException {
    public MissingAdminException() {
      super("DT_ADMIN_USER and DT_ADMIN_PASSWORD must be set outside the demo profile");
    }
  }
}
