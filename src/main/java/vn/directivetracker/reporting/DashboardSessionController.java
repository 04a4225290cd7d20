package vn.directivetracker.reporting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard signs in and out through the Camunda webapps' own login, which wants the session's
 * CSRF token in an {@code X-XSRF-TOKEN} header. Camunda hands that token out only once, when it
 * creates it (response header of the first GET under /camunda, and a cookie whose path is
 * /camunda, which a page at /dashboard cannot read). A user who has opened Tasklist before, or who
 * reloads the dashboard, has a token the page cannot see: this reads it back from the session.
 * Only same-origin scripts can read the answer (no CORS), as with Camunda's own header.
 */
@RestController
public class DashboardSessionController {

  @GetMapping(value = "/dashboard/xsrf-token", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> xsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(token instanceof String value ? Map.of("token", value) : Map.of());
  }
}
