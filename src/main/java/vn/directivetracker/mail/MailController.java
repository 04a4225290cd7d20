package vn.directivetracker.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.access.Roles;
import vn.directivetracker.agency.AgencyRegistry;

/**
 * {@code /api/mail}: the signed-in user's own choice ({@code GET/PUT /preferences}: there is no way to
 * name another user), the agencies' mailboxes (administrators only), and what was sent
 * ({@code GET /sent}: administrators all, everyone else the mails addressed to them).
 */
@RestController
@RequestMapping("/api/mail")
public class MailController {

  static final int MAX_LISTED = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(MailController.class);

  private final MailDirectory directory;
  private final MailOutbox outbox;
  private final MailSettings settings;
  private final IdentityService identityService;
  private final AgencyRegistry agencies;

  public MailController(MailDirectory directory, MailOutbox outbox, MailSettings settings,
      IdentityService identityService, AgencyRegistry agencies) {
    this.directory = directory;
    this.outbox = outbox;
    this.settings = settings;
    this.identityService = identityService;
    this.agencies = agencies;
  }

  @GetMapping(value = "/preferences", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> preferences() {
    Authentication caller = caller();
    User user = identityService.createUserQuery().userId(caller.getUserId()).singleResult();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("userId", caller.getUserId());
    answer.put("email", user == null ? null : user.getEmail());
    answer.put("delivery", directory.delivery(caller.getUserId()).name());
    answer.put("mailEnabled", settings.enabled());
    answer.put("administrator", administrator(caller));
    return answer;
  }

  @PutMapping(value = "/preferences", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> choose(InputStream body) throws IOException {
    Authentication caller = caller();
    JsonNode request = JSON.readTree(body);
    JsonNode delivery = request == null ? null : request.get("delivery");
    if (delivery == null || !delivery.isTextual()
        || Arrays.stream(Delivery.values()).noneMatch(value -> value.name().equals(delivery.asText()))) {
      throw new InvalidMailRequestException("\"delivery\" phải là IMMEDIATE, DIGEST hoặc NONE");
    }
    directory.setDelivery(caller.getUserId(), Delivery.valueOf(delivery.asText()));
    log.info("{} chose {} mail", caller.getUserId(), delivery.asText());
    return preferences();
  }

  @GetMapping(value = "/mailboxes", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> mailboxes() {
    administratorOnly();
    return Map.of("mailboxes", directory.mailboxes());
  }

  @PutMapping(value = "/mailboxes/{agency}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> setMailbox(@PathVariable String agency, InputStream body) throws IOException {
    Authentication caller = administratorOnly();
    if (agencies.find(agency).isEmpty()) {
      throw new InvalidMailRequestException("không có cơ quan mã \"" + shorten(agency) + "\"");
    }
    JsonNode request = JSON.readTree(body);
    JsonNode address = request == null ? null : request.get("address");
    if (address == null || !address.isTextual()) {
      throw new InvalidMailRequestException("thiếu \"address\" (địa chỉ thư điện tử)");
    }
    directory.setMailbox(agency, validAddress(address.asText()), caller.getUserId());
    log.info("{} set the mailbox of {}", caller.getUserId(), agency);
    return mailboxes();
  }

  @DeleteMapping(value = "/mailboxes/{agency}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> removeMailbox(@PathVariable String agency) {
    Authentication caller = administratorOnly();
    if (directory.removeMailbox(agency)) {
      log.info("{} removed the mailbox of {}", caller.getUserId(), agency);
    }
    return mailboxes();
  }

  @GetMapping(value = "/sent", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> sent(@RequestParam(name = "limit", defaultValue = "50") int limit) {
    Authentication caller = caller();
    if (limit < 1 || limit > MAX_LISTED) {
      throw new InvalidMailRequestException("\"limit\" phải từ 1 đến " + MAX_LISTED);
    }
    List<Map<String, Object>> mails = outbox.recent(administrator(caller) ? null : caller.getUserId(), limit);
    return Map.of("mails", mails, "all", administrator(caller));
  }

  /** One address, as a mail server will take it; the display name part is not allowed. */
  static String validAddress(String text) {
    String address = text.strip();
    if (address.isEmpty() || address.length() > 320 || address.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidMailRequestException("địa chỉ thư điện tử không hợp lệ");
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      if (parsed.getPersonal() != null || !address.equals(parsed.getAddress()) || !address.contains("@")) {
        throw new InvalidMailRequestException("địa chỉ thư điện tử không hợp lệ");
      }
    } catch (AddressException e) {
      throw new InvalidMailRequestException("địa chỉ thư điện tử không hợp lệ");
    }
    return address;
  }

  private Authentication caller() {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new SecurityException("Cần đăng nhập");
    }
    return caller;
  }

  private Authentication administratorOnly() {
    Authentication caller = caller();
    if (!administrator(caller)) {
      throw new MailForbiddenException("Chỉ quản trị viên được đặt hộp thư của cơ quan");
    }
    return caller;
  }

  private static boolean administrator(Authentication caller) {
    return caller.getGroupIds() != null && caller.getGroupIds().contains(Roles.ADMINISTRATORS);
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  @ExceptionHandler(InvalidMailRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidMailRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Yêu cầu chưa hợp lệ", e.getMessage());
  }

  @ExceptionHandler(com.fasterxml.jackson.core.JsonProcessingException.class)
  ResponseEntity<ProblemDetail> unreadable(com.fasterxml.jackson.core.JsonProcessingException e) {
    return problem(HttpStatus.BAD_REQUEST, "Yêu cầu chưa hợp lệ", "nội dung không đọc được như JSON");
  }

  @ExceptionHandler(MailForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(MailForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "Không được phép", e.getMessage());
  }

  @ExceptionHandler(SecurityException.class)
  ResponseEntity<ProblemDetail> unauthenticated(SecurityException e) {
    return problem(HttpStatus.UNAUTHORIZED, "Cần đăng nhập", e.getMessage());
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:directive-tracker:mail"));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  static final class InvalidMailRequestException extends RuntimeException {
    InvalidMailRequestException(String message) {
      super(message);
    }
  }

  static final class MailForbiddenException extends RuntimeException {
    MailForbiddenException(String message) {
      super(message);
    }
  }
}
