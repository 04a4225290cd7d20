package vn.directivetracker.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import vn.directivetracker.web.Problems;

/**
 * The application's API (/api) accepts the webapps' login: a user signed in to Tasklist, Cockpit or
 * the dashboard reads the reports (and opens their links) without signing in again.
 *
 * <ul>
 *   <li>Reading (GET, HEAD): the session, else HTTP Basic.
 *   <li>Writing: the session only with the session's CSRF token in {@code X-XSRF-TOKEN} (the token
 *       Camunda's webapps use, which the dashboard reads from /dashboard/xsrf-token); another site's
 *       page can make the browser send the cookie but cannot read the token. Without the token, HTTP
 *       Basic sent with the request; a session-only write without the right token gets 403.
 *   <li>Nobody gets a {@code WWW-Authenticate: Basic} challenge (see
 *       {@link BasicWithoutChallengeAuthenticationProvider}): 401 with a problem body.
 * </ul>
 */
public class SessionOrBasicAuthenticationProvider implements AuthenticationProvider {

  /**
   * Why the last request on this thread was refused. Camunda's filter calls
   * {@link #augmentResponseByAuthenticationChallenge} right after a failed
   * {@link #extractAuthenticatedUser}, on the same thread, with the response only.
   */
  private static final ThreadLocal<Boolean> CSRF_REFUSED = new ThreadLocal<>();

  private final BasicWithoutChallengeAuthenticationProvider basic = new BasicWithoutChallengeAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    CSRF_REFUSED.remove();
    HttpSession session = request.getSession(false);
    String sessionUser = session == null ? null : sessionUser(session, engine);
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (sessionUser != null && (reading || carriesSessionToken(request, session))) {
      // groups are looked up afresh by the filter, not taken from the session's cache
      return AuthenticationResult.successful(sessionUser);
    }
    if (sessionUser != null && !BasicWithoutChallengeAuthenticationProvider.hasBasicCredentials(request)) {
      CSRF_REFUSED.set(Boolean.TRUE);
      return AuthenticationResult.unsuccessful(sessionUser);
    }
    return basic.extractAuthenticatedUser(request, engine);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    boolean csrf = Boolean.TRUE.equals(CSRF_REFUSED.get());
    CSRF_REFUSED.remove();
    if (!csrf) {
      basic.augmentResponseByAuthenticationChallenge(response, engine);
      return;
    }
    try {
      Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "CSRF token missing or wrong: a write with the browser session needs the session's token in X-XSRF-TOKEN");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sessionUser(HttpSession session, ProcessEngine engine) {
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    return user == null ? null : user.getIdentityId();
  }

  /** The request's X-XSRF-TOKEN is the session's CSRF token, compared in constant time. */
  private static boolean carriesSessionToken(HttpServletRequest request, HttpSession session) {
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    if (sent == null || !(expected instanceof String token) || token.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
