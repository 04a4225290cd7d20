package vn.directivetracker.drafting;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a folded name in a folded text allowing a few edits (Sellers' approximate substring search),
 * whole words only: OCR drops and swaps letters ("Bo Cong Thucmg", "Vin phong Chinh phtl") but keeps
 * the words' places.
 */
final class FuzzyFinder {

  /** A match of [start, end) in the text with this many edits. */
  record Hit(int start, int end, int edits) {}

  private FuzzyFinder() {}

  /** Edits a name of this length may carry and still be read as that name. */
  static int allowedEdits(int length) {
    if (length < 5) {
      return 0;
    }
    if (length < 12) {
      return 1;
    }
    return Math.min(8, Math.max(1, Math.round(length * 0.22f)));
  }

  static List<Hit> find(String pattern, String text) {
    return find(pattern, text, allowedEdits(pattern.length()));
  }

  static List<Hit> find(String pattern, String text, int maxEdits) {
    int m = pattern.length();
    int n = text.length();
    List<Hit> hits = new ArrayList<>();
    if (m == 0 || n == 0) {
      return hits;
    }
    final int inf = 1 << 20;
    int[] cost = new int[m + 1];
    int[] start = new int[m + 1];
    int[] prevCost = new int[m + 1];
    int[] prevStart = new int[m + 1];
    // column j = 0: a match may start at text position 0
    for (int i = 0; i <= m; i++) {
      prevCost[i] = i;
      prevStart[i] = 0;
    }
    int bestEnd = -1;
    int bestEdits = inf;
    int bestStart = -1;
    for (int j = 1; j <= n; j++) {
      char t = text.charAt(j - 1);
      // an empty prefix "matches" only where a word begins
      cost[0] = boundaryBefore(text, j) ? 0 : inf;
      start[0] = j;
      for (int i = 1; i <= m; i++) {
        int diagonal = prevCost[i - 1] + (pattern.charAt(i - 1) == t ? 0 : 1);
        int up = cost[i - 1] + 1;
        int left = prevCost[i] + 1;
        if (diagonal <= up && diagonal <= left) {
          cost[i] = diagonal;
          start[i] = prevStart[i - 1];
        } else if (up <= left) {
          cost[i] = up;
          start[i] = start[i - 1];
        } else {
          cost[i] = left;
          start[i] = prevStart[i];
        }
      }
      boolean endsWord = j == n || !Character.isLetterOrDigit(text.charAt(j));
      if (cost[m] <= maxEdits && endsWord && Character.isLetterOrDigit(text.charAt(j - 1))) {
        if (bestEnd >= 0 && start[m] <= bestEnd) {
          // the same place read with another end: keep the closer reading
          if (cost[m] < bestEdits) {
            bestEnd = j;
            bestEdits = cost[m];
            bestStart = start[m];
          }
        } else {
          if (bestEnd >= 0) {
            hits.add(new Hit(bestStart, bestEnd, bestEdits));
          }
          bestEnd = j;
          bestEdits = cost[m];
          bestStart = start[m];
        }
      }
      int[] swap = prevCost;
      prevCost = cost;
      cost = swap;
      swap = prevStart;
      prevStart = start;
      start = swap;
    }
    if (bestEnd >= 0) {
      hits.add(new Hit(bestStart, bestEnd, bestEdits));
    }
    // the best reading starts on a word: skip leading spaces of the range
    List<Hit> trimmed = new ArrayList<>(hits.size());
    for (Hit hit : hits) {
      int s = hit.start();
      while (s < hit.end() && !Character.isLetterOrDigit(text.charAt(s))) {
        s++;
      }
      if (wordsAlike(pattern, text.substring(s, hit.end()))) {
        trimmed.add(new Hit(s, hit.end(), hit.edits()));
      }
    }
    return trimmed;
  }

  /**
   * OCR garbles letters of a word, it does not put another word in its place: "ngan sach nha nuoc"
   * is not "ngan hang nha nuoc" although only four letters differ.
   */
  /** A Vietnamese syllable without diacritics: a real word, where a garble ("phtl", "ctia") is none. */
  private static final java.util.regex.Pattern SYLLABLE = java.util.regex.Pattern.compile(
      "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?");

  static boolean wordsAlike(String pattern, String found) {
    String[] want = pattern.split("[^a-z0-9]+");
    String[] got = found.split("[^a-z0-9]+");
    if (want.length != got.length) {
      return true;
    }
    for (int i = 0; i < want.length; i++) {
      if (want[i].length() >= 3 && distance(want[i], got[i]) * 2 > want[i].length()
          && SYLLABLE.matcher(got[i]).matches()) {
        return false;
      }
    }
    return true;
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
            previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Whether a match may start at text position j (after text[j-1]): at a word's start. */
  private static boolean boundaryBefore(String text, int j) {
    return !Character.isLetterOrDigit(text.charAt(j - 1));
  }
}
