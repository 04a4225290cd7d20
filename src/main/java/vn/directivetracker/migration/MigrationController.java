package vn.directivetracker.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.access.RoleAuthorizations;

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

  private String allowedCaller() {
    return OwnerAccess.caller(identityService);
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
}
