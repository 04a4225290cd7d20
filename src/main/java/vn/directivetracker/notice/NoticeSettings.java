package vn.directivetracker.notice;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code directive-tracker.notices}: which standing office tracks the notices of each issuer. Only
 * members of that office may register the issuer's notices (and a notice names that office as its
 * {@code standingOffice}); only the office that registered a notice may correct it. An issuer not
 * listed here has no notices registered.
 *
 * @param standingOffices issuer agency code → standing office agency code
 */
@ConfigurationProperties("directive-tracker.notices")
public record NoticeSettings(Map<String, String> standingOffices) {

  public NoticeSettings {
    Map<String, String> normalised = new LinkedHashMap<>();
    if (standingOffices != null) {
      standingOffices.forEach((issuer, office) -> {
        if (office == null || office.isBlank()) {
          throw new IllegalArgumentException("directive-tracker.notices.standing-offices." + issuer + " names no office");
        }
        normalised.put(code(issuer), code(office));
      });
    }
    standingOffices = Map.copyOf(normalised);
  }

  private static String code(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }
}
