package vn.directivetracker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on the dashboard and the APIs (/dashboard, /api, /engine-rest, /actuator). The Camunda
 * webapps under /camunda send their own (Camunda's HttpHeaderSecurityFilter) and are left alone.
 *
 * <p>The dashboard loads only its own script, stylesheet and data: nothing inline, nothing from
 * elsewhere, and no page may frame it. API answers are data, never a page: their policy allows
 * nothing at all, so a JSON or CSV answer opened as a document cannot run or load anything.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  public static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
      + "object-src 'none'";
  public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = Paths.inApplication(request);
    boolean dashboard = path.equals("/dashboard") || path.startsWith("/dashboard/");
    // set before the chain, so they are there even when an answer is committed early (streamed exports)
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Content-Security-Policy", dashboard ? DASHBOARD_POLICY : API_POLICY);
    chain.doFilter(request, response);
  }
}
