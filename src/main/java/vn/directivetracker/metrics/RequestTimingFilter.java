package vn.directivetracker.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.directivetracker.web.Paths;

/**
 * Times every request as {@code dt.http.requests}, tags {@code method}, {@code area} and
 * {@code status} (the class: 2xx, 4xx...). Spring Boot's {@code http.server.requests} times only what
 * Spring MVC maps (the engine REST API and the webapps' API are Jersey and would all be "UNKNOWN"
 * there); this covers every servlet, from the first filter to the last byte.
 *
 * <p>No path or id is a tag: one series per directive or task would grow without bound. Methods
 * other than the usual ones share {@code OTHER}, since a caller chooses the method.
 */
public class RequestTimingFilter extends OncePerRequestFilter {

  static final String METER = "dt.http.requests";

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final MeterRegistry registry;

  public RequestTimingFilter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      if (!failed && request.isAsyncStarted()) {
        // a streamed export (StreamingResponseBody) ends after this thread has left the chain
        request.getAsyncContext().addListener(new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            record(request, response.getStatus(), start);
          }

          // after a time-out or an error the container still completes the request and calls onComplete
          @Override
          public void onTimeout(AsyncEvent event) {}

          @Override
          public void onError(AsyncEvent event) {}

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
      } else {
        // an exception escaping the chain becomes the container's 500
        record(request, failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(), start);
      }
    }
  }

  private void record(HttpServletRequest request, int status, long start) {
    Timer.builder(METER)
        .description("HTTP requests by area (api, engine-rest, webapp-api, dashboard, other)")
        .tag("method", method(request.getMethod()))
        .tag("area", area(Paths.inApplication(request)))
        .tag("status", statusClass(status))
        .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10))
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - start));
  }

  static String method(String method) {
    String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
    return METHODS.contains(upper) ? upper : "OTHER";
  }

  /** @param path inside the application, without the context path */
  static String area(String path) {
    if (under(path, "/api")) {
      return "api";
    }
    if (under(path, "/engine-rest")) {
      return "engine-rest";
    }
    if (under(path, "/camunda/api")) {
      return "webapp-api";
    }
    if (under(path, "/dashboard")) {
      return "dashboard";
    }
    return "other";
  }

  static String statusClass(int status) {
    return status >= 100 && status < 600 ? status / 100 + "xx" : "other";
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
