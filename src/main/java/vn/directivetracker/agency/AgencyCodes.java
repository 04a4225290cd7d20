package vn.directivetracker.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Agency codes as people type them in a form field: "BKHCN, vpcp; BTC". */
public final class AgencyCodes {

  private AgencyCodes() {}

  /** Distinct upper-case codes in the order given; separators are commas, semicolons and spaces. */
  public static List<String> parse(Object text) {
    List<String> codes = new ArrayList<>();
    if (text == null) {
      return codes;
    }
    for (String code : text.toString().toUpperCase(Locale.ROOT).split("[,;\\s]+")) {
      if (!code.isBlank() && !codes.contains(code)) {
        codes.add(code);
      }
    }
    return codes;
  }
}
