package vn.directivetracker.notice;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notices}: import a notice, JSON or YAML, in the schema of
 * src/main/resources/notices/README.md. Who may register or correct which notice is
 * {@link NoticeOffices}'s rule; a caller who belongs to no standing office is refused before the
 * body is read. Problems come back as {@code application/problem+json}, every one naming its item
 * and field; nothing is written unless the whole notice is valid and the caller may import it.
 */
@RestController
@RequestMapping("/api/notices")
public class NoticeController {

  private static final Logger log = LoggerFactory.getLogger(NoticeController.class);
  /** Two imports of one notice at once: the later waits for the first, then finds it unchanged. */
  private static final int ATTEMPTS = 5;

  private final NoticeImporter importer;
  private final NoticeValidator validator;
  private final NoticeOffices offices;
  private final IdentityService identityService;

  public NoticeController(NoticeImporter importer, NoticeValidator validator, NoticeOffices offices,
      IdentityService identityService) {
    this.importer = importer;
    this.validator = validator;
    this.offices = offices;
    this.identityService = identityService;
  }

  @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", "application/x-yaml", "text/yaml"})
  public ResponseEntity<?> importNotice(InputStream body, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type)
      throws IOException {
    Authentication user = identityService.getCurrentAuthentication();
    Registrar registrar = Registrar.of(user);
    offices.checkMayRegisterAny(registrar);
    JsonNode document = MediaType.APPLICATION_JSON.isCompatibleWith(type) ? NoticeCatalog.readJson(body)
        : NoticeCatalog.read(body);
    NoticeDocument notice = validator.validate(document);
    ImportResult result;
    // the caller's right to import this notice is checked inside the import; the engine work it
    // causes (starting the notice process, correcting directives) is the system's, not a user's task
    // submission, so it runs without the user (recorded as the importer in dt_notice)
    identityService.clearAuthentication();
    try {
      result = importOnce(notice, registrar);
    } finally {
      identityService.setAuthentication(user);
    }
    HttpStatus status = result.status().equals("created") ? HttpStatus.CREATED : HttpStatus.OK;
    return ResponseEntity.status(status).body(result);
  }

  /** Retries an import that met the same notice being imported by another request at that moment. */
  private ImportResult importOnce(NoticeDocument notice, Registrar registrar) {
    for (int attempt = 1; ; attempt++) {
      try {
        return importer.importNotice(notice, registrar);
      } catch (DataIntegrityViolationException | ConcurrencyFailureException collision) {
        if (attempt == ATTEMPTS) {
          throw new NoticeBusyException(notice.number());
        }
        log.info("[{}] imported by another request at the same time; trying again ({})", notice.number(),
            collision.getClass().getSimpleName());
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new NoticeBusyException(notice.number());
        }
      }
    }
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

  @ExceptionHandler(NoticeForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(NoticeForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage() + "; nothing was imported");
    problem.setTitle("Not allowed to import this notice");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(NoticeBusyException.class)
  ResponseEntity<ProblemDetail> busy(NoticeBusyException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Notice being imported");
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** Where the parser gave up, not what it says: its messages name its own classes. */
  @ExceptionHandler(JsonProcessingException.class)
  ResponseEntity<ProblemDetail> unreadable(JsonProcessingException e) {
    String original = String.valueOf(e.getOriginalMessage());
    String reason = e instanceof StreamConstraintsException || original.contains("exceeds the limit")
        ? "larger or deeper than a notice document may be (" + NoticeCatalog.MAX_DOCUMENT_CHARS
            + " characters, nesting 20, YAML aliases 20)"
        : "malformed";
    JsonLocation where = e.getLocation();
    if (where != null && where.getLineNr() > 0) {
      reason += " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "not readable as JSON or YAML: " + reason);
    problem.setTitle("Invalid notice");
    problem.setProperty("problems", List.of(Map.of("field", "(document)", "problem", reason)));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The same notice kept colliding with another request's import. */
  static class NoticeBusyException extends RuntimeException {
    NoticeBusyException(String number) {
      super("Notice " + number + " is being imported by another request; nothing was imported, try again");
    }
  }
}
