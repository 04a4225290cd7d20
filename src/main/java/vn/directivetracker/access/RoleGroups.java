package vn.directivetracker.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role groups exist in every profile (created when missing, renamed back when changed): the
 * grants of {@link RoleAuthorizations} and the membership of standing-office reviewers refer to
 * them, and adding a member to a missing group fails.
 */
@Component
@Order(15)
public class RoleGroups implements ApplicationRunner {

  public static final Map<String, String> NAMES = names();

  private final IdentityWriter identities;

  public RoleGroups(IdentityWriter identities) {
    this.identities = identities;
  }

  @Override
  public void run(ApplicationArguments args) {
    NAMES.forEach(identities::ensureRoleGroup);
  }

  private static Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(Roles.ADMINISTRATORS, "Quản trị hệ thống");
    names.put(Roles.MANAGERS, "Lãnh đạo, chuyên viên theo dõi");
    names.put(Roles.REVIEWERS, "Cơ quan thường trực");
    names.put(Roles.LEADERSHIP, "Lãnh đạo Ban Chỉ đạo");
    names.put(Roles.PROCESS_OWNERS, "Quản lý quy trình");
    return Collections.unmodifiableMap(names);
  }
}
