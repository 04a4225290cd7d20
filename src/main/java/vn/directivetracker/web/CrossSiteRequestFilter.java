package vn.directivetracker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses writes (POST, PUT, PATCH, DELETE) that another site's page makes the browser send, on
 * /api, /engine-rest and /camunda/api. A browser may attach the webapps' session cookie or Basic
 * credentials it has cached to such a request, so the password alone proves nothing about who
 * wanted the write.
 *
 * <ul>
 *   <li>403 when the {@code Origin} header is present and is not this server's own origin, or when
 *       {@code Sec-Fetch-Site} is {@code cross-site}. Scripts (curl, other servers) send neither
 *       header and are not affected.
 *   <li>On /api only, 415 for the three content types an HTML form or a no-CORS fetch can send to
 *       another site without a CORS preflight ({@code text/plain}, form-urlencoded, multipart): a
 *       browser that sends no Origin (old ones, some privacy settings) still cannot forge a write.
 * </ul>
 *
 * <p>"Own origin" is scheme, host and port as this server sees the request
 * ({@link HttpServletRequest#getScheme()}, {@link HttpServletRequest#getServerName()},
 * {@link HttpServletRequest#getServerPort()}). {@code X-Forwarded-*} headers are not read here: behind
 * a proxy that terminates TLS or changes the host name, set {@code server.forward-headers-strategy}
 * ({@code native} or {@code framework}), which makes those methods return the public origin;
 * without it every browser write through the proxy is refused.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

  /** What the application's API reads; none of these can be sent cross-site without a preflight. */
  public static final List<String> ACCEPTED_API_TYPES =
      List.of("application/json", "application/yaml", "application/x-yaml", "text/yaml");

  /** The one /api write that reads text and files (see {@link #isDraftUpload}). */
  public static final String DRAFTS_PATH = "/api/notices/drafts";

  private static final Set<String> UNSAFE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> FORM_SENDABLE_TYPES =
      Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

  private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!UNSAFE_METHODS.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String origin = request.getHeader("Origin");
    boolean crossSiteFetch = "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
    if (crossSiteFetch || origin != null && !isOwnOrigin(origin, request)) {
      log.info("Refused cross-site {} {} (Origin {}, Sec-Fetch-Site {})", request.getMethod(), request.getRequestURI(),
          origin, request.getHeader("Sec-Fetch-Site"));
      Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Cross-site request refused",
          "Writes are accepted only from this application's own pages or from scripts without a browser");
      return;
    }
    String path = Paths.inApplication(request);
    if ((path.equals("/api") || path.startsWith("/api/")) && isFormSendable(request.getContentType())
        && !isDraftUpload(path, request.getContentType())) {
      Problems.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
          "Content type " + request.getContentType() + " is not accepted for writes to /api; send "
              + String.join(", ", ACCEPTED_API_TYPES),
          Map.of("accepted", ACCEPTED_API_TYPES));
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isOwnOrigin(String origin, HttpServletRequest request) {
    URI uri;
    try {
      uri = new URI(origin.trim());
    } catch (URISyntaxException e) {
      return false;
    }
    // "null" (sandboxed frames, some redirects) has neither scheme nor host: never our own
    if (uri.getScheme() == null || uri.getHost() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    return scheme.equalsIgnoreCase(request.getScheme()) && uri.getHost().equalsIgnoreCase(request.getServerName())
        && port == request.getServerPort();
  }

  /**
   * {@code POST /api/notices/drafts} reads a pasted text or an uploaded file and writes nothing, so
   * it takes text/plain and multipart; the Origin and Sec-Fetch-Site checks above still apply, and
   * another site cannot read the answer (no CORS).
   */
  private static boolean isDraftUpload(String path, String contentType) {
    if (!path.equals(DRAFTS_PATH)) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isCompatibleWith(MediaType.TEXT_PLAIN) || type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static boolean isFormSendable(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      // no body type at all: the controller's own "consumes" decides (415 for a body it cannot read)
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return FORM_SENDABLE_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    } catch (InvalidMediaTypeException e) {
      // browsers are lenient with what they send as text/plain; a type we cannot read is refused too
      return true;
    }
  }
}
