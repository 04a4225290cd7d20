package vn.directivetracker.drafting;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text folded for matching: lower case ASCII without diacritics (đ → d), runs of white space as one
 * space, OCR noise marks dropped, and digits inside words read as the letters OCR mistakes them for
 * ("B9" → "bo", "s6" → "so"). Each folded character remembers where it came from, so a match in the
 * folded text quotes the source words as written.
 */
final class Folded {

  private final String text;
  private final int[] origin;
  private final String source;

  private Folded(String text, int[] origin, String source) {
    this.text = text;
    this.origin = origin;
    this.source = source;
  }

  static Folded of(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int[] origin = new int[source.length() * 4 + 1];
    int n = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (Character.isWhitespace(c)) {
        if (n > 0 && out.charAt(n - 1) != ' ') {
          out.append(' ');
          origin[n++] = i;
        }
        continue;
      }
      if (c == '&') {
        // "KH&CN" is "KH và CN"; elsewhere a lone "&" is OCR noise for a marked vowel
        boolean between = i > 0 && i + 1 < source.length() && Character.isUpperCase(source.charAt(i - 1))
            && Character.isUpperCase(source.charAt(i + 1));
        if (between) {
          for (char v : " va ".toCharArray()) {
            out.append(v);
            origin[n++] = i;
          }
        }
        continue;
      }
      String base = fold(c);
      for (int k = 0; k < base.length(); k++) {
        out.append(base.charAt(k));
        origin[n++] = i;
      }
    }
    origin[n] = source.length();
    String folded = out.toString();
    char[] chars = folded.toCharArray();
    readDigitsInWords(chars);
    return new Folded(new String(chars), Arrays.copyOf(origin, n + 1), source);
  }

  /** The folded form of a phrase or name written by a clerk (no offsets needed). */
  static String fold(String phrase) {
    return of(phrase).text().strip();
  }

  private static String fold(char c) {
    if (c == 'đ' || c == 'Đ') {
      return "d";
    }
    if (c == '*' || c == '^' || c == '\'' || c == '`' || c == '~' || c == '¢' || c == '?' || c == '’' || c == '‘') {
      // OCR renders lost diacritics as these marks ("tro'ng", "ke^", "tru*c"); the "¢" of "¢)" is a "c"
      return c == '¢' ? "c" : "";
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    StringBuilder base = new StringBuilder();
    for (int k = 0; k < decomposed.length(); k++) {
      char d = decomposed.charAt(k);
      if (Character.getType(d) != Character.NON_SPACING_MARK) {
        base.append(Character.toLowerCase(d));
      }
    }
    String result = base.toString();
    // letters outside ASCII that OCR produces for Vietnamese vowels ("ñ", "ø", "ß", ...) keep their base
    return result.chars().allMatch(ch -> ch < 128) ? result : "";
  }

  /** A word mixing letters and digits is a misread word: 0, 6, 9 → o, 1 → l, 8 → e. */
  private static void readDigitsInWords(char[] chars) {
    int i = 0;
    while (i < chars.length) {
      if (!Character.isLetterOrDigit(chars[i])) {
        i++;
        continue;
      }
      int end = i;
      boolean letters = false;
      boolean digits = false;
      while (end < chars.length && Character.isLetterOrDigit(chars[end])) {
        letters |= Character.isLetter(chars[end]);
        digits |= Character.isDigit(chars[end]);
        end++;
      }
      if (letters && digits && end - i <= 6) {
        for (int k = i; k < end; k++) {
          switch (chars[k]) {
            case '0', '6', '9' -> chars[k] = 'o';
            case '1' -> chars[k] = 'l';
            case '8' -> chars[k] = 'e';
            default -> { }
          }
        }
      }
      i = end;
    }
  }

  String text() {
    return text;
  }

  String source() {
    return source;
  }

  /** Offset in the source of folded position {@code at} (at may be the text's length). */
  int sourceOffset(int at) {
    return origin[Math.min(at, origin.length - 1)];
  }

  /** The first folded position at or after source offset {@code at}. */
  int foldedOffset(int at) {
    int low = 0;
    int high = origin.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (origin[mid] < at) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return Math.min(low, text.length());
  }

  /** The source words behind folded range [start, end). */
  String sourceOf(int start, int end) {
    if (start >= end) {
      return "";
    }
    int from = sourceOffset(start);
    int to = origin[Math.min(end - 1, origin.length - 1)] + 1;
    return source.substring(from, Math.min(to, source.length())).strip();
  }
}
