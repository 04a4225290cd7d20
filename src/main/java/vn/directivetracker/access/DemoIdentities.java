package vn.directivetracker.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.agency.AgencyRegistry;

/**
 * Demo logins, only in the demo profile (the embedded default): one officer per agency, a
 * reviewer in each standing office, a manager, a leader of the steering committee, a process owner
 * and an admin. All share the password {@value #PASSWORD} and have an address {@code id@demo.local};
 * the README lists them.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoIdentities implements ApplicationRunner {

  public static final String PASSWORD = "demo";
  public static final String ADMIN = "admin";
  public static final String MANAGER = "manager";
  public static final String LEADER = "leader";
  public static final String OWNER = "owner";
  /** Demo users' mail domain: {@code officer-bca@demo.local} (the demo's own mail server takes any). */
  public static final String MAIL_DOMAIN = "demo.local";
  private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

  private final IdentityWriter identities;
  private final AgencyRegistry agencies;
  private final Clock clock;

  public DemoIdentities(IdentityWriter identities, AgencyRegistry agencies, Clock clock) {
    this.identities = identities;
    this.agencies = agencies;
    this.clock = clock;
  }

  /** Login of the demo officer of an agency: {@code officer-bca}, {@code officer-ubnd-hanoi}. */
  public static String officerOf(String agencyCode) {
    return "officer-" + agencyCode.toLowerCase(Locale.ROOT);
  }

  /** Login of the demo reviewer of a standing office: {@code reviewer-vpcp}. */
  public static String reviewerOf(String agencyCode) {
    return "reviewer-" + agencyCode.toLowerCase(Locale.ROOT);
  }

  @Override
  public void run(ApplicationArguments args) {
    // the role groups are RoleGroups' (every profile, run before this)
    user(ADMIN, "Quản trị", "hệ thống", Roles.ADMINISTRATORS);
    user(MANAGER, "Lãnh đạo", "theo dõi", Roles.MANAGERS);
    user(LEADER, "Lãnh đạo", "Ban Chỉ đạo", Roles.LEADERSHIP);
    user(OWNER, "Quản lý", "quy trình", Roles.PROCESS_OWNERS);
    int officers = 0;
    for (Agency agency : agencies.activeOn(LocalDate.now(clock))) {
      if (agency.kind() == AgencyKind.STEERING_COMMITTEE) {
        continue;
      }
      user(officerOf(agency.code()), "Cán bộ", agency.name(), agency.code());
      officers++;
    }
    for (String office : new String[] {"VPCP", "VPTWD"}) {
      String name = agencies.nameOf(office);
      user(reviewerOf(office), "Chuyên viên theo dõi", name, office);
      identities.ensureMembership(reviewerOf(office), Roles.REVIEWERS);
    }
    log.info("Demo identities ready: {} officers, 2 reviewers, manager, leader, process owner, admin (password '{}')",
        officers, PASSWORD);
  }

  private void user(String id, String firstName, String lastName, String group) {
    identities.ensureUser(id, firstName, lastName, PASSWORD);
    identities.ensureEmail(id, id + "@" + MAIL_DOMAIN);
    identities.ensureMembership(id, group);
  }
}
