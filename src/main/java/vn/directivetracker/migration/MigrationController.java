package vn.directivetracker.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.access.RoleAuthorizations;
import vn.directivetracker.access.Roles;

/**
 * {@code /api/migrations}: process owners move running instances to the latest version
 * ({@link RunningInstanceMigration}). {@code GET /api/migrations} the overview of every process,
 * {@code GET /api/migrations/{processKey}} one process; {@code POST .../plan}, {@code .../dry-run}
 * and {@code .../execute} with {@code {"sourceVersion": 1}}. Only members of
 * {@code process-owners} and administrators (the engine checks its grants again); behind the API's
 * login, writes with the session's CSRF token or HTTP Basic. Problems as
 * {@code application/problem+json} in Vietnamese.
 */
@RestController
@RequestMapping("/api/migrations")
public class MigrationController {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ALLOWED = List.of(Roles.PROCESS_OWNERS, Roles.ADMINISTRATORS);

  private final RunningInstanceMigration migration;
  private final IdentityService identityService;

  public MigrationController(RunningInstanceMigration migration, IdentityService identityService) {
    this.migration = migration;
    this.identityService = identityService;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> all() {
    String user = allowedCaller();
    return Map.of("userId", user, "processes",
        RoleAuthorizations.PROCESSES.stream().map(migration::overview).toList());
  }

  @GetMapping(value = "/{processKey}", produces = MediaType.APPLICATION_JSON_VALUE)
  public MigrationViews.Overview overview(@PathVariable String processKey) {
    allowedCaller();
    return migration.overview(processKey);
  }

  @PostMapping(value = "/{processKey}/plan", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public MigrationViews.Plan plan(@PathVariable String processKey, InputStream body) throws IOException {
    allowedCaller();
    return migration.plan(processKey, sourceVersion(body));
  }

  @PostMapping(value = "/{processKey}/dry-run", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public MigrationViews.DryRun dryRun(@PathVariable String processKey, InputStream body) throws IOException {
    allowedCaller();
    return migration.dryRun(processKey, sourceVersion(body));
  }

  @PostMapping(value = "/{processKey}/execute", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<MigrationViews.Execution> execute(@PathVariable String processKey, InputStream body)
      throws IOException {
    allowedCaller();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(migration.execute(processKey, sourceVersion(body)));
  }

  /** The caller, when a process owner or an administrator (groups as the API's authentication filter set them). */
  private String allowedCaller() {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new MigrationRefusedException(HttpStatus.UNAUTHORIZED, "Cần đăng nhập", List.of("Cần đăng nhập"));
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().noneMatch(ALLOWED::contains)) {
      throw new MigrationRefusedException(HttpStatus.FORBIDDEN, "Không được phép", List.of(
          "Chỉ người quản lý quy trình (nhóm " + Roles.PROCESS_OWNERS + ") và quản trị hệ thống được chuyển phiên bản"));
    }
    return caller.getUserId();
  }

  private static int sourceVersion(InputStream body) throws IOException {
    JsonNode request = JSON.readTree(body);
    JsonNode version = request == null ? null : request.get("sourceVersion");
    if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
      throw new MigrationRefusedException(HttpStatus.BAD_REQUEST, "Yêu cầu chưa hợp lệ",
          List.of("sourceVersion: cần một số nguyên dương, phiên bản cũ cần chuyển, ví dụ {\"sourceVersion\": 1}"));
    }
    return version.intValue();
  }

  @ExceptionHandler(MigrationRefusedException.class)
  ResponseEntity<ProblemDetail> refused(MigrationRefusedException e) {
    return problem(e.status(), e.title(), e.problems());
  }

  @ExceptionHandler(JsonProcessingException.class)
  ResponseEntity<ProblemDetail> unreadable(JsonProcessingException e) {
    return problem(HttpStatus.BAD_REQUEST, "Yêu cầu chưa hợp lệ", List.of("nội dung không đọc được như JSON"));
  }

  /** The engine refused a right the role check let through (a revoked or missing grant): nothing was written. */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Không được phép",
        List.of("Tài khoản này thiếu quyền của bộ máy quy trình để chuyển phiên bản; chưa có gì được ghi"));
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, List<String> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join("; ", problems));
    problem.setTitle(title);
    problem.setType(URI.create("urn:directive-tracker:migration"));
    problem.setProperty("problems", problems);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
