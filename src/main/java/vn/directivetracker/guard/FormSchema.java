package vn.directivetracker.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one Camunda Form (a {@code .form} file in forms/) as far as the server needs them:
 * which variables a submission may write, and what each value must look like. A field is editable
 * unless the form marks it {@code disabled} or {@code readonly}; read-only fields are shown, never
 * written. Components the server does not know how to check (e.g. {@code expression}, whose value
 * the browser computes) are not writable at all: the form allow-list fails closed.
 */
public record FormSchema(String id, Map<String, FormField> fields) {

  /** The schema of a task or process without a form: nothing may be submitted. */
  public static final FormSchema NONE = new FormSchema(null, Map.of());

  /** form-js input components the server checks; everything else with a key is display-only. */
  public static final Set<String> CHECKED_TYPES = Set.of("textfield", "textarea", "number", "datetime", "select", "radio",
      "checkbox");

  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean exists() {
    return id != null;
  }

  public static FormSchema parse(InputStream form) throws IOException {
    JsonNode root = JSON.readTree(form);
    Map<String, FormField> fields = new LinkedHashMap<>();
    collect(root.path("components"), fields);
    return new FormSchema(root.path("id").asText(null), Map.copyOf(fields));
  }

  private static void collect(JsonNode components, Map<String, FormField> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(null);
      if (key != null && !key.isBlank()) {
        fields.put(key, field(type, key, component));
      }
      if (component.has("components")) {
        // a group without a path only lays fields out; with a path (or a dynamic list) the values
        // would nest under it, which no form here does: such fields stay unwritable
        if (component.hasNonNull("path") || "dynamiclist".equals(type)) {
          continue;
        }
        collect(component.path("components"), fields);
      }
    }
  }

  private static FormField field(String type, String key, JsonNode component) {
    String label = component.path("label").asText(component.path("dateLabel").asText(key));
    boolean editable = CHECKED_TYPES.contains(type) && !component.path("disabled").asBoolean(false)
        && !component.path("readonly").asBoolean(false);
    JsonNode validate = component.path("validate");
    Integer maxLength = validate.has("maxLength") ? validate.get("maxLength").asInt() : null;
    Double min = validate.has("min") ? validate.get("min").asDouble() : null;
    Double max = validate.has("max") ? validate.get("max").asDouble() : null;
    List<String> options = new ArrayList<>();
    component.path("values").forEach(option -> options.add(option.path("value").asText()));
    return new FormField(key, label, type, component.path("subtype").asText(null), editable, maxLength, min, max,
        List.copyOf(options));
  }
}
