package vn.directivetracker.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.directivetracker.web.Problems;

/**
 * Lets only members of {@link Roles#ADMINISTRATORS} through; everyone else who signed in gets 403.
 * Runs after Camunda's ProcessEngineAuthenticationFilter, which has answered 401 to anonymous callers
 * and set the caller's user and groups (read afresh from the identity service) on the engine it
 * addresses: the engine named {@code default}, looked up the same way here.
 */
public class AdministratorsOnlyFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  static final String DETAIL = "Only administrators (group " + Roles.ADMINISTRATORS + ") may read this";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // by name, as the authentication filter does for every path outside /engine/{name}
    ProcessEngine engine = EngineUtil.lookupProcessEngine(ENGINE);
    Authentication caller = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
    boolean administrator = caller != null && caller.getGroupIds() != null
        && caller.getGroupIds().contains(Roles.ADMINISTRATORS);
    if (!administrator) {
      Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", DETAIL);
      return;
    }
    chain.doFilter(request, response);
  }
}
