package vn.directivetracker.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import vn.directivetracker.web.Problems;

/**
 * HTTP Basic against the engine's users, without the {@code WWW-Authenticate: Basic} challenge.
 * With the challenge, a browser asks for a password, caches it, and then sends it on every request
 * to this site, also on the requests another site's page makes it send. Scripts send their
 * credentials pre-emptively ({@code curl -u}) and do not need the challenge.
 *
 * <p>Camunda's ProcessEngineAuthenticationFilter has already set status 401 when it calls
 * {@link #augmentResponseByAuthenticationChallenge}; this only adds a problem body.
 */
public class BasicWithoutChallengeAuthenticationProvider extends HttpBasicAuthenticationProvider {

  static final String TITLE = "Unauthorized";
  static final String DETAIL = "Authentication required: send HTTP Basic credentials or sign in";

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    writeUnauthorized(response);
  }

  static void writeUnauthorized(HttpServletResponse response) {
    try {
      Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, TITLE, DETAIL);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True if the request carries Basic credentials (right or wrong). */
  static boolean hasBasicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.startsWith(BASIC_AUTH_HEADER_PREFIX);
  }
}
