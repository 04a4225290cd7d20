package vn.directivetracker.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.directivetracker.web.Problems;

/**
 * While the database does not answer ({@link DatabaseReachability}), the APIs answer 503 with a
 * Retry-After at once, instead of holding the request for the pool's connection timeout and then
 * answering a 500. Nothing is written, so nothing is half-written.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

  static final int RETRY_AFTER_SECONDS = 10;

  private final DatabaseReachability database;

  public DatabaseOutageFilter(DatabaseReachability database) {
    this.database = database;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (database.reachable()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    Problems.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Database unavailable",
        "Cơ sở dữ liệu tạm thời không trả lời; chưa có gì được ghi. Hãy thử lại sau ít phút.",
        Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
  }
}
