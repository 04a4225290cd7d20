package vn.directivetracker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies on /api, /engine-rest and /camunda/api are limited ({@link HttpLimits}) before
 * anything parses them: a JSON or YAML parser, Camunda's multipart reader or Spring's form filter
 * would otherwise hold any size in memory.
 *
 * <ul>
 *   <li>A declared {@code Content-Length} over the limit: 413 at once, the body is never read.
 *   <li>A body without a length (chunked): read here up to the limit; one byte more and the answer
 *       is 413, otherwise the code downstream reads the bytes read here.
 * </ul>
 *
 * <p>Parsing that the container does itself reads past this filter: Tomcat's form parameters
 * ({@code server.tomcat.max-http-form-post-size}) and Servlet multipart parts
 * ({@code spring.servlet.multipart.*}); application.yaml sets both to {@code max-request-bytes}.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

  private final HttpLimits limits;

  public RequestSizeLimitFilter(HttpLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limits.limitFor(request.getMethod(), Paths.inApplication(request));
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(request, response, limit);
      return;
    }
    // with a declared length within the limit the container reads no more than that
    if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limit + 1));
    if (body.length > limit) {
      refuse(request, response, limit);
      return;
    }
    chain.doFilter(new ReadBody(request, body), response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
    log.info("Refused {} {}: body over {} bytes", request.getMethod(), request.getRequestURI(), limit);
    Problems.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request too large",
        "The request body is larger than " + limit + " bytes", Map.of("maxBytes", limit));
  }

  /** The request with its body read already (within the limit). */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body has been read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.ISO_8859_1.name() : encoding));
    }
  }
}
