package vn.directivetracker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A webapp logout ends the whole session, not only the login in it. Camunda's logout removes the login
 * from the session's {@code Authentications} and its AuthenticationFilter writes that object back at the
 * end of every request. With the session in the database (Spring Session JDBC), a request that was
 * already running on another node when the user logged out would write its own copy back, login
 * included, and sign the user in again. Deleting the session row makes such a late write land nowhere.
 * The CSRF token moves to the new session, so the page that logged out can sign in again as before.
 *
 * <p>Registered outside Camunda's filters (which the webapp starter adds after every registration
 * bean), so Camunda has written its session back before this runs.
 */
public class LogoutEndsSessionFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (!"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/logout")
        || response.getStatus() >= 300) {
      return;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return;
    }
    Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    session.invalidate();
    if (token != null && !response.isCommitted()) {
      request.getSession(true).setAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME, token);
    }
  }
}
