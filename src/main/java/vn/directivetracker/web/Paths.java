package vn.directivetracker.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request goes inside the application, whichever servlet (Spring MVC, Jersey) serves it. */
public final class Paths {

  private Paths() {}

  /** Decoded and normalised by the container, without the context path, e.g. {@code /api/notices}. */
  public static String inApplication(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }
}
