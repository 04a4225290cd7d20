package vn.directivetracker.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser signed in to one of the Camunda webapps, as Tasklist's own scripts call the server:
 * the session cookie plus the CSRF token Camunda handed out, on {@code /camunda/api/...}.
 */
public final class WebappSession {

  private final int port;
  private final HttpClient browser;
  private final String csrf;
  private final int loginStatus;

  private WebappSession(int port, HttpClient browser, String csrf, int loginStatus) {
    this.port = port;
    this.browser = browser;
    this.csrf = csrf;
    this.loginStatus = loginStatus;
  }

  /** Signs in to {@code app} (tasklist, cockpit, admin) with the demo password. */
  public static WebappSession login(int port, String app, String user) throws Exception {
    return login(port, app, user, "demo");
  }

  public static WebappSession login(int port, String app, String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
    String form = "username=" + URLEncoder.encode(user, UTF_8) + "&password=" + URLEncoder.encode(password, UTF_8);
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(form, UTF_8)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    // signing in starts a new session; its token comes with the next answer, as the webapps pick it up
    HttpResponse<Void> next = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.discarding());
    String token = next.headers().firstValue("X-XSRF-TOKEN").orElse(cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(csrf));
    return new WebappSession(port, browser, token, login.statusCode());
  }

  /**
   * The same browser (its cookies and CSRF token) talking to another node, as behind a load balancer that
   * sends the next request elsewhere: cookies carry no port, so the session cookie goes along.
   */
  public WebappSession on(int otherPort) {
    return new WebappSession(otherPort, browser, csrf, loginStatus);
  }

  public String csrfToken() {
    return csrf;
  }

  public int loginStatus() {
    return loginStatus;
  }

  /** A call as the webapp's scripts make it: session cookie, CSRF header, JSON body. */
  public HttpResponse<String> send(String method, String path, String json) throws Exception {
    return send(method, path, json, "application/json");
  }

  /** A write with the session cookie but without the CSRF token, as another site's page could make the browser send. */
  public HttpResponse<String> sendWithoutToken(String method, String path, String json) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json, UTF_8)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  /** As {@link #send(String, String, String)} with the Accept header Tasklist sends (e.g. HAL for filter lists). */
  public HttpResponse<String> send(String method, String path, String json, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-XSRF-TOKEN", csrf).header("Accept", accept)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, UTF_8));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }
}
