package vn.directivetracker.agency;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the agencies YAML file and checks every entry before any of it is used, so that one run
 * reports all problems, each with the line of its entry.
 */
public final class AgencyFileParser {

  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
  private static final Set<String> FIELDS = Set.of("code", "name", "nameEn", "kind", "validFrom", "validTo");

  private final YAMLMapper mapper = new YAMLMapper(new YAMLFactory());

  public List<Agency> parse(InputStream input, String source) {
    List<String> problems = new ArrayList<>();
    List<Agency> agencies = new ArrayList<>();
    Map<String, Integer> lineOfCode = new HashMap<>();
    try (JsonParser parser = mapper.getFactory().createParser(input)) {
      if (!seekAgenciesArray(parser)) {
        throw new AgencyRegistryException(source, List.of("no top-level 'agencies:' list"));
      }
      int index = 0;
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        index++;
        JsonLocation location = parser.currentLocation();
        JsonNode entry = mapper.readTree(parser);
        String where = "entry " + index + " (line " + location.getLineNr() + ")";
        Agency agency = toAgency(entry, where, problems);
        if (agency == null) {
          continue;
        }
        Integer earlier = lineOfCode.putIfAbsent(agency.code(), location.getLineNr());
        if (earlier != null) {
          problems.add(where + ": duplicate code " + agency.code() + " (first at line " + earlier + ")");
          continue;
        }
        agencies.add(agency);
      }
    } catch (JsonProcessingException e) {
      throw new AgencyRegistryException(source, List.of("not readable YAML at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new AgencyRegistryException(source, List.of("cannot be read: " + e.getMessage()));
    }
    if (agencies.isEmpty() && problems.isEmpty()) {
      problems.add("the 'agencies:' list is empty");
    }
    if (!problems.isEmpty()) {
      throw new AgencyRegistryException(source, problems);
    }
    return List.copyOf(agencies);
  }

  private static boolean seekAgenciesArray(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("agencies".equals(field) && value == JsonToken.START_ARRAY) {
        return true;
      }
      parser.skipChildren();
    }
    return false;
  }

  private static Agency toAgency(JsonNode entry, String where, List<String> problems) {
    int before = problems.size();
    for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(where + ": unknown field '" + name + "'");
      }
    }
    String code = text(entry, "code");
    String label = code == null ? where : where + " " + code;
    if (code == null) {
      problems.add(where + ": missing code");
    } else if (!CODE.matcher(code).matches()) {
      problems.add(label + ": code '" + code + "' must be upper-case letters and digits, parts joined by '-'");
    }
    String name = text(entry, "name");
    if (name == null) {
      problems.add(label + ": missing name");
    }
    String nameEn = text(entry, "nameEn");
    if (nameEn == null) {
      problems.add(label + ": missing nameEn");
    }
    AgencyKind kind = null;
    String kindText = text(entry, "kind");
    if (kindText == null) {
      problems.add(label + ": missing kind");
    } else {
      try {
        kind = AgencyKind.valueOf(kindText);
      } catch (IllegalArgumentException e) {
        problems.add(label + ": unknown kind '" + kindText + "' (one of " + Arrays.toString(AgencyKind.values()) + ")");
      }
    }
    LocalDate validFrom = date(entry, "validFrom", label, problems, true);
    LocalDate validTo = date(entry, "validTo", label, problems, false);
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      problems.add(label + ": validTo " + validTo + " is before validFrom " + validFrom);
    }
    if (problems.size() > before) {
      return null;
    }
    return new Agency(code, name, nameEn, kind, validFrom, validTo);
  }

  private static String text(JsonNode entry, String field) {
    JsonNode node = entry.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    String value = node.asText().strip();
    return value.isEmpty() ? null : value;
  }

  private static LocalDate date(JsonNode entry, String field, String label, List<String> problems, boolean required) {
    String value = text(entry, field);
    if (value == null) {
      if (required) {
        problems.add(label + ": missing " + field);
      }
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(label + ": " + field + " '" + value + "' is not a date (yyyy-mm-dd)");
      return null;
    }
  }
}
