package vn.directivetracker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
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
 *   <li>A body without a length (chunked): the request is wrapped so that reading past the limit
 *       fails. Whatever the code downstream makes of that failure (a 400 from a parser, a 500 from
 *       an exception mapper), its answer is discarded and the client gets 413: the response is
 *       wrapped too, and ignores everything written after the limit was passed.
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
    LimitedRequest limited = new LimitedRequest(request, limit);
    GuardedResponse guarded = new GuardedResponse(response, limited::overflowed);
    try {
      chain.doFilter(limited, guarded);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!limited.overflowed()) {
        throw e;
      }
      // the failure is the overflow, seen through whatever wrapped it (a parser's own exception)
    }
    if (limited.overflowed()) {
      if (response.isCommitted()) {
        log.warn("{} {}: body over {} bytes, but the answer was already sent", request.getMethod(),
            request.getRequestURI(), limit);
      } else {
        refuse(request, response, limit);
      }
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
    log.info("Refused {} {}: body over {} bytes", request.getMethod(), request.getRequestURI(), limit);
    Problems.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request too large",
        "The request body is larger than " + limit + " bytes", Map.of("maxBytes", limit));
  }

  /** Thrown by the wrapped body when more than the limit is read. */
  static final class RequestBodyTooLargeException extends IOException {
    RequestBodyTooLargeException(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }

  /** The request with a body that cannot be read past the limit. */
  static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private volatile boolean overflowed;
    private long read;
    private ServletInputStream stream;
    private BufferedReader reader;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    boolean overflowed() {
      return overflowed;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (reader != null) {
        throw new IllegalStateException("getReader() has already been called for this request");
      }
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        if (stream != null) {
          throw new IllegalStateException("getInputStream() has already been called for this request");
        }
        String encoding = getCharacterEncoding();
        ServletInputStream body = new LimitedInputStream(super.getInputStream());
        reader = new BufferedReader(new InputStreamReader(body,
            encoding == null ? StandardCharsets.ISO_8859_1.name() : encoding));
      }
      return reader;
    }

    private void count(long bytes) throws RequestBodyTooLargeException {
      read += bytes;
      if (read > limit) {
        overflowed = true;
        throw new RequestBodyTooLargeException(limit);
      }
    }

    private final class LimitedInputStream extends ServletInputStream {

      private final ServletInputStream in;

      LimitedInputStream(ServletInputStream in) {
        this.in = in;
      }

      @Override
      public int read() throws IOException {
        failIfOverflowed();
        int b = in.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        failIfOverflowed();
        int n = in.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void failIfOverflowed() throws RequestBodyTooLargeException {
        if (overflowed) {
          throw new RequestBodyTooLargeException(limit);
        }
      }

      @Override
      public boolean isFinished() {
        return in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    }
  }

  /** The response, until the request's body has passed its limit; after that it takes nothing. */
  static final class GuardedResponse extends HttpServletResponseWrapper {

    private final BooleanSupplier discarding;

    GuardedResponse(HttpServletResponse response, BooleanSupplier discarding) {
      super(response);
      this.discarding = discarding;
    }

    private boolean open() {
      return !discarding.getAsBoolean();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      ServletOutputStream real = super.getOutputStream();
      return new ServletOutputStream() {
        @Override
        public void write(int b) throws IOException {
          if (open()) {
            real.write(b);
          }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          if (open()) {
            real.write(bytes, offset, length);
          }
        }

        @Override
        public void flush() throws IOException {
          if (open()) {
            real.flush();
          }
        }

        @Override
        public void close() throws IOException {
          if (open()) {
            real.close();
          }
        }

        @Override
        public boolean isReady() {
          return real.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          real.setWriteListener(listener);
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      Writer real = super.getWriter();
      return new PrintWriter(new Writer() {
        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
          if (open()) {
            real.write(chars, offset, length);
          }
        }

        @Override
        public void flush() throws IOException {
          if (open()) {
            real.flush();
          }
        }

        @Override
        public void close() throws IOException {
          if (open()) {
            real.close();
          }
        }
      });
    }

    @Override
    public void flushBuffer() throws IOException {
      if (open()) {
        super.flushBuffer();
      }
    }

    @Override
    public void setStatus(int status) {
      if (open()) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (open()) {
        super.sendError(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (open()) {
        super.sendError(status, message);
      }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      if (open()) {
        super.sendRedirect(location);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (open()) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (open()) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (open()) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void addIntHeader(String name, int value) {
      if (open()) {
        super.addIntHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (open()) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (open()) {
        super.addDateHeader(name, date);
      }
    }

    @Override
    public void setContentType(String type) {
      if (open()) {
        super.setContentType(type);
      }
    }

    @Override
    public void setContentLength(int length) {
      if (open()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (open()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setCharacterEncoding(String encoding) {
      if (open()) {
        super.setCharacterEncoding(encoding);
      }
    }

    @Override
    public void setLocale(Locale locale) {
      if (open()) {
        super.setLocale(locale);
      }
    }

    @Override
    public void reset() {
      if (open()) {
        super.reset();
      }
    }

    @Override
    public void resetBuffer() {
      if (open()) {
        super.resetBuffer();
      }
    }
  }
}
