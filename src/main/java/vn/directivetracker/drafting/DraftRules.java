package vn.directivetracker.drafting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.directivetracker.deadline.DeadlineKind;
import vn.directivetracker.notice.AgencyClass;

/**
 * The Vietnamese rules of the draft builder as a clerk keeps them in {@code drafting/phrases.yaml}:
 * deadline phrases, agency and class aliases, the words around a mention, where a notice ends.
 * Patterns are compiled once; a bad one fails the start naming it.
 */
public final class DraftRules {

  public static final String DEFAULT_LOCATION = "drafting/phrases.yaml";

  /** The file as written. */
  record File(Map<String, String> words, List<DeadlineRule> deadlines, Map<String, List<String>> agencyAliases,
      Map<AgencyClass, List<String>> classAliases, Map<AgencyClass, List<String>> weakClassAliases,
      Map<String, String> mentionContext, String ownDutyStarters, String keyTask, List<String> closing,
      String recipients) {}

  record DeadlineRule(DeadlineKind kind, String pattern, Boolean sure, Boolean quarter) {}

  /** A compiled deadline rule. */
  record Phrase(DeadlineKind kind, Pattern pattern, boolean sure, boolean quarter, String written) {}

  private final List<Phrase> deadlines = new ArrayList<>();
  private final Map<String, List<String>> agencyAliases = new LinkedHashMap<>();
  private final Map<AgencyClass, List<String>> classAliases = new LinkedHashMap<>();
  private final Map<AgencyClass, List<String>> weakClassAliases = new LinkedHashMap<>();
  private final Pattern reference;
  private final Pattern coordination;
  private final Pattern directed;
  private final Pattern recipient;
  private final Pattern ownDutyStarters;
  private final Pattern keyTask;
  private final List<Pattern> closing = new ArrayList<>();
  private final Pattern recipientsHeading;

  private DraftRules(File file) {
    Map<String, String> words = file.words() == null ? Map.of() : file.words();
    for (DeadlineRule rule : file.deadlines()) {
      if (rule.kind() == null || rule.pattern() == null) {
        throw new IllegalStateException(DEFAULT_LOCATION + ": a deadline rule needs kind and pattern: " + rule);
      }
      deadlines.add(new Phrase(rule.kind(), compile(rule.pattern(), words, true), rule.sure() == null || rule.sure(),
          Boolean.TRUE.equals(rule.quarter()), rule.pattern()));
    }
    if (file.agencyAliases() != null) {
      file.agencyAliases().forEach((code, aliases) -> agencyAliases.put(code, aliases.stream().map(Folded::fold).toList()));
    }
    if (file.classAliases() != null) {
      file.classAliases().forEach((agencyClass, aliases) -> classAliases.put(agencyClass,
          aliases.stream().map(Folded::fold).toList()));
    }
    if (file.weakClassAliases() != null) {
      file.weakClassAliases().forEach((agencyClass, aliases) -> weakClassAliases.put(agencyClass,
          aliases.stream().map(Folded::fold).toList()));
    }
    Map<String, String> context = file.mentionContext() == null ? Map.of() : file.mentionContext();
    reference = compile(context.getOrDefault("reference", "(?!)"), words, false);
    coordination = compile(context.getOrDefault("coordination", "(?!)"), words, false);
    directed = compile(context.getOrDefault("directed", "(?!)"), words, false);
    recipient = compile(context.getOrDefault("recipient", "(?!)"), words, false);
    ownDutyStarters = compile(file.ownDutyStarters() == null ? "(?!)" : file.ownDutyStarters(), words, false);
    keyTask = compile(file.keyTask() == null ? "(?!)" : file.keyTask(), words, false);
    if (file.closing() != null) {
      file.closing().forEach(pattern -> closing.add(compile(pattern, words, false)));
    }
    recipientsHeading = compile(file.recipients() == null ? "(?!)" : file.recipients(), words, false);
  }

  public static DraftRules read(InputStream yaml) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    return new DraftRules(mapper.readValue(yaml, File.class));
  }

  /** The rules shipped with the application. */
  public static DraftRules standard() {
    try (InputStream in = DraftRules.class.getClassLoader().getResourceAsStream(DEFAULT_LOCATION)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_LOCATION + " is missing from the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException(DEFAULT_LOCATION + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static final Pattern MACRO = Pattern.compile("\\{([A-Za-z]+)}");

  /** Expands {word} and {D}/{M}/{Y}/{Q}; a phrase pattern also gets word boundaries and tolerant spaces. */
  static Pattern compile(String written, Map<String, String> words, boolean phrase) {
    String folded = phrase ? lowerOutsideEscapes(written) : written;
    StringBuilder regex = new StringBuilder();
    Matcher macro = MACRO.matcher(folded);
    int last = 0;
    while (macro.find()) {
      regex.append(spaces(folded.substring(last, macro.start()), phrase));
      String name = macro.group(1);
      String expansion = switch (name) {
        case "D", "d" -> "(?<d>\\d{1,2})";
        case "M", "m" -> "(?<m>\\d{1,2})";
        case "Y", "y" -> "(?<y>(?:19|20|21)\\d{2})";
        case "Q", "q" -> "(?<q>iv|iii|ii|i|[1-4])";
        default -> {
          String word = words.get(name);
          if (word == null) {
            throw new IllegalStateException(DEFAULT_LOCATION + ": pattern '" + written + "' uses unknown word {" + name + "}");
          }
          yield "(?:" + word + ")";
        }
      };
      regex.append(expansion);
      last = macro.end();
    }
    regex.append(spaces(folded.substring(last), phrase));
    String body = phrase ? "(?<![a-z0-9])" + regex + "(?![a-z0-9])" : regex.toString();
    try {
      return Pattern.compile(body);
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(DEFAULT_LOCATION + ": pattern '" + written + "' is not a valid expression: "
          + e.getDescription(), e);
    }
  }

  /** "Trước" → "trước", but "\\S" stays "\\S" and "{D}" stays a macro. */
  private static String lowerOutsideEscapes(String written) {
    StringBuilder out = new StringBuilder(written.length());
    boolean macro = false;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      boolean escaped = i > 0 && written.charAt(i - 1) == '\\';
      if (c == '{') {
        macro = true;
      } else if (c == '}') {
        macro = false;
      }
      out.append(escaped || macro ? c : Character.toLowerCase(c));
    }
    return out.toString();
  }

  private static String spaces(String written, boolean phrase) {
    // the text is matched folded, so a pattern written with diacritics is folded too ("chậm nhất" → "cham nhat")
    String literal = java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replace('đ', 'd').replace('Đ', 'D');
    if (!phrase) {
      return literal;
    }
    return literal.replace("/", "\\s?/\\s?").replace(" ", "[\\s,.;:]+");
  }

  List<Phrase> deadlines() {
    return deadlines;
  }

  Map<String, List<String>> agencyAliases() {
    return agencyAliases;
  }

  Map<AgencyClass, List<String>> classAliases() {
    return classAliases;
  }

  Map<AgencyClass, List<String>> weakClassAliases() {
    return weakClassAliases;
  }

  Pattern reference() {
    return reference;
  }

  Pattern coordination() {
    return coordination;
  }

  Pattern directed() {
    return directed;
  }

  Pattern recipient() {
    return recipient;
  }

  Pattern ownDutyStarters() {
    return ownDutyStarters;
  }

  Pattern keyTask() {
    return keyTask;
  }

  List<Pattern> closing() {
    return closing;
  }

  Pattern recipientsHeading() {
    return recipientsHeading;
  }
}
