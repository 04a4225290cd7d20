package vn.directivetracker.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The process owners' endpoints answer problems as {@code application/problem+json}, in Vietnamese. */
@RestControllerAdvice(assignableTypes = {MigrationController.class, PolicyController.class})
class MigrationProblems {

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
