package vn.directivetracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here, so the compose file is checked as data against the postgres profile. */
class DockerComposeFileTest {

  private static final String[] APP_NODES = {"app-1", "app-2"};

  private final YAMLMapper yaml = new YAMLMapper();

  @Test
  void composeWiresBothAppNodesToPostgresWithTheProfilesVariables() throws Exception {
    JsonNode compose = yaml.readTree(Path.of("docker-compose.yml").toFile());
    JsonNode postgres = compose.path("services").path("postgres");

    assertThat(postgres.path("image").asText()).isEqualTo("postgres:17");
    assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
    assertThat(postgres.path("volumes").get(0).asText()).startsWith("postgres-data:");
    assertThat(compose.path("volumes").has("postgres-data")).isTrue();

    String profile = Files.readString(Path.of("src/main/resources/application-postgres.yaml"));
    Set<String> profileVariables = placeholders(profile);
    assertThat(profileVariables).contains("DB_URL", "DB_USER", "DB_PASSWORD", "DB_URL_OPTIONS");
    String database = postgres.path("environment").path("POSTGRES_DB").asText();
    assertThat(profile).contains("jdbc:postgresql://127.0.0.1:5432/" + database);

    for (String node : APP_NODES) {
      JsonNode app = compose.path("services").path(node);
      assertThat(app.path("build").asText()).as(node).isEqualTo(".");
      assertThat(app.path("depends_on").path("postgres").path("condition").asText()).as(node).isEqualTo("service_healthy");
      // the nodes are reached through the proxy only
      assertThat(app.has("ports")).as(node).isFalse();
      assertThat(app.path("healthcheck").path("test").toString()).as(node).contains("/actuator/health/readiness");
      // time to hand the jobs back on SIGTERM (README, "Running several nodes")
      assertThat(app.path("stop_grace_period").asText()).as(node).isEqualTo("60s");

      JsonNode env = app.path("environment");
      assertThat(env.path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("postgres");
      assertThat(env.path("DB_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
      assertThat(env.path("DB_USER").asText()).isEqualTo(postgres.path("environment").path("POSTGRES_USER").asText())
          .isEqualTo("postgres");
      assertThat(env.path("DB_PASSWORD").asText()).isEqualTo(postgres.path("environment").path("POSTGRES_PASSWORD").asText());
      // every database variable the profile reads is set by compose, with the profile's own default options
      for (String variable : profileVariables) {
        if (!variable.equals("DB_POOL_SIZE")) {
          assertThat(env.has(variable)).as(node + ": " + variable).isTrue();
        }
      }
      assertThat(profile).contains("${DB_URL_OPTIONS:" + env.path("DB_URL_OPTIONS").asText() + "}");
      assertThat(env.has("DT_ADMIN_USER") && env.has("DT_ADMIN_PASSWORD")).isTrue();
    }
    // the two nodes are the same app: one environment
    assertThat(compose.path("services").path("app-2").path("environment"))
        .isEqualTo(compose.path("services").path("app-1").path("environment"));
    // the second node starts once the first is ready
    assertThat(compose.path("services").path("app-2").path("depends_on").path("app-1").path("condition").asText())
        .isEqualTo("service_healthy");
  }

  @Test
  void aProxyBalancesOverBothNodesWithoutStickySessions() throws Exception {
    JsonNode compose = yaml.readTree(Path.of("docker-compose.yml").toFile());
    JsonNode proxy = compose.path("services").path("proxy");
    assertThat(proxy.path("image").asText()).startsWith("nginx:");
    assertThat(proxy.path("ports").get(0).asText()).isEqualTo("8080:8080");
    assertThat(proxy.path("volumes").get(0).asText()).isEqualTo("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro");
    for (String node : APP_NODES) {
      assertThat(proxy.path("depends_on").path(node).path("condition").asText()).as(node).isEqualTo("service_healthy");
    }

    String conf = Files.readString(Path.of("deploy/nginx.conf"));
    String upstream = conf.substring(conf.indexOf("upstream directive_tracker {"), conf.indexOf('}', conf.indexOf("upstream")));
    for (String node : APP_NODES) {
      assertThat(upstream).contains("server " + node + ":8080");
    }
    // round robin: no ip_hash, hash or sticky cookie, since the session is in the database
    assertThat(upstream).doesNotContain("ip_hash", "hash ", "sticky");
    assertThat(conf).contains("listen 8080;", "proxy_pass http://directive_tracker;", "proxy_set_header Host $http_host;");
    // the app's own session store makes that safe
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<artifactId>spring-session-jdbc</artifactId>");
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new HashSet<>();
    Matcher matcher = Pattern.compile("\\$\\{([A-Z_]+)[:}]").matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
