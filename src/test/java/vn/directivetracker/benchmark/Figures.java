package vn.directivetracker.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's figures: latency rows (name, n, p50, p95, max in ms), other facts as lines, and
 * the goals next to their figures; printed as a table and written as Markdown.
 */
final class Figures {

  /** One measured call: p50/p95/max over {@code n} timed runs after the warm-up. */
  record Row(String name, int n, double p50, double p95, double max) {}

  interface Action {
    void run() throws Exception;
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<String> facts = new ArrayList<>();
  private final List<String> goals = new ArrayList<>();

  /**
   * Times {@code action} after {@code warmUp} untimed runs: up to {@code runs} times, but stops
   * after {@code budgetSeconds} of timed runs (at least 3), so a call of many seconds still finishes.
   * A call that fails (e.g. the database's 60 s socket timeout) counts with the time it took and is
   * reported; after a call of more than 20 s the row stops there (warm-up included).
   */
  Row measure(String name, int warmUp, int runs, double budgetSeconds, Action action) throws Exception {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < warmUp; i++) {
      long start = System.nanoTime();
      boolean ok = attempt(action, failures);
      double millis = (System.nanoTime() - start) / 1e6;
      if (!ok || millis > 20_000) {
        break;
      }
    }
    List<Double> millis = new ArrayList<>();
    long budgetStart = System.nanoTime();
    while (millis.size() < runs && (millis.size() < 3 || (System.nanoTime() - budgetStart) / 1e9 < budgetSeconds)) {
      long start = System.nanoTime();
      attempt(action, failures);
      millis.add((System.nanoTime() - start) / 1e6);
      if (millis.get(millis.size() - 1) > 20_000) {
        break;
      }
    }
    if (!failures.isEmpty()) {
      fact("%s: %d call(s) failed, first: %s", name, failures.size(), failures.get(0));
    }
    return add(failures.isEmpty() ? name : name + " [" + failures.size() + " failed]", millis);
  }

  private static boolean attempt(Action action, List<String> failures) {
    try {
      action.run();
      return true;
    } catch (Exception e) {
      String message = String.valueOf(e.getMessage());
      failures.add(message.length() > 300 ? message.substring(0, 300) + "…" : message);
      return false;
    }
  }

  Row add(String name, List<Double> samples) {
    double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    Row row = sorted.length == 0 ? new Row(name, 0, Double.NaN, Double.NaN, Double.NaN)
        : new Row(name, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[sorted.length - 1]);
    rows.add(row);
    System.out.printf("  %-78s n %3d  p50 %9.1f  p95 %9.1f  max %9.1f ms%n", row.name(), row.n(), row.p50(), row.p95(),
        row.max());
    return row;
  }

  static double percentile(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
  }

  void fact(String format, Object... args) {
    String line = String.format(format, args);
    facts.add(line);
    System.out.println("  " + line);
  }

  void goal(String goal, String figure, Boolean met) {
    String line = String.format("| %s | %s | %s |", goal, figure, met == null ? "–" : met ? "met" : "NOT met");
    goals.add(line);
  }

  void print(String title) {
    System.out.printf("%n%s%n", title);
    System.out.printf("  %-78s %5s %10s %10s %10s%n", "measurement", "n", "p50 ms", "p95 ms", "max ms");
    for (Row row : rows) {
      System.out.printf("  %-78s %5d %10.1f %10.1f %10.1f%n", row.name(), row.n(), row.p50(), row.p95(), row.max());
    }
    System.out.printf("%n  goals of the issue:%n");
    goals.forEach(line -> System.out.println("  " + line));
    System.out.println();
  }

  void writeMarkdown(Path file, String title) throws IOException {
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    md.append("| measurement | n | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      md.append(String.format("| %s | %d | %.1f | %.1f | %.1f |%n", row.name().replace("|", "\\|"), row.n(), row.p50(),
          row.p95(), row.max()));
    }
    md.append("\n## Goals of the issue\n\n| goal | figure | |\n|---|---|---|\n");
    goals.forEach(line -> md.append(line).append('\n'));
    md.append("\n## Other figures\n\n");
    facts.forEach(line -> md.append("- ").append(line).append('\n'));
    Files.createDirectories(file.getParent());
    Files.writeString(file, md.toString(), UTF_8);
  }

  static double[] sortedCopy(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }
}
