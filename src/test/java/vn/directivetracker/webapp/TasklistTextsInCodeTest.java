package vn.directivetracker.webapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code app/tasklist/locales/vi-texts.json} against the code of the Camunda version in use (the
 * webapp webjar on the test classpath): the English texts it translates must still be there, and
 * every validation message of Camunda Forms must have a Vietnamese value. After a Camunda upgrade
 * this names what to translate again.
 */
class TasklistTextsInCodeTest {

  static final String WEBJAR = "META-INF/resources/webjars/camunda/";
  static final String VIETNAMESE_LETTERS = ".*[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ].*";
  /** form-js's messages: "Field is required.", `Field must match pattern ${t.pattern}.`, "Value is not a number." */
  static final Pattern FORM_MESSAGE = Pattern.compile("[\"`]((?:Field (?:is|must)|Value is not)[^\"`]*)[\"`]");

  final ObjectMapper json = new ObjectMapper();
  JsonNode texts;
  String formJs;
  String tasklist;

  @BeforeEach
  void read() throws IOException {
    texts = json.readTree(resource(WEBJAR + "app/tasklist/locales/vi-texts.json"));
    formJs = resource(WEBJAR + "lib/deps.js");
    tasklist = resource(WEBJAR + "app/tasklist/camunda-tasklist-bootstrap.js");
  }

  @Test
  void everyValidationMessageOfCamundaFormsHasAVietnameseValue() {
    Set<String> translated = keys(texts.path("formMessages"));
    List<String> missing = new ArrayList<>();
    Matcher matcher = FORM_MESSAGE.matcher(formJs);
    while (matcher.find()) {
      String english = matcher.group(1).replaceAll("\\$\\{[^}]*\\.(\\w+)}", "{$1}")
          .replace("{minLength}", "{min}").replace("{maxLength}", "{max}");
      if (!translated.contains(english)) {
        missing.add(english);
      }
    }
    assertThat(missing).as("form-js messages without a Vietnamese value in vi-texts.json formMessages").isEmpty();
    assertThat(translated).contains("Field is required.");
  }

  @Test
  void translatedTextsAreStillInCamundasCode() {
    List<String> gone = new ArrayList<>();
    for (String english : keys(texts.path("formMessages"))) {
      String fixedPart = english.split("\\{")[0];
      if (!formJs.contains(fixedPart)) {
        gone.add("formMessages: " + english);
      }
    }
    for (String name : keys(texts.path("filterCriteria").path("names"))) {
      if (!tasklist.contains("label:\"" + name + "\"")) {
        gone.add("filterCriteria.names: " + name);
      }
    }
    for (String help : keys(texts.path("filterCriteria").path("help"))) {
      if (!tasklist.contains(help)) {
        gone.add("filterCriteria.help: " + help);
      }
    }
    assertThat(gone).as("English texts in vi-texts.json that Camunda's code no longer has").isEmpty();
  }

  @Test
  void everyValueIsVietnamese() {
    List<String> notVietnamese = new ArrayList<>();
    for (String section : List.of("formMessages", "serverErrors.patterns", "filterCriteria.names", "filterCriteria.help")) {
      JsonNode node = texts.at("/" + section.replace('.', '/'));
      node.fields().forEachRemaining(entry -> {
        String value = entry.getValue().asText();
        boolean onlyAPlaceholder = value.matches("\\{\\w+}");
        boolean anAbbreviation = value.equals("Mã");
        if (!entry.getKey().startsWith("_") && !onlyAPlaceholder && !anAbbreviation && !value.matches(VIETNAMESE_LETTERS)) {
          notVietnamese.add(section + ": " + entry.getKey() + " -> " + value);
        }
      });
    }
    assertThat(notVietnamese).isEmpty();
  }

  @Test
  void calendarNamesAreComplete() {
    JsonNode dates = texts.path("datePicker");
    assertThat(dates.path("months")).hasSize(12);
    assertThat(dates.path("monthsShort")).hasSize(12);
    assertThat(dates.path("weekdays")).hasSize(7);
    assertThat(dates.path("weekdaysShort")).hasSize(7);
    assertThat(dates.path("weekdays").get(0).asText()).as("Sunday first, as JavaScript counts").isEqualTo("Chủ nhật");
  }

  @Test
  void patternPartsOnTheRightComeFromTheLeft() {
    List<String> unknown = new ArrayList<>();
    for (String section : List.of("formMessages", "serverErrors.patterns")) {
      texts.at("/" + section.replace('.', '/')).fields().forEachRemaining(entry -> {
        Set<String> left = parts(entry.getKey());
        Set<String> right = parts(entry.getValue().asText());
        right.removeAll(left);
        if (!right.isEmpty()) {
          unknown.add(section + ": " + entry.getKey() + " -> " + right);
        }
      });
    }
    assertThat(unknown).isEmpty();
  }

  private static Set<String> parts(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static Set<String> keys(JsonNode object) {
    Set<String> keys = new TreeSet<>();
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.startsWith("_")) {
        keys.add(name);
      }
    }
    return keys;
  }

  private String resource(String name) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
