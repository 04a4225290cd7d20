package vn.directivetracker.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether a text a person sees is English: it is when it holds, as a whole word in any case,
 * a word of {@code browser/english-words.txt}, once what {@code browser/allowed-texts.txt} allows
 * (product names, agency codes, notice numbers, e-mail addresses) has been taken out. Both lists
 * are data: a translator or reviewer corrects them without touching the tests.
 */
final class EnglishWords {

  private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Set<String> words;
  private final Pattern allowed;

  private EnglishWords(Set<String> words, Pattern allowed) {
    this.words = words;
    this.allowed = allowed;
  }

  static EnglishWords load() {
    Set<String> words = new LinkedHashSet<>();
    for (String line : lines("browser/english-words.txt")) {
      words.add(line.toLowerCase(Locale.ROOT));
    }
    List<String> allowed = new ArrayList<>();
    for (String line : lines("browser/allowed-texts.txt")) {
      allowed.add("(?:" + line + ")");
    }
    // whole words or runs of words only: an allowed name inside a longer word does not count
    Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", allowed) + ")(?![\\p{L}\\p{N}])",
        Pattern.UNICODE_CHARACTER_CLASS);
    return new EnglishWords(words, pattern);
  }

  /** The English words in the text (empty when it is not English), in their order, each once. */
  List<String> in(String text) {
    String rest = allowed.matcher(text).replaceAll(" ");
    Set<String> found = new LinkedHashSet<>();
    for (String token : NOT_A_LETTER.split(rest)) {
      if (words.contains(token.toLowerCase(Locale.ROOT))) {
        found.add(token);
      }
    }
    return List.copyOf(found);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = EnglishWords.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          lines.add(trimmed);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }
}
