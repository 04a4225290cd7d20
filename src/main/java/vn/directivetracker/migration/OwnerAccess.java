package vn.directivetracker.migration;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import vn.directivetracker.access.Roles;

/**
 * Who may bring running instances along to a changed procedure (migrations, a changed policy):
 * members of {@code process-owners} and administrators. The one check of every endpoint of this
 * feature; the engine checks its own grants again where it writes.
 */
final class OwnerAccess {

  static final List<String> ALLOWED = List.of(Roles.PROCESS_OWNERS, Roles.ADMINISTRATORS);

  private OwnerAccess() {}

  /** The caller's user id, when a process owner or an administrator (groups as the API's authentication filter set them). */
  static String caller(IdentityService identityService) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new MigrationRefusedException(HttpStatus.UNAUTHORIZED, "Cần đăng nhập", List.of("Cần đăng nhập"));
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().noneMatch(ALLOWED::contains)) {
      throw new MigrationRefusedException(HttpStatus.FORBIDDEN, "Không được phép", List.of(
          "Chỉ người quản lý quy trình (nhóm " + Roles.PROCESS_OWNERS + ") và quản trị hệ thống được làm việc này"));
    }
    return caller.getUserId();
  }
}
