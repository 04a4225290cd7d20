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

  private final YAMLMapper yaml = new YAMLMapper();

  @Test
  void composeWiresTheAppToPostgresWithTheProfilesVariables() throws Exception {
    JsonNode compose = yaml.readTree(Path.of("docker-compose.yml").toFile());
    JsonNode postgres = compose.path("services").path("postgres");
    JsonNode app = compose.path("services").path("app");

    assertThat(postgres.path("image").asText()).isEqualTo("postgres:17");
    assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
    assertThat(postgres.path("volumes").get(0).asText()).startsWith("postgres-data:");
    assertThat(compose.path("volumes").has("postgres-data")).isTrue();
    assertThat(app.path("build").asText()).isEqualTo(".");
    assertThat(app.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");

    JsonNode env = app.path("environment");
    String database = postgres.path("environment").path("POSTGRES_DB").asText();
    assertThat(env.path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("postgres");
    assertThat(env.path("DB_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
    assertThat(env.path("DB_USER").asText()).isEqualTo(postgres.path("environment").path("POSTGRES_USER").asText())
        .isEqualTo("postgres");
    assertThat(env.path("DB_PASSWORD").asText()).isEqualTo(postgres.path("environment").path("POSTGRES_PASSWORD").asText());

    String profile = Files.readString(Path.of("src/main/resources/application-postgres.yaml"));
    Set<String> profileVariables = placeholders(profile);
    assertThat(profileVariables).contains("DB_URL", "DB_USER", "DB_PASSWORD", "DB_URL_OPTIONS");
    // every database variable the profile reads is set by compose, with the profile's own default options
    for (String variable : profileVariables) {
      if (!variable.equals("DB_POOL_SIZE")) {
        assertThat(env.has(variable)).as(variable).isTrue();
      }
    }
    assertThat(profile).contains("${DB_URL_OPTIONS:" + env.path("DB_URL_OPTIONS").asText() + "}");
    assertThat(profile).contains("jdbc:postgresql://127.0.0.1:5432/" + database);
    assertThat(env.has("DT_ADMIN_USER") && env.has("DT_ADMIN_PASSWORD")).isTrue();
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
