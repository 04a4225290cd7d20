package vn.directivetracker.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

/** Calls the running test application over real HTTP, as a demo user (password {@code demo}) or anonymously. */
public final class Http {

  private Http() {}

  /**
   * @param user demo login, or null for an anonymous call
   * @param contentType of {@code body}; ignored when body is null
   */
  public static HttpResponse<String> call(int port, String method, String path, String user, String contentType,
      String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, UTF_8));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }
}
