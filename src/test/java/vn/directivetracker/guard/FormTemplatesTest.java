package vn.directivetracker.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A form's text components are markdown, and form-js fills their {@code {{variables}}} in before
 * rendering it: a value there could become a live link on every form that shows it. Only values
 * the system makes, or checks to hold no markup, may appear in a text template.
 */
class FormTemplatesTest {

  /** Checked at the door (notice numbers: letters, digits, space, / - .; refs: 1.a) or made by the system. */
  private static final Set<String> MARKUP_FREE = Set.of("noticeNumber", "itemRef", "reviewNumber", "reviewDate",
      "reportingAgencyName", "reportDueText", "statusReportUrl", "statusReportXlsxUrl");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  @Test
  void textTemplatesShowOnlyMarkupFreeValues() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
        collect(new ObjectMapper().readTree(form.toFile()).path("components"), form.getFileName().toString(), found);
      }
    }
    assertThat(found).isNotEmpty().allSatisfy(use -> assertThat(MARKUP_FREE).as(use).contains(use.split(": ")[1]));
  }

  @Test
  void everyFormFieldIsOfAKindTheServerChecks() throws IOException {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
        FormSchema schema = FormSchema.parse(Files.newInputStream(form));
        assertThat(schema.exists()).as(form.toString()).isTrue();
        schema.fields().values().forEach(field -> assertThat(FormSchema.CHECKED_TYPES).as(form + " " + field.key())
            .contains(field.type()));
      }
    }
  }

  private static void collect(JsonNode components, String form, List<String> found) {
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText())) {
        Matcher matcher = TEMPLATE.matcher(component.path("text").asText());
        while (matcher.find()) {
          found.add(form + ": " + matcher.group(1));
        }
      }
      collect(component.path("components"), form, found);
    }
  }
}
