package vn.directivetracker.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** One Prometheus text scrape, read by series name and labels. */
record Scrape(String text) {

  /**
   * The value of the one series called {@code name} that carries all of {@code labels} (other labels
   * may be there too), or empty when there is none.
   */
  OptionalDouble value(String name, Map<String, String> labels) {
    List<Double> found = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String series = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
      String labelText = brace >= 0 && brace < space ? line.substring(brace, line.lastIndexOf('}') + 1) : "{}";
      if (series.equals(name) && labels.entrySet().stream()
          .allMatch(label -> labelText.matches(".*[{,]" + Pattern.quote(label.getKey() + "=\"" + label.getValue() + "\"") + "[,}].*"))) {
        found.add(Double.parseDouble(line.substring(space + 1)));
      }
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(found.size() + " series " + name + labels + " in the scrape");
    }
    return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.get(0));
  }

  OptionalDouble value(String name) {
    return value(name, Map.of());
  }

  /** The value, 0 when the series is not there yet (a counter or timer not touched so far). */
  double valueOrZero(String name, Map<String, String> labels) {
    return value(name, labels).orElse(0);
  }
}
