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
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.junit.jupiter.api.Test;
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

  /** The section of vi.json that app/directive-tracker/webapps.js reads: texts in Camunda's code. */
  static final String TEXTS_IN_CODE = "textsInCamundaCode";

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
    // textsInCamundaCode: the replacements for texts in Camunda's code (checked below)
    vietnamese.keySet().stream().filter(key -> !english.containsKey(key) && !key.startsWith("dateLocales.")
            && !key.startsWith(TEXTS_IN_CODE + "."))
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

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "welcome"})
  void textsInCamundasCodeHaveVietnameseReplacementsAndWellFormedRules(String app) throws IOException {
    JsonNode section = read(APPS + app + "/locales/vi.json").path(TEXTS_IN_CODE);
    assertThat(section.path("texts").size()).as("%s: %s.texts", app, TEXTS_IN_CODE).isGreaterThan(0);
    List<String> problems = new ArrayList<>();
    List<JsonNode> dictionaries = new ArrayList<>(List.of(section.path("texts")));
    section.path("within").forEach(scope -> {
      if (scope.path("selector").asText().isBlank()) {
        problems.add("within without a selector: " + scope);
      }
      if (scope.has("pattern")) {
        try {
          Pattern.compile(scope.path("pattern").asText());
        } catch (RuntimeException e) {
          problems.add("not a regular expression: " + scope.path("pattern").asText());
        }
        if (scope.path("replacement").asText().isBlank()) {
          problems.add("no replacement for " + scope.path("pattern").asText());
        }
      }
      dictionaries.add(scope.path("texts"));
    });
    dictionaries.forEach(texts -> texts.fields().forEachRemaining(entry -> {
      if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
        problems.add("no Vietnamese text for '" + entry.getKey() + "'");
      }
    }));
    section.path("errors").forEach(rule -> {
      try {
        Pattern.compile(rule.path("english").asText());
      } catch (RuntimeException e) {
        problems.add("not a regular expression: " + rule.path("english").asText());
      }
      if (rule.path("vietnamese").asText().isBlank()) {
        problems.add("no Vietnamese sentence for " + rule.path("english").asText());
      }
    });
    assertThat(problems).as("%s: %s", app, TEXTS_IN_CODE).isEmpty();
  }

  /** What the engine answers a manager who tries to suspend a directive, as Cockpit would show it. */
  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin"})
  void theEnginesEnglishRefusalBecomesAVietnameseSentenceWithoutIdsOrClassNames(String app) throws IOException {
    String refusal = "The user with id 'manager' does not have one of the following permissions: 'SUSPEND' permission "
        + "on resource '3836bcf6-f1fc-11f1-87e6-02fc00000001' of type 'ProcessInstance' or 'UPDATE_INSTANCE' "
        + "permission on resource 'directive' of type 'ProcessDefinition'";
    String shown = null;
    for (JsonNode rule : read(APPS + app + "/locales/vi.json").path(TEXTS_IN_CODE).path("errors")) {
      Matcher matcher = Pattern.compile(rule.path("english").asText()).matcher(refusal);
      if ((rule.path("status").isMissingNode() || rule.path("status").asInt() == 403) && matcher.find()) {
        shown = rule.path("vietnamese").asText();
        for (int group = 1; group <= matcher.groupCount(); group++) {
          shown = shown.replace("$" + group, matcher.group(group));
        }
        break;
      }
    }
    assertThat(shown).isEqualTo("Tài khoản manager không có quyền làm việc này.");
  }

  /** Admin's authorizations list permissions by their engine names (READ, TASK_WORK …): each has a Vietnamese one. */
  @Test
  void everyPermissionAdminShowsHasAVietnameseName() throws IOException {
    JsonNode permissions = null;
    for (JsonNode scope : read(APPS + "admin/locales/vi.json").path(TEXTS_IN_CODE).path("within")) {
      if (scope.path("selector").asText().contains("td.permissions")) {
        permissions = scope.path("texts");
      }
    }
    assertThat(permissions).as("admin: %s.within for td.permissions", TEXTS_IN_CODE).isNotNull();
    Set<String> names = new TreeSet<>();
    for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(Permissions.class,
        ProcessDefinitionPermissions.class, ProcessInstancePermissions.class, TaskPermissions.class,
        HistoricTaskPermissions.class, HistoricProcessInstancePermissions.class, BatchPermissions.class,
        SystemPermissions.class, UserOperationLogCategoryPermissions.class)) {
      for (Enum<?> permission : type.getEnumConstants()) {
        names.add(((Permission) permission).getName());
      }
    }
    JsonNode vietnamese = permissions;
    assertThat(names.stream().filter(name -> vietnamese.path(name).asText().isBlank()).toList())
        .as("permissions without a Vietnamese name in admin/locales/vi.json").isEmpty();
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
