package vn.directivetracker.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code directive-tracker.http}: the largest request bodies the APIs accept (checked by
 * {@link RequestSizeLimitFilter} before anything reads the body).
 *
 * @param maxRequestBytes every request to /api, /engine-rest and /camunda/api; default 1 MiB. Spring's
 *     multipart limits and Tomcat's form limit are set to the same value in application.yaml.
 * @param maxNoticeBytes {@code POST /api/notices} (a whole notice with all its items); default 2 MiB
 */
@ConfigurationProperties("directive-tracker.http")
public record HttpLimits(
    @DefaultValue("1048576") long maxRequestBytes,
    @DefaultValue("2097152") long maxNoticeBytes) {

  public HttpLimits {
    if (maxRequestBytes < 1 || maxNoticeBytes < 1) {
      throw new IllegalArgumentException("directive-tracker.http.max-request-bytes and max-notice-bytes must be"
          + " at least 1, were " + maxRequestBytes + " and " + maxNoticeBytes);
    }
  }

  /** The limit for one request, by method and path inside the application (without the context path). */
  public long limitFor(String method, String path) {
    boolean noticeImport = "POST".equals(method) && ("/api/notices".equals(path) || "/api/notices/".equals(path));
    return noticeImport ? maxNoticeBytes : maxRequestBytes;
  }
}
