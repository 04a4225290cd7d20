package vn.directivetracker.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an RFC 9457 {@code application/problem+json} answer from a servlet filter or an
 * authentication provider, where Spring MVC's exception handlers do not run. Only the title, the
 * status and a detail chosen by the caller go out: never an exception's message or class.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
    write(response, status, title, detail, Map.of());
  }

  /**
   * @param extra further members of the problem (e.g. the accepted media types); must be plain values
   */
  public static void write(HttpServletResponse response, int status, String title, String detail,
      Map<String, ?> extra) throws IOException {
    if (response.isCommitted()) {
      // too late to change the answer; the caller has made sure this does not happen where it matters
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.putAll(extra);
    byte[] body = JSON.writeValueAsBytes(problem);
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
    } catch (IllegalStateException writerInUse) {
      // something downstream already took the writer (and wrote nothing that stayed: buffer reset above)
      response.getWriter().write(new String(body, StandardCharsets.UTF_8));
    }
    response.flushBuffer();
  }
}
