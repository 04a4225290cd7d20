package vn.directivetracker.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import vn.directivetracker.support.AppInstance;
import vn.directivetracker.support.FirstProcessPath;
import vn.directivetracker.support.PostgresTestDatabase;
import vn.directivetracker.support.WebappSession;

/**
 * Two nodes of the application on one PostgreSQL database, as behind a load balancer without sticky
 * sessions (issue 14, "Sessions across nodes"): the webapps' session lives in the database (Spring
 * Session JDBC), so a login on one node holds on the other, for reading and for writing, and a logout on
 * either ends it on both. A made-up or expired session id is refused on both.
 */
class SessionsAcrossNodesPostgresTest {

  private static final String USER = "reviewer-vpcp";
  // Both nodes run in this JVM, and Camunda keeps its engines in a static registry by name: the webapps and
  // the API filters of both nodes use the engine of the node started last (B) while each node's own beans use
  // its own engine. Both engines work on the one database, so this changes nothing for the sessions, which
  // each node reads and writes through its own Spring Session repository and connection pool; the calls to
  // the application's own API go to B, whose beans and filters share the engine.
  private static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private static PostgresTestDatabase database;
  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void twoNodesOnOneDatabase() {
    database = PostgresTestDatabase.create();
    // one after the other: starting together is another part of issue 14
    nodeA = startNode();
    nodeB = startNode();
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
      if (node != null) {
        node.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aLoginOnOneNodeReadsAndWritesOnTheOtherAndALogoutOnEitherEndsItOnBoth() throws Exception {
    ProcessInstance directive = FirstProcessPath.start(engine(nodeA), "SESSION/" + UUID.randomUUID());
    String taskId = engine(nodeA).getTaskService().createTaskQuery().processInstanceId(directive.getId())
        .singleResult().getId();

    WebappSession onA = WebappSession.login(port(nodeA), "tasklist", USER);
    assertThat(onA.loginStatus()).isEqualTo(200);
    WebappSession onB = onA.on(port(nodeB));

    // read on B: who am I, and the task list
    HttpResponse<String> me = onB.send("GET", "/camunda/api/admin/auth/user/default", null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(me.body()).contains("\"userId\":\"" + USER + "\"");
    HttpResponse<String> list = onB.send("GET", ENGINE_API + "/task?processInstanceId=" + directive.getId(), null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains(taskId);

    // write on B with the session and the token A handed out: claim the task
    HttpResponse<String> claim = onB.send("POST", ENGINE_API + "/task/" + taskId + "/claim",
        "{\"userId\": \"" + USER + "\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    Task claimed = engine(nodeA).getTaskService().createTaskQuery().taskId(taskId).singleResult();
    assertThat(claimed.getAssignee()).isEqualTo(USER);
    // the application's own API and the dashboard take the same session on B (SessionOrBasicAuthenticationProvider)
    HttpResponse<String> viewer = onB.send("GET", "/api/reports/viewer", null);
    assertThat(viewer.statusCode()).as(viewer.body()).isEqualTo(200);
    assertThat(viewer.body()).contains("\"userId\":\"" + USER + "\"");
    assertThat(onB.send("GET", "/dashboard/xsrf-token", null).body()).contains(onA.csrfToken());

    // back on A: still signed in, and sees B's write
    HttpResponse<String> onABack = onA.send("GET", ENGINE_API + "/task/" + taskId, null);
    assertThat(onABack.statusCode()).as(onABack.body()).isEqualTo(200);
    assertThat(onABack.body()).contains("\"assignee\":\"" + USER + "\"");

    // logout on B ends the login on A
    HttpResponse<String> logout = onB.send("POST", "/camunda/api/admin/auth/user/default/logout", null);
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
    assertThat(onA.send("GET", ENGINE_API + "/task?processInstanceId=" + directive.getId(), null).statusCode())
        .isEqualTo(401);
    assertThat(onA.send("GET", "/camunda/api/admin/auth/user/default", null).statusCode()).isNotEqualTo(200);
    assertThat(onA.send("POST", ENGINE_API + "/task/" + taskId + "/unclaim", "{}").statusCode()).isEqualTo(401);
    assertThat(engine(nodeA).getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo(USER);
  }

  @Test
  void aWriteWithoutTheTokenOnOneNodeEndsTheSessionOnBoth() throws Exception {
    WebappSession onA = WebappSession.login(port(nodeA), "tasklist", USER);
    WebappSession onB = onA.on(port(nodeB));
    assertThat(onA.send("GET", ENGINE_API + "/task", null).statusCode()).isEqualTo(200);
    // Camunda's CSRF filter refuses the write and invalidates the session: in the database, so on A as well
    assertThat(onB.sendWithoutToken("POST", ENGINE_API + "/task/create", "{\"name\": \"x\"}").statusCode())
        .isEqualTo(403);
    assertThat(onA.send("GET", ENGINE_API + "/task", null).statusCode()).isEqualTo(401);
    assertThat(onB.send("GET", ENGINE_API + "/task", null).statusCode()).isEqualTo(401);
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void aRequestStillRunningOnOneNodeWhenTheUserLogsOutOnTheOtherDoesNotSignThemInAgain() throws Exception {
    WebappSession onA = WebappSession.login(port(nodeA), "tasklist", USER);
    WebappSession onB = onA.on(port(nodeB));
    assertThat(onA.send("GET", ENGINE_API + "/task", null).statusCode()).isEqualTo(200);
    String sessionId = sessionIdHoldingToken(onA.csrfToken());

    // a request on A read the session before the logout on B ...
    SessionRepository sessions = nodeA.getBean(SessionRepository.class);
    Session running = sessions.findById(sessionId);
    assertThat(running).isNotNull();
    HttpResponse<String> logout = onB.send("POST", "/camunda/api/admin/auth/user/default/logout", null);
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
    // ... and ends after it, writing its copy of the login back as Camunda's AuthenticationFilter does
    running.setAttribute("authenticatedUser", running.getAttribute("authenticatedUser"));
    sessions.save(running);

    assertThat(onA.send("GET", ENGINE_API + "/task", null).statusCode()).isEqualTo(401);
    assertThat(withCookie(port(nodeA), "SESSION=" + Base64.getEncoder().encodeToString(sessionId.getBytes(UTF_8)),
        ENGINE_API + "/task").statusCode()).isEqualTo(401);
    // the page that logged out signs in again with the token it has
    HttpResponse<String> again = onB.send("GET", "/dashboard/xsrf-token", null);
    assertThat(again.body()).contains(onA.csrfToken());
  }

  @Test
  void everythingTheSessionHoldsIsStoredSerializedAndReadsBack() throws Exception {
    WebappSession.login(port(nodeB), "tasklist", USER);
    Map<String, Object> attributes = new HashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select a.attribute_name, a.attribute_bytes from spring_session s"
            + " join spring_session_attributes a on a.session_primary_id = s.primary_id"
            + " where exists (select 1 from spring_session_attributes u where u.session_primary_id = s.primary_id"
            + " and u.attribute_name = 'authenticatedUser')")) {
      while (rows.next()) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(rows.getBytes(2)))) {
          Object value = in.readObject();
          if (value instanceof Authentications authentications
              && authentications.getAuthentications().stream().anyMatch(a -> a.getIdentityId().equals(USER))) {
            attributes.put(rows.getString(1), value);
          } else if (!(value instanceof Authentications)) {
            attributes.putIfAbsent(rows.getString(1), value);
          }
        }
      }
    }
    // every attribute of a signed-in session read back above with plain Java serialization; there are two:
    // Camunda's login and its CSRF token (HttpSessionMutexListener's mutexes are not set: Spring Session does
    // not call servlet session listeners, and Camunda then locks on the session object, per request)
    assertThat(attributes).containsOnlyKeys("authenticatedUser", "CAMUNDA_CSRF_TOKEN");
    assertThat(attributes.get("CAMUNDA_CSRF_TOKEN")).isInstanceOf(String.class);
    Authentications login = (Authentications) attributes.get("authenticatedUser");
    assertThat(login.getAuthenticationForProcessEngine("default").getIdentityId()).isEqualTo(USER);
    assertThat(login.getAuthentications().get(0).getGroupIds()).contains("VPCP");
    assertThat(login.getAuthentications().get(0).isAuthorizedForApp("tasklist")).isTrue();
  }

  @Test
  void aMadeUpSessionIdIsRefusedOnBothNodes() throws Exception {
    String forged = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(UTF_8));
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
      for (String cookie : new String[] {forged, "not-a-session", ""}) {
        HttpResponse<String> answer = withCookie(port(node), "SESSION=" + cookie, ENGINE_API + "/task");
        assertThat(answer.statusCode()).as(cookie).isEqualTo(401);
      }
    }
  }

  @Test
  void anExpiredSessionIsRefusedOnBothNodesAndDeleted() throws Exception {
    WebappSession onA = WebappSession.login(port(nodeA), "tasklist", USER);
    assertThat(onA.send("GET", ENGINE_API + "/task", null).statusCode()).isEqualTo(200);
    String sessionId;
    try (Connection connection = database.connect(); PreparedStatement expire = connection.prepareStatement(
        "update spring_session set last_access_time = ?, expiry_time = ? where primary_id = (select session_primary_id"
            + " from spring_session_attributes where attribute_name = 'CAMUNDA_CSRF_TOKEN' and attribute_bytes = ?)"
            + " returning session_id")) {
      // an hour ago, past the 30-minute timeout
      long past = System.currentTimeMillis() - 3_600_000;
      expire.setLong(1, past);
      expire.setLong(2, past);
      expire.setBytes(3, serialized(onA.csrfToken()));
      try (ResultSet expired = expire.executeQuery()) {
        assertThat(expired.next()).as("the session holding the login's CSRF token").isTrue();
        sessionId = expired.getString(1);
      }
    }
    assertThat(onA.send("GET", ENGINE_API + "/task", null).statusCode()).isEqualTo(401);
    assertThat(onA.on(port(nodeB)).send("GET", ENGINE_API + "/task", null).statusCode()).isEqualTo(401);
    String cookie = "SESSION=" + Base64.getEncoder().encodeToString(sessionId.getBytes(UTF_8));
    assertThat(withCookie(port(nodeB), cookie, ENGINE_API + "/task").statusCode()).isEqualTo(401);
    try (Connection connection = database.connect(); PreparedStatement left = connection.prepareStatement(
        "select count(*) from spring_session where session_id = ?")) {
      left.setString(1, sessionId);
      try (ResultSet count = left.executeQuery()) {
        count.next();
        assertThat(count.getLong(1)).as("an expired session found on a request is deleted").isZero();
      }
    }
  }

  private static String sessionIdHoldingToken(String csrfToken) throws Exception {
    try (Connection connection = database.connect(); PreparedStatement find = connection.prepareStatement(
        "select s.session_id from spring_session s join spring_session_attributes a on a.session_primary_id = s.primary_id"
            + " where a.attribute_name = 'CAMUNDA_CSRF_TOKEN' and a.attribute_bytes = ?")) {
      find.setBytes(1, serialized(csrfToken));
      try (ResultSet found = find.executeQuery()) {
        assertThat(found.next()).as("the session holding the login's CSRF token").isTrue();
        return found.getString(1);
      }
    }
  }

  private static byte[] serialized(String value) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  private static HttpResponse<String> withCookie(int port, String cookie, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Cookie", cookie).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private static ConfigurableApplicationContext startNode() {
    String[] postgres = AppInstance.postgres(database);
    String[] properties = new String[postgres.length + 2];
    System.arraycopy(postgres, 0, properties, 0, postgres.length);
    properties[postgres.length] = "spring.profiles.active=postgres,demo";
    properties[postgres.length + 1] = "directive-tracker.demo.import-seed-notices=false";
    return AppInstance.start(null, properties);
  }

  private static ProcessEngine engine(ConfigurableApplicationContext node) {
    return node.getBean(ProcessEngine.class);
  }

  private static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }
}
