package vn.directivetracker.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.access.Roles;

/**
 * {@code POST /api/notices}: import a notice, JSON or YAML, in the schema of
 * src/main/resources/notices/README.md. Only members of the notice's standing office (or
 * administrators) may import it. Problems come back as {@code application/problem+json}, every one
 * naming its item and field; nothing is written unless the whole notice is valid.
 */
@RestController
@RequestMapping("/api/notices")
public class NoticeController {

  private final NoticeImporter importer;
  private final IdentityService identityService;

  public NoticeController(NoticeImporter importer, IdentityService identityService) {
    this.importer = importer;
    this.identityService = identityService;
  }

  @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", "application/x-yaml", "text/yaml",
      MediaType.TEXT_PLAIN_VALUE})
  public ResponseEntity<?> importNotice(InputStream body) throws IOException {
    JsonNode document = NoticeCatalog.read(body);
    Authentication user = identityService.getCurrentAuthentication();
    String office = document == null ? null : document.path("standingOffice").asText(null);
    if (user == null || !(user.getGroupIds().contains(Roles.ADMINISTRATORS)
        || office != null && user.getGroupIds().contains(office))) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
          "Only members of the notice's standing office (" + office + ") may import it");
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    ImportResult result;
    // the office's right to import was checked above; the engine work (starting the notice process)
    // is the system's, recorded under the importing user in dt_notice
    identityService.clearAuthentication();
    try {
      result = importer.importNotice(document, user.getUserId());
    } finally {
      identityService.setAuthentication(user);
    }
    HttpStatus status = result.status().equals("created") ? HttpStatus.CREATED : HttpStatus.OK;
    return ResponseEntity.status(status).body(result);
  }

  @ExceptionHandler(InvalidNoticeException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidNoticeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.problems().size() + " problem(s); nothing was imported");
    problem.setTitle("Invalid notice");
    problem.setType(URI.create("urn:directive-tracker:invalid-notice"));
    problem.setProperty("problems", e.problems());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(JsonProcessingException.class)
  ResponseEntity<ProblemDetail> unreadable(JsonProcessingException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "not readable as JSON or YAML: " + e.getOriginalMessage());
    problem.setTitle("Invalid notice");
    problem.setProperty("problems", List.of(Map.of("field", "(document)", "problem", e.getOriginalMessage())));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
