package vn.directivetracker.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.directivetracker.agency.AgencyFileParser;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.drafting.DraftRules;
import vn.directivetracker.drafting.NoticeDraft;
import vn.directivetracker.drafting.NoticeDraftBuilder;

/**
 * Reads each benchmark notice's text into a draft and compares it with the notice's hand-made
 * catalog: items found / expected and, for the items found, the share with the right lead,
 * coordinators, coordinating classes, deadline kind and date; then the corrections the office
 * would make to reach the catalog, split into fields the draft marked and fields it did not (the
 * goal: every correction is on a marked field). Prints figures; fails only if it cannot run.
 * Run: {@code ./mvnw -Pbenchmark test -Dtest=NoticeDraftBenchmark}.
 */
@Tag("benchmark")
class NoticeDraftBenchmark {

  /** Source text (test resources) → expected catalog (classpath). */
  private static final Map<String, String> NOTICES = new LinkedHashMap<>();

  static {
    NOTICES.put("drafting/seeds/315-TB-VPCP.ocr.txt", "notices/315-TB-VPCP.yaml");
    NOTICES.put("drafting/seeds/BCDTW-2025-09-05.ocr.txt", "notices/BCDTW-2025-09-05.yaml");
  }

  private static final List<String> HEADER = List.of("number", "issuer", "standingOffice", "issuedOn", "meetingOn");

  /** Tallies of one notice (and of all). */
  static final class Tally {
    int expected;
    int found;
    int extra;
    int lead;
    int coordinators;
    int coordinatorClasses;
    int kind;
    int date;
    int keyTask;
    int markedCorrections;
    int unmarkedCorrections;
    int textCorrections;
    int textMarked;
    final List<String> unmarked = new ArrayList<>();

    void add(Tally other) {
      expected += other.expected;
      found += other.found;
      extra += other.extra;
      lead += other.lead;
      coordinators += other.coordinators;
      coordinatorClasses += other.coordinatorClasses;
      kind += other.kind;
      date += other.date;
      keyTask += other.keyTask;
      markedCorrections += other.markedCorrections;
      unmarkedCorrections += other.unmarkedCorrections;
      textCorrections += other.textCorrections;
      textMarked += other.textMarked;
    }
  }

  @Test
  void draftsAgainstTheCatalogs() throws Exception {
    AgencyRegistry registry;
    try (InputStream in = resource("agencies.yaml")) {
      registry = new AgencyRegistry(new AgencyFileParser().parse(in, "agencies.yaml"));
    }
    Map<String, String> offices = Map.of("VPCP", "VPCP", "BCDTW", "VPTWD", "BCDCP", "BKHCN");
    NoticeDraftBuilder builder = new NoticeDraftBuilder(registry, DraftRules.standard(),
        issuer -> Optional.ofNullable(offices.get(issuer)));
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Tally all = new Tally();
    System.out.printf("%nBENCHMARK notice drafts from text vs the hand-made catalogs%n");
    System.out.printf("%-34s %11s %6s %6s %7s %7s %6s %6s %8s %9s %9s%n", "notice", "found/exp", "extra", "lead",
        "coord", "classes", "kind", "date", "keyTask", "corr.mark", "corr.UNM");
    for (Map.Entry<String, String> notice : NOTICES.entrySet()) {
      String text;
      try (InputStream in = resource(notice.getKey())) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      JsonNode expected;
      try (InputStream in = resource(notice.getValue())) {
        expected = yaml.readTree(in);
      }
      long started = System.nanoTime();
      NoticeDraft draft = builder.draft(text);
      double ms = (System.nanoTime() - started) / 1e6;
      Tally tally = compare(draft, expected);
      all.add(tally);
      print(notice.getValue(), tally);
      System.out.printf("    read in %.0f ms; text/phrase wording differs in %d of %d found items (%d of them marked)%n",
          ms, tally.textCorrections, tally.found, tally.textMarked);
      tally.unmarked.forEach(line -> System.out.println("    unmarked correction: " + line));
    }
    print("ALL", all);
    System.out.printf("  corrections needed (structural fields, header + found items + missing/extra items): %d, of"
        + " which marked %d, unmarked %d%n", all.markedCorrections + all.unmarkedCorrections, all.markedCorrections,
        all.unmarkedCorrections);
  }

  private static void print(String name, Tally t) {
    System.out.printf("%-34s %5d/%-5d %6d %6s %7s %7s %6s %6s %8s %9d %9d%n", name, t.found, t.expected, t.extra,
        share(t.lead, t.found), share(t.coordinators, t.found), share(t.coordinatorClasses, t.found),
        share(t.kind, t.found), share(t.date, t.found), share(t.keyTask, t.found), t.markedCorrections,
        t.unmarkedCorrections);
  }

  private static String share(int right, int of) {
    return of == 0 ? "-" : Math.round(100.0 * right / of) + "%";
  }

  private static Tally compare(NoticeDraft draft, JsonNode expected) {
    Tally tally = new Tally();
    NoticeDraft.Notice notice = draft.notice();
    Map<String, String> header = new LinkedHashMap<>();
    header.put("number", notice.number());
    header.put("issuer", notice.issuer());
    header.put("standingOffice", notice.standingOffice());
    header.put("issuedOn", notice.issuedOn() == null ? null : notice.issuedOn().toString());
    header.put("meetingOn", notice.meetingOn() == null ? null : notice.meetingOn().toString());
    for (String field : HEADER) {
      String want = text(expected.get(field));
      if (!Objects.equals(want, header.get(field))) {
        correction(tally, draft, null, field, "notice " + field + ": draft " + header.get(field) + ", catalog " + want);
      }
    }
    Map<String, Integer> draftRefs = new LinkedHashMap<>();
    for (int i = 0; i < notice.items().size(); i++) {
      draftRefs.putIfAbsent(notice.items().get(i).ref(), i);
    }
    Set<String> expectedRefs = new TreeSet<>();
    for (JsonNode item : expected.get("items")) {
      String ref = item.get("ref").asText();
      expectedRefs.add(ref);
      tally.expected++;
      Integer index = draftRefs.get(ref);
      if (index == null) {
        // a missing item: the office adds it by hand, with nothing in the draft pointing at it
        tally.unmarkedCorrections++;
        tally.unmarked.add(ref + ": item missing from the draft");
        continue;
      }
      tally.found++;
      NoticeDraft.Item got = notice.items().get(index);
      boolean leadRight = Objects.equals(text(item.get("lead")), got.lead())
          && Objects.equals(text(item.get("leadClass")), got.leadClass() == null ? null : got.leadClass().name());
      count(tally, draft, index, ref, "lead", leadRight, got.lead() + "/" + got.leadClass(),
          text(item.get("lead")) + "/" + text(item.get("leadClass")));
      if (leadRight) {
        tally.lead++;
      }
      Set<String> wantCoordinators = set(item.get("coordinators"));
      Set<String> gotCoordinators = new TreeSet<>(got.coordinators());
      boolean coordinatorsRight = wantCoordinators.equals(gotCoordinators);
      count(tally, draft, index, ref, "coordinators", coordinatorsRight, gotCoordinators.toString(), wantCoordinators.toString());
      Set<String> wantClasses = set(item.get("coordinatorClasses"));
      Set<String> gotClasses = new TreeSet<>();
      got.coordinatorClasses().forEach(c -> gotClasses.add(c.name()));
      boolean classesRight = wantClasses.equals(gotClasses);
      count(tally, draft, index, ref, "coordinatorClasses", classesRight, gotClasses.toString(), wantClasses.toString());
      if (coordinatorsRight) {
        tally.coordinators++;
      }
      if (classesRight) {
        tally.coordinatorClasses++;
      }
      JsonNode deadline = item.get("deadline");
      String wantKind = text(deadline.get("kind"));
      String gotKind = got.deadline().kind() == null ? null : got.deadline().kind().name();
      boolean kindRight = Objects.equals(wantKind, gotKind);
      count(tally, draft, index, ref, "deadline", kindRight, gotKind, wantKind);
      String wantDate = text(deadline.get("date"));
      String gotDate = got.deadline().date() == null ? null : got.deadline().date().toString();
      boolean dateRight = Objects.equals(wantDate, gotDate);
      count(tally, draft, index, ref, "deadline", dateRight, gotDate, wantDate);
      if (kindRight) {
        tally.kind++;
      }
      if (dateRight) {
        tally.date++;
      }
      boolean keyRight = item.path("keyTask").asBoolean(false) == got.keyTask();
      count(tally, draft, index, ref, "keyTask", keyRight, String.valueOf(got.keyTask()), item.path("keyTask").asText());
      if (keyRight) {
        tally.keyTask++;
      }
      boolean textRight = nfc(item.get("text").asText()).equals(nfc(got.text()))
          && Objects.equals(text(deadline.get("phrase")), got.deadline().phrase());
      if (!textRight) {
        tally.textCorrections++;
        if (marked(draft, index, "text")) {
          tally.textMarked++;
        }
      }
    }
    for (Map.Entry<String, Integer> ref : draftRefs.entrySet()) {
      if (!expectedRefs.contains(ref.getKey())) {
        tally.extra++;
        correction(tally, draft, ref.getValue(), "ref", ref.getKey() + ": item not in the catalog");
      }
    }
    return tally;
  }

  private static void count(Tally tally, NoticeDraft draft, int index, String ref, String field, boolean right, String got,
      String want) {
    if (!right) {
      correction(tally, draft, index, field, ref + " " + field + ": draft " + got + ", catalog " + want);
    }
  }

  private static void correction(Tally tally, NoticeDraft draft, Integer index, String field, String line) {
    if (marked(draft, index, field)) {
      tally.markedCorrections++;
    } else {
      tally.unmarkedCorrections++;
      tally.unmarked.add(line);
    }
  }

  private static boolean marked(NoticeDraft draft, Integer index, String field) {
    return draft.marks().stream().anyMatch(m -> Objects.equals(m.item(), index) && m.field().equals(field));
  }

  private static Set<String> set(JsonNode list) {
    Set<String> values = new TreeSet<>();
    if (list != null && list.isArray()) {
      list.forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String nfc(String text) {
    return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = NoticeDraftBenchmark.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is missing from the classpath");
    }
    return in;
  }
}
