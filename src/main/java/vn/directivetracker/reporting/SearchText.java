package vn.directivetracker.reporting;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The text a directive is searched by, folded like the dashboard folds what users type: lower
 * case, diacritics removed, đ as d ({@code da nang} finds "Đà Nẵng"). Stored in the read model so the
 * database can search without the application reading every row.
 */
final class SearchText {

  /** What the column holds (V3); the directive text alone may take 20 000. */
  static final int MAX_LENGTH = 22_000;
  /** Longest search a caller may send. */
  static final int MAX_QUERY_LENGTH = 200;

  private SearchText() {}

  static String fold(String text) {
    if (text == null) {
      return "";
    }
    // đ has no decomposition
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'd')
        .toLowerCase(Locale.ROOT);
  }

  /** The folded parts joined by a line break, which no search word contains, so no word matches across two parts. */
  static String of(String... parts) {
    String joined = Arrays.stream(parts).filter(Objects::nonNull).map(SearchText::fold).collect(Collectors.joining("\n"));
    return joined.length() > MAX_LENGTH ? joined.substring(0, MAX_LENGTH) : joined;
  }

  /** The words of a search, folded; a directive matches when its text contains every one. */
  static List<String> words(String query) {
    if (query == null) {
      return List.of();
    }
    return Arrays.stream(fold(query).split("\\s+")).filter(word -> !word.isEmpty()).distinct().toList();
  }

  /** A LIKE pattern containing the word anywhere, with LIKE's own characters escaped by '\'. */
  static String containing(String word) {
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
