package vn.directivetracker.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.lifecycle.DirectiveInputException;

/**
 * {@code /api/assignments}: the standing office confirms the assignments of a whole notice
 * ({@link NoticeAssignment}). {@code GET} lists the caller's notices, {@code GET ?notice=} one
 * notice's directives waiting for confirmation, {@code POST} confirms them (JSON). Only members of
 * the notice's standing office; problems as {@code application/problem+json} in Vietnamese.
 */
@RestController
@RequestMapping("/api/assignments")
public class NoticeAssignmentController {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A request with thousands of bad entries gets the first ones, not an answer larger than the request. */
  static final int MAX_PROBLEMS_LISTED = 200;

  private final NoticeAssignment assignment;
  private final IdentityService identityService;

  public NoticeAssignmentController(NoticeAssignment assignment, IdentityService identityService) {
    this.assignment = assignment;
    this.identityService = identityService;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public Object read(@RequestParam(name = "notice", required = false) String notice) {
    Registrar caller = caller();
    if (notice == null) {
      return Map.of("notices", assignment.noticesOf(caller));
    }
    return assignment.notice(java.text.Normalizer.normalize(notice.strip(), java.text.Normalizer.Form.NFC), caller);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public NoticeAssignment.Outcome confirm(InputStream body) throws IOException {
    Registrar caller = caller();
    JsonNode request = JSON.readTree(body);
    return assignment.confirm(request, caller);
  }

  private Registrar caller() {
    Registrar caller = Registrar.of(identityService.getCurrentAuthentication());
    if (caller == null) {
      throw new AssignmentForbiddenException("Cần đăng nhập");
    }
    return caller;
  }

  @ExceptionHandler(InvalidAssignmentException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidAssignmentException e) {
    List<AssignmentProblem> listed = e.problems().size() <= MAX_PROBLEMS_LISTED ? e.problems()
        : e.problems().subList(0, MAX_PROBLEMS_LISTED);
    return problem(HttpStatus.BAD_REQUEST, "Xác nhận giao nhiệm vụ chưa hợp lệ",
        e.problems().size() + " vấn đề" + (listed.size() < e.problems().size() ? " (liệt kê " + listed.size() + " vấn đề đầu)" : "")
            + "; chưa có gì được ghi: " + e.problems().get(0) + (e.problems().size() > 1 ? " …" : ""), listed);
  }

  /** The directive's own listener refused a value (checked again there): the whole confirmation is rolled back. */
  @ExceptionHandler(FormFieldValidationException.class)
  ResponseEntity<ProblemDetail> refusedByDirective(FormFieldValidationException e) {
    List<String> problems = e instanceof DirectiveInputException input ? input.problems() : List.of("giá trị không hợp lệ");
    return problem(HttpStatus.BAD_REQUEST, "Xác nhận giao nhiệm vụ chưa hợp lệ",
        "chưa có gì được ghi: " + String.join("; ", problems),
        problems.stream().map(p -> AssignmentProblem.of(null, "(nhiệm vụ)", p)).toList());
  }

  @ExceptionHandler(AssignmentForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(AssignmentForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "Không được phép", e.getMessage() + "; chưa có gì được ghi", null);
  }

  @ExceptionHandler(AssignmentNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(AssignmentNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Không tìm thấy", e.getMessage(), null);
  }

  @ExceptionHandler(AssignmentConflictException.class)
  ResponseEntity<ProblemDetail> conflict(AssignmentConflictException e) {
    return problem(HttpStatus.CONFLICT, "Chưa thể xác nhận", e.getMessage(), null);
  }

  /**
   * The engine refused a step of the confirmation: the whole request is rolled back. A value the
   * directive's own listener refused is a 400; a right the engine or the guard refused a 403; a task
   * another member of the office completed or changed at the same moment a 409. Anything else is a
   * fault, not the caller's: it goes on to Spring's error answer (500, no details).
   */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ProblemDetail> engine(ProcessEngineException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof FormFieldValidationException validation) {
        return refusedByDirective(validation);
      }
    }
    if (e instanceof org.camunda.bpm.engine.AuthorizationException) {
      String why = e instanceof vn.directivetracker.guard.WriteRefusedException ? ": " + e.getMessage() : "";
      return problem(HttpStatus.FORBIDDEN, "Không được phép", "Tài khoản này không được xử lý một số nhiệm vụ của thông báo"
          + why + "; chưa có gì được ghi", null);
    }
    if (e instanceof OptimisticLockingException || e instanceof org.camunda.bpm.engine.exception.NullValueException) {
      return problem(HttpStatus.CONFLICT, "Chưa thể xác nhận", "Một số nhiệm vụ vừa được người khác xử lý cùng lúc;"
          + " chưa có gì được ghi. Vui lòng tải lại trang và xác nhận lại.", null);
    }
    throw e;
  }

  @ExceptionHandler(JsonProcessingException.class)
  ResponseEntity<ProblemDetail> unreadable(JsonProcessingException e) {
    return problem(HttpStatus.BAD_REQUEST, "Xác nhận giao nhiệm vụ chưa hợp lệ", "nội dung không đọc được như JSON",
        List.of(AssignmentProblem.of(null, "(nội dung)", "không đọc được như JSON")));
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
      List<AssignmentProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:directive-tracker:notice-assignment"));
    if (problems != null) {
      problem.setProperty("problems", problems);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
