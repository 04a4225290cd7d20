package vn.directivetracker.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import vn.directivetracker.notice.NoticeForbiddenException;
import vn.directivetracker.notice.NoticeOffices;
import vn.directivetracker.notice.Registrar;

/**
 * {@code POST /api/notices/drafts}: a notice's text (text/plain, JSON {@code {"text": ...}}, or a
 * multipart {@code file} .txt/.docx/.pdf) → a {@link NoticeDraft}. Writes nothing; the office
 * registers the corrected draft through {@code POST /api/notices}. Only those who may register
 * notices (members of a standing office) get drafts, checked before the body is read.
 */
@RestController
@RequestMapping("/api/notices/drafts")
public class NoticeDraftController {

  private static final Logger log = LoggerFactory.getLogger(NoticeDraftController.class);

  private final NoticeDrafting drafting;
  private final NoticeOffices offices;
  private final IdentityService identityService;
  private final ObjectMapper json = new ObjectMapper();

  public NoticeDraftController(NoticeDrafting drafting, NoticeOffices offices, IdentityService identityService) {
    this.drafting = drafting;
    this.offices = offices;
    this.identityService = identityService;
  }

  @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
  public NoticeDraft fromText(InputStream body, @RequestHeader("Content-Type") MediaType type) throws IOException {
    checkMayRegister();
    Charset charset = type.getCharset();
    byte[] bytes = body.readAllBytes();
    String text = charset == null || charset.name().equals("UTF-8") ? DocumentText.utf8(bytes, "text")
        : new String(bytes, charset);
    return draft(text, "text");
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public NoticeDraft fromJson(InputStream body) throws IOException {
    checkMayRegister();
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidDraftException("(document)", "not readable as JSON");
    }
    if (root == null || !root.isObject() || !root.path("text").isTextual()) {
      throw new InvalidDraftException("text", "send {\"text\": \"the notice's text\"}");
    }
    return draft(root.get("text").asText(), "json");
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public NoticeDraft fromFile(HttpServletRequest request) throws IOException, ServletException {
    checkMayRegister();
    Part file;
    try {
      file = request.getPart("file");
    } catch (MultipartException | IllegalStateException e) {
      throw new InvalidDraftException("file", "the upload cannot be read (too large or malformed)");
    }
    if (file == null) {
      throw new InvalidDraftException("file", "send the notice as the multipart part 'file' (.txt, .docx or .pdf)");
    }
    byte[] bytes;
    try (InputStream in = file.getInputStream()) {
      bytes = in.readAllBytes();
    }
    return draft(DocumentText.read(file.getSubmittedFileName(), bytes), "file " + DocumentText.shown(
        file.getSubmittedFileName()));
  }

  private void checkMayRegister() {
    offices.checkMayRegisterAny(Registrar.of(identityService.getCurrentAuthentication()));
  }

  private NoticeDraft draft(String text, String from) {
    NoticeDraft draft = drafting.draft(text);
    log.info("[{}] draft read from {}: {} items, {} marks, {} unplaced", draft.notice().number(), from,
        draft.notice().items().size(), draft.marks().size(), draft.unplaced().size());
    return draft;
  }

  @ExceptionHandler(InvalidDraftException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidDraftException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + ": " + e.getMessage());
    problem.setTitle("Cannot read the notice");
    problem.setType(URI.create("urn:directive-tracker:invalid-draft-request"));
    problem.setProperty("problems", List.of(Map.of("field", e.field(), "problem", e.getMessage())));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(NoticeForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(NoticeForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Not allowed to register notices");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
