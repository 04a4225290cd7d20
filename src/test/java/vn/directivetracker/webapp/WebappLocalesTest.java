package vn.directivetracker.webapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Vietnamese locale files against the English ones Camunda ships in the webapp webjar (on the
 * test classpath): after a Camunda upgrade this names every key to translate.
 */
class WebappLocalesTest {

  static final String APPS = "META-INF/resources/webjars/camunda/app/";

  /** Keys whose Vietnamese value is empty on purpose, with the reason. */
  static final Map<String, String> DELIBERATELY_EMPTY = Map.of(
      "labels.BANNER_CE_EOL_TEXT",
      "Camunda's 'migrate to Camunda 8' strip is for Camunda's users, not officers; styles/user-styles.css hides it",
      "labels.PLGN_BATCH_S", "English plural suffix ('instance' + 's'); Vietnamese nouns take none",
      "labels.PLGN_MIG_S", "English plural suffix; Vietnamese nouns take none",
      "labels.PLGN_MOD_DIALOG_S", "English plural suffix; Vietnamese nouns take none",
      "labels.PLGN_MOD_RESTART_DIALOG_S", "English plural suffix; Vietnamese nouns take none");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");

  final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAVietnameseValueWithTheSamePlaceholders(String app) throws IOException {
    Map<String, JsonNode> english = leaves(read(APPS + app + "/locales/en.json"));
    Map<String, JsonNode> vietnamese = leaves(read(APPS + app + "/locales/vi.json"));
    assertThat(english).as("Camunda's English locale of %s", app).hasSizeGreaterThan(100);

    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode vi = vietnamese.get(key);
      if (vi == null) {
        problems.add("missing: " + key + " (English: " + en + ")");
      } else if (en.isTextual() && !vi.isTextual() || en.isNumber() && !vi.isNumber()) {
        problems.add("not a " + en.getNodeType() + ": " + key);
      } else if (en.isTextual()) {
        if (vi.asText().isBlank() && !en.asText().isBlank() && !DELIBERATELY_EMPTY.containsKey(key)) {
          problems.add("empty: " + key + " (English: " + en + ")");
        }
        Set<String> absent = placeholders(en.asText());
        absent.removeAll(placeholders(vi.asText()));
        if (!absent.isEmpty()) {
          problems.add("placeholder " + absent + " missing in " + key + ": " + vi);
        }
      }
    });
    // moment.js settings English leaves at moment's defaults (e.g. LTS, seconds in 24-hour time) may be added
    vietnamese.keySet().stream().filter(key -> !english.containsKey(key) && !key.startsWith("dateLocales."))
        .forEach(key -> problems.add("not in Camunda's English file (left from another version?): " + key));

    assertThat(problems).as("locales/vi.json of %s, compared with Camunda's en.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void keysEmptiedOnPurposeExistInEnglishAndAreEmptyInVietnamese(String app) throws IOException {
    Map<String, JsonNode> english = leaves(read(APPS + app + "/locales/en.json"));
    Map<String, JsonNode> vietnamese = leaves(read(APPS + app + "/locales/vi.json"));
    DELIBERATELY_EMPTY.keySet().stream().filter(english::containsKey).forEach(key ->
        assertThat(vietnamese.get(key).asText()).as("%s in %s", key, app).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreDayMonthYearWithA24HourClock(String app) throws IOException {
    JsonNode formats = read(APPS + app + "/locales/vi.json").path("dateLocales").path("longDateFormat");
    assertThat(formats.path("L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(formats.path("LLL").asText()).isEqualTo("DD/MM/YYYY HH:mm");
    assertThat(formats.path("LT").asText()).isEqualTo("HH:mm");
  }

  private JsonNode read(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      String text = new String(in.readAllBytes(), UTF_8);
      // Camunda's en.json files start with a byte-order mark
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  /** Every string, number and array element by its path, e.g. {@code labels.ABORT}, {@code dateLocales.months[0]}. */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  /** {@code {{ count }}} and {@code {{count}}} are the same expression to Angular. */
  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add("{{" + matcher.group(1).replace(" ", "") + "}}");
    }
    return found;
  }
}
