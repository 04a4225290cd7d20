package vn.directivetracker.calendar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads and checks the yearly holiday files ({@code calendar/vn-YYYY.yaml}):
 *
 * <pre>
 * year: 2026
 * source: "Công văn ... (what the list is based on)"
 * daysOff:
 *   - { date: 2026-01-01, name: "Tết Dương lịch" }
 * workingDays:            # weekend days worked to make up for a swap; [] when there are none
 *   - { date: 2026-01-10, name: "Làm bù cho thứ Sáu 02/01/2026" }
 * </pre>
 *
 * <p>Every field is required and no other field is allowed, so that a typo cannot silently drop a
 * holiday. The whole file is checked before failing, so one run reports every problem, each naming
 * the list, the entry's position and its line.
 */
public final class HolidayFileParser {

  /** Files named like this must declare the same year (catches copy-paste of last year's file). */
  private static final Pattern YEAR_IN_FILE_NAME = Pattern.compile("vn-(\\d{4})\\.ya?ml");
  private static final Set<String> ENTRY_FIELDS = Set.of("date", "name");
  private static final String DAYS_OFF = "daysOff";
  private static final String WORKING_DAYS = "workingDays";

  private final YAMLMapper mapper = new YAMLMapper();

  /** One list entry as written, with where it was found. */
  private record RawEntry(String list, int position, int line, JsonNode node) {
    String label() {
      return list + " #" + position + " (line " + line + ")";
    }
  }

  /** Reads every file matching the patterns (e.g. {@code classpath*:calendar/vn-*.yaml}). */
  public List<HolidayYear> parseAll(ResourcePatternResolver resolver, List<String> locationPatterns) {
    List<HolidayYear> years = new ArrayList<>();
    Map<Integer, String> fileOfYear = new HashMap<>();
    for (String pattern : locationPatterns) {
      Resource[] resources;
      try {
        resources = resolver.getResources(pattern);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list working-day calendar files " + pattern, e);
      }
      for (Resource resource : resources) {
        String file = describe(resource);
        HolidayYear year;
        try (InputStream input = resource.getInputStream()) {
          year = parse(input, file);
        } catch (IOException e) {
          throw new CalendarFileException(file, List.of("cannot be read: " + e.getMessage()));
        }
        String earlier = fileOfYear.putIfAbsent(year.year(), file);
        if (earlier != null) {
          throw new CalendarFileException(file, List.of("year " + year.year() + " is also defined by " + earlier
              + "; keep one file per year"));
        }
        years.add(year);
      }
    }
    return List.copyOf(years);
  }

  public HolidayYear parse(String yaml, String file) {
    try (JsonParser parser = mapper.getFactory().createParser(yaml)) {
      return parse(parser, file);
    } catch (IOException e) {
      throw new CalendarFileException(file, List.of("not readable YAML: " + e.getMessage()));
    }
  }

  public HolidayYear parse(InputStream input, String file) {
    try (JsonParser parser = mapper.getFactory().createParser(input)) {
      return parse(parser, file);
    } catch (IOException e) {
      throw new CalendarFileException(file, List.of("not readable YAML: " + e.getMessage()));
    }
  }

  private HolidayYear parse(JsonParser parser, String file) throws IOException {
    List<String> problems = new ArrayList<>();
    Integer year = null;
    String source = null;
    Map<String, List<RawEntry>> lists = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();

    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new CalendarFileException(file, List.of("expected a mapping with year, source, daysOff and workingDays"));
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      int line = parser.currentTokenLocation().getLineNr();
      if (!seen.add(field)) {
        problems.add("line " + line + ": '" + field + "' appears twice");
        parser.skipChildren();
        continue;
      }
      switch (field) {
        case "year" -> {
          if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
              && parser.getIntValue() >= LunarCalendar.MIN_YEAR && parser.getIntValue() <= LunarCalendar.MAX_YEAR) {
            year = parser.getIntValue();
          } else {
            problems.add("line " + line + ": 'year' must be a year such as 2026 (" + LunarCalendar.MIN_YEAR + " to "
                + LunarCalendar.MAX_YEAR + "), was '" + parser.getText() + "'");
            parser.skipChildren();
          }
        }
        case "source" -> {
          if (value == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
            source = parser.getText().strip();
          } else {
            problems.add("line " + line + ": 'source' must say what the list is based on");
            parser.skipChildren();
          }
        }
        case DAYS_OFF, WORKING_DAYS -> lists.put(field, readEntries(parser, field, line, problems));
        default -> {
          problems.add("line " + line + ": unknown field '" + field + "' (expected year, source, daysOff, workingDays)");
          parser.skipChildren();
        }
      }
    }

    if (!seen.contains("year")) {
      problems.add("missing 'year'");
    }
    if (!seen.contains("source")) {
      problems.add("missing 'source'");
    }
    for (String list : List.of(DAYS_OFF, WORKING_DAYS)) {
      if (!seen.contains(list)) {
        problems.add("missing '" + list + "' (write " + list + ": [] when there are none)");
      }
    }
    Matcher name = YEAR_IN_FILE_NAME.matcher(file.substring(file.lastIndexOf('/') + 1));
    if (year != null && name.matches() && Integer.parseInt(name.group(1)) != year) {
      problems.add("the file name says " + name.group(1) + " but 'year' is " + year);
    }

    Map<LocalDate, RawEntry> firstByDate = new HashMap<>();
    List<NamedDay> daysOff = toDays(lists.getOrDefault(DAYS_OFF, List.of()), year, firstByDate, problems);
    List<NamedDay> workingDays = toDays(lists.getOrDefault(WORKING_DAYS, List.of()), year, firstByDate, problems);

    if (!problems.isEmpty()) {
      throw new CalendarFileException(file, problems);
    }
    return new HolidayYear(year, source, daysOff, workingDays);
  }

  private List<RawEntry> readEntries(JsonParser parser, String list, int line, List<String> problems)
      throws IOException {
    List<RawEntry> entries = new ArrayList<>();
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      problems.add("line " + line + ": '" + list + "' must be a list (write " + list + ": [] when there are none)");
      parser.skipChildren();
      return entries;
    }
    int position = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      position++;
      int entryLine = parser.currentTokenLocation().getLineNr();
      if (token == JsonToken.START_OBJECT) {
        entries.add(new RawEntry(list, position, entryLine, mapper.readTree(parser)));
      } else {
        problems.add(list + " #" + position + " (line " + entryLine + "): expected { date: yyyy-mm-dd, name: \"...\" }");
        parser.skipChildren();
      }
    }
    return entries;
  }

  private static List<NamedDay> toDays(List<RawEntry> entries, Integer year, Map<LocalDate, RawEntry> firstByDate,
      List<String> problems) {
    List<NamedDay> days = new ArrayList<>();
    for (RawEntry entry : entries) {
      String label = entry.label();
      int before = problems.size();
      for (Iterator<String> fields = entry.node().fieldNames(); fields.hasNext(); ) {
        String field = fields.next();
        if (!ENTRY_FIELDS.contains(field)) {
          problems.add(label + ": unknown field '" + field + "' (expected date, name)");
        }
      }
      String name = text(entry.node(), "name");
      if (name == null) {
        problems.add(label + ": missing name");
      }
      LocalDate date = null;
      String dateText = text(entry.node(), "date");
      if (dateText == null) {
        problems.add(label + ": missing date");
      } else {
        try {
          date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
          problems.add(label + ": date '" + dateText + "' is not a valid date (yyyy-mm-dd)");
        }
      }
      if (date != null) {
        if (year != null && date.getYear() != year) {
          problems.add(label + ": " + date + " is outside the file's year " + year);
        }
        RawEntry first = firstByDate.putIfAbsent(date, entry);
        if (first != null) {
          problems.add(label + ": " + date + " is listed twice (also " + first.label() + ")");
        }
        if (WORKING_DAYS.equals(entry.list()) && !HolidayYear.isWeekend(date)) {
          problems.add(label + ": " + date + " is a " + date.getDayOfWeek()
              + "; a make-up working day must be a Saturday or Sunday");
        }
      }
      if (problems.size() == before) {
        days.add(new NamedDay(date, name));
      }
    }
    return days;
  }

  private static String text(JsonNode entry, String field) {
    JsonNode node = entry.get(field);
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String value = node.asText().strip();
    return value.isEmpty() ? null : value;
  }

  private static String describe(Resource resource) {
    try {
      return resource.getURI().toString();
    } catch (IOException e) {
      return resource.getDescription();
    }
  }
}
