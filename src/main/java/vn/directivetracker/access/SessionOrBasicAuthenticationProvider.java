package vn.directivetracker.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * The application's API accepts the webapps' login: a user signed in to Tasklist or Cockpit reads
 * the reports (and opens their links) without signing in again. Only for reading (GET/HEAD): a
 * write with the session cookie alone could be forged by another site, so writes keep HTTP Basic.
 * Calls from the dashboard's scripts (X-Requested-With) get a plain 401 without the Basic
 * challenge, so the browser shows the dashboard's own login, not its password dialog.
 */
public class SessionOrBasicAuthenticationProvider implements AuthenticationProvider {

  private static final ThreadLocal<Boolean> SCRIPTED_CALL = new ThreadLocal<>();

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    HttpSession session = request.getSession(false);
    if (reading && session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication user = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(engine.getName());
      if (user != null && user.getIdentityId() != null) {
        // groups are looked up afresh by the filter, not taken from the session's cache
        return AuthenticationResult.successful(user.getIdentityId());
      }
    }
    AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
    if (!result.isAuthenticated() && request.getHeader("X-Requested-With") != null) {
      SCRIPTED_CALL.set(Boolean.TRUE);
    }
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    boolean scripted = Boolean.TRUE.equals(SCRIPTED_CALL.get());
    SCRIPTED_CALL.remove();
    if (!scripted) {
      basic.augmentResponseByAuthenticationChallenge(response, engine);
    }
  }
}
