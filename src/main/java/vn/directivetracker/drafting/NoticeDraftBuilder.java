package vn.directivetracker.drafting;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.deadline.DeadlineKind;
import vn.directivetracker.drafting.NoticeDraft.Deadline;
import vn.directivetracker.drafting.NoticeDraft.Item;
import vn.directivetracker.drafting.NoticeDraft.ItemSource;
import vn.directivetracker.drafting.NoticeDraft.Mark;
import vn.directivetracker.drafting.NoticeDraft.Unplaced;
import vn.directivetracker.notice.AgencyClass;

/**
 * Reads a conclusion notice's text (pasted, or extracted from a file; OCR with lost diacritics
 * included) into a {@link NoticeDraft}: header, items split by their printed refs, lead and
 * coordinating agencies and classes resolved against the registry, deadlines read from the
 * phrases of {@link DraftRules}. It guesses nothing silently: every reading it is not sure of is a
 * {@link Mark}; text it cannot place is {@link Unplaced}. Pure: no database, no engine.
 */
public final class NoticeDraftBuilder {

  /** The longest text read; a notice is a few pages. */
  public static final int MAX_CHARS = 200_000;
  private static final String LETTERS = "abcdđeghiklmnopqrstuvxy";
  private static final Pattern SECTION = Pattern.compile("^\\s*(\\d{1,2})\\s?[.)]\\s+(?=\\S)");
  private static final Pattern LETTER = Pattern.compile("^\\s*([a-zA-ZđĐ¢])\\s?\\)\\s*");
  private static final Pattern NUMBER = Pattern.compile("\\bs\\S{0,2}\\s?:\\s?(\\d{1,5}\\s?/\\s?[a-z0-9-]+(?:/[a-z0-9-]+)?)");
  private static final Pattern TITLE_START = Pattern.compile("^\\s*th\\S{0,2}ng b\\S{0,2}o\\b");
  private static final Pattern DATE_WORDS = Pattern.compile(
      "ng\\S{0,2}y (\\d{1,2}) th\\S{1,3}g (\\d{1,2}) n\\S{1,2}m ((?:19|20|21)\\d{2})");
  private static final Pattern DATE_SLASH = Pattern.compile("ng\\S{0,2}y (\\d{1,2})\\s?/\\s?(\\d{1,2})\\s?/\\s?((?:19|20|21)\\d{2})");
  private static final Pattern MEETING_START = Pattern.compile("^\\s*ng\\S{0,2}y \\d");
  private static final Set<DeadlineKind> DATED = Set.of(DeadlineKind.DATE, DeadlineKind.END_OF_MONTH);
  private static final List<DeadlineKind> PRIORITY = List.of(DeadlineKind.DATE, DeadlineKind.END_OF_MONTH,
      DeadlineKind.ONGOING, DeadlineKind.FROM_DATE, DeadlineKind.ROADMAP, DeadlineKind.ASAP);
  /** Words before a mention within which it is the item's subject ("Giao Bộ trưởng Bộ Công an ..."). */
  private static final int SUBJECT_WORDS = 6;

  private final AgencyRegistry agencies;
  private final DraftRules rules;
  private final Function<String, Optional<String>> standingOfficeOf;

  public NoticeDraftBuilder(AgencyRegistry agencies, DraftRules rules, Function<String, Optional<String>> standingOfficeOf) {
    this.agencies = agencies;
    this.rules = rules;
    this.standingOfficeOf = standingOfficeOf;
  }

  public NoticeDraft draft(String text) {
    return new Reading(text).read();
  }

  /** A body named in the text: an agency (code) or a class, where it stands and how sure its reading is. */
  record Mention(int start, int end, String code, AgencyClass agencyClass, boolean weak, int edits, int length) {
    boolean sure() {
      return edits <= 1 || edits * 10 <= length;
    }
  }

  record Line(int start, int end, String raw, String folded) {
    boolean blank() {
      return raw.isBlank();
    }
  }

  enum Kind { SECTION, LETTER, PLAIN }

  /** A block of the body: a numbered section's heading, a lettered item, or an unnumbered paragraph. */
  static final class Paragraph {
    final Kind kind;
    final String label;
    final int start;
    int end;

    Paragraph(Kind kind, String label, int start, int end) {
      this.kind = kind;
      this.label = label;
      this.start = start;
      this.end = end;
    }
  }

  record Found(DeadlineKind kind, LocalDate date, int start, int end, boolean sure, boolean yearOmitted, String problem) {}

  /** One reading of one text. */
  private final class Reading {
    private final String source;
    private final Folded doc;
    private final List<Line> lines = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<Unplaced> unplaced = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private final List<ItemSource> itemSources = new ArrayList<>();
    private List<Mention> mentions = List.of();
    private LocalDate noticeDate;
    private boolean keyTask;
    private boolean ocr;

    Reading(String text) {
      String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
      this.source = normalized.length() > MAX_CHARS ? normalized.substring(0, MAX_CHARS) : normalized;
      this.doc = Folded.of(source);
      int at = 0;
      for (String raw : source.split("\n", -1)) {
        lines.add(new Line(at, at + raw.length(), raw, Folded.fold(raw)));
        at += raw.length() + 1;
      }
    }

    NoticeDraft read() {
      ocr = looksLikeOcr();
      int bodyLine = firstSection();
      // header
      int titleLine = -1;
      for (int i = 0; i < Math.min(lines.size(), bodyLine < 0 ? 15 : bodyLine); i++) {
        if (TITLE_START.matcher(lines.get(i).folded()).find()) {
          titleLine = i;
          break;
        }
      }
      int headerEnd = titleLine >= 0 ? titleLine : Math.min(lines.size(), 6);
      String number = number(headerEnd);
      LocalDate issuedOn = headerDate(headerEnd);
      int[] title = title(titleLine, bodyLine);
      String titleText = title == null ? null : collapse(source.substring(title[0], title[1]));
      int preambleStart = title == null ? (lines.isEmpty() ? 0 : lines.get(Math.min(headerEnd, lines.size() - 1)).start())
          : title[1];
      int preambleEnd = bodyLine < 0 ? source.length() : lines.get(bodyLine).start();
      LocalDate meetingOn = meetingDate(preambleStart, preambleEnd);
      noticeDate = issuedOn != null ? issuedOn : meetingOn;
      mentions = findMentions();
      String issuer = issuer(headerEnd, titleLine, title);
      String standingOffice = issuer == null ? null : standingOfficeOf.apply(issuer).orElse(null);
      if (issuer != null && standingOffice == null) {
        notice("standingOffice", "Chưa cấu hình đơn vị thường trực theo dõi thông báo của " + issuer
            + "; chọn đơn vị thường trực.", null, -1, -1);
      } else if (issuer == null) {
        notice("standingOffice", "Chưa xác định được cơ quan ban hành nên chưa xác định được đơn vị thường trực.", null, -1, -1);
      }
      String preamble = preambleEnd > preambleStart ? doc.text().substring(doc.foldedOffset(preambleStart),
          doc.foldedOffset(preambleEnd)) : "";
      keyTask = rules.keyTask().matcher(preamble).find();
      if (preambleEnd > preambleStart && !source.substring(preambleStart, preambleEnd).isBlank()) {
        unplaced.add(new Unplaced(collapse(source.substring(preambleStart, preambleEnd)),
            "Phần mở đầu: không phải nhiệm vụ; người chủ trì, kế hoạch thực hiện chưa được đọc tự động.",
            preambleStart, preambleEnd));
      }
      List<String> recipients = new ArrayList<>();
      if (bodyLine < 0) {
        unplaced.add(new Unplaced(collapse(source), "Không tìm thấy mục đánh số (1., 2., ...): chưa tách được nhiệm vụ.",
            0, source.length()));
      } else {
        body(bodyLine, recipients);
      }
      if (items.isEmpty()) {
        notice("items", "Không đọc được nhiệm vụ nào; nhập các nhiệm vụ.", null, -1, -1);
      }
      if (number == null) {
        notice("number", "Không tìm thấy số hiệu (\"Số: .../TB-...\"); nhập số hiệu.", null, -1, -1);
      }
      if (issuedOn == null) {
        notice("issuedOn", "Không tìm thấy ngày ban hành ở phần đầu văn bản.", null, -1, -1);
      }
      if (titleText == null) {
        notice("title", "Không tìm thấy trích yếu (dòng sau \"THÔNG BÁO\"); nhập trích yếu.", null, -1, -1);
      } else if (ocr) {
        notice("title", "Văn bản quét (OCR) mất dấu: kiểm tra lại câu chữ.", titleText, title[0], title[1]);
      }
      if (!recipients.isEmpty() && ocr) {
        notice("recipients", "Nơi nhận đọc từ bản quét: kiểm tra lại câu chữ.", null, -1, -1);
      }
      NoticeDraft.Notice notice = new NoticeDraft.Notice(number, issuer, standingOffice, titleText, issuedOn, meetingOn,
          null, null, List.copyOf(recipients), null, List.copyOf(items));
      return new NoticeDraft(notice, List.copyOf(marks), List.copyOf(unplaced), List.copyOf(itemSources), source);
    }

    // ---------------------------------------------------------------- header

    private int firstSection() {
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = SECTION.matcher(lines.get(i).raw());
        if (m.find() && m.group(1).equals("1") && (i == 0 || lines.get(i - 1).blank() || endsSentence(lines.get(i - 1).raw()))) {
          return i;
        }
      }
      return -1;
    }

    private String number(int headerEnd) {
      for (int i = 0; i < Math.min(headerEnd + 1, lines.size()); i++) {
        Line line = lines.get(i);
        Matcher m = NUMBER.matcher(line.folded());
        if (m.find()) {
          Folded folded = Folded.of(line.raw());
          String raw = folded.sourceOf(m.start(1), m.end(1)).replaceAll("\\s+", "");
          // the printed number as written, upper case as notices print it ("315/TB-VPCP")
          String number = Normalizer.normalize(raw, Normalizer.Form.NFC).toUpperCase(java.util.Locale.ROOT);
          if (!number.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '/' || c == '-')) {
            notice("number", "Số hiệu có ký tự lạ (bản quét?): kiểm tra.", raw, line.start(), line.end());
          }
          return number;
        }
      }
      return null;
    }

    private LocalDate headerDate(int headerEnd) {
      for (int i = 0; i < Math.min(headerEnd + 1, lines.size()); i++) {
        Line line = lines.get(i);
        Matcher m = DATE_WORDS.matcher(line.folded());
        if (!m.find()) {
          m = DATE_SLASH.matcher(line.folded());
          if (!m.find()) {
            continue;
          }
        }
        LocalDate date = date(m.group(3), m.group(2), m.group(1));
        if (date == null) {
          notice("issuedOn", "Ngày ban hành không hợp lệ.", line.raw().strip(), line.start(), line.end());
        }
        return date;
      }
      return null;
    }

    private int[] title(int titleLine, int bodyLine) {
      if (titleLine < 0) {
        return null;
      }
      Line first = lines.get(titleLine);
      boolean alone = first.folded().strip().matches("th\\S{0,2}ng b\\S{0,2}o");
      int from = alone ? titleLine + 1 : titleLine;
      while (from < lines.size() && lines.get(from).blank()) {
        from++;
      }
      int to = from;
      int limit = bodyLine < 0 ? lines.size() : bodyLine;
      while (to < limit) {
        Line line = lines.get(to);
        if (MEETING_START.matcher(line.folded()).find() || line.blank() && alone) {
          break;
        }
        to++;
      }
      while (to > from && lines.get(to - 1).blank()) {
        to--;
      }
      if (to <= from) {
        return null;
      }
      return new int[] {lines.get(from).start(), lines.get(to - 1).end()};
    }

    private LocalDate meetingDate(int start, int end) {
      String preamble = doc.text().substring(doc.foldedOffset(start), doc.foldedOffset(end));
      Matcher m = DATE_WORDS.matcher(preamble);
      Matcher slash = DATE_SLASH.matcher(preamble);
      Matcher found = null;
      if (m.find()) {
        found = m;
      }
      if (slash.find() && (found == null || slash.start() < found.start())) {
        found = slash;
      }
      if (found == null || found.start() > 40) {
        return null;
      }
      LocalDate date = date(found.group(3), found.group(2), found.group(1));
      int from = doc.sourceOffset(doc.foldedOffset(start) + found.start());
      int to = doc.sourceOffset(doc.foldedOffset(start) + found.end());
      notice("meetingOn", "Ngày họp đọc từ câu mở đầu: kiểm tra.", source.substring(from, to), from, to);
      return date;
    }

    private String issuer(int headerEnd, int titleLine, int[] title) {
      int end = lines.isEmpty() ? 0 : lines.get(Math.min(Math.max(headerEnd, 1), lines.size()) - 1).end();
      int foldedEnd = doc.foldedOffset(Math.max(end, 0));
      for (Mention mention : mentions) {
        if (mention.start() < foldedEnd && mention.code() != null) {
          if (!mention.sure()) {
            markMention(null, null, "issuer", "Cơ quan ban hành đọc gần đúng từ bản quét.", mention);
          }
          return mention.code();
        }
      }
      if (title != null) {
        int from = doc.foldedOffset(title[0]);
        int to = doc.foldedOffset(title[1]);
        for (Mention mention : mentions) {
          if (mention.start() >= from && mention.end() <= to && mention.code() != null) {
            markMention(null, null, "issuer", "Cơ quan ban hành suy ra từ trích yếu: kiểm tra.", mention);
            return mention.code();
          }
        }
      }
      notice("issuer", "Không tìm thấy cơ quan ban hành ở tiêu đề văn bản; chọn cơ quan ban hành.", null, -1, -1);
      return null;
    }

    // ---------------------------------------------------------------- body

    private void body(int bodyLine, List<String> recipients) {
      List<Paragraph> paragraphs = new ArrayList<>();
      int expectedSection = 1;
      Paragraph current = null;
      boolean sawBlank = false;
      String previous = "";
      int recipientsLine = -1;
      for (int i = bodyLine; i < lines.size(); i++) {
        Line line = lines.get(i);
        if (rules.recipientsHeading().matcher(line.folded()).find()) {
          recipientsLine = i;
          break;
        }
        if (line.blank()) {
          sawBlank = true;
          continue;
        }
        Matcher section = SECTION.matcher(line.raw());
        Matcher letter = LETTER.matcher(line.raw());
        if (section.find() && Integer.parseInt(section.group(1)) == expectedSection) {
          current = new Paragraph(Kind.SECTION, section.group(1), line.start() + section.end(), line.end());
          paragraphs.add(current);
          expectedSection++;
        } else if (expectedSection > 1 && letter.find()) {
          current = new Paragraph(Kind.LETTER, letter.group(1), line.start() + letter.end(), line.end());
          paragraphs.add(current);
        } else if (current == null || endsSentence(previous) && startsUpper(line.raw())
            && (sawBlank || rules.ownDutyStarters().matcher(line.folded()).find())) {
          current = new Paragraph(Kind.PLAIN, null, line.start(), line.end());
          paragraphs.add(current);
        } else {
          current.end = line.end();
        }
        previous = line.raw();
        sawBlank = false;
      }
      int bodyEnd = recipientsLine < 0 ? source.length() : lines.get(recipientsLine).start();
      // the closing sentence ends the conclusions
      for (int p = 0; p < paragraphs.size(); p++) {
        Paragraph paragraph = paragraphs.get(p);
        if (paragraph.kind == Kind.PLAIN && rules.closing().stream().anyMatch(c -> c.matcher(folded(paragraph.start,
            paragraph.end)).find())) {
          unplaced.add(new Unplaced(collapse(source.substring(paragraph.start, bodyEnd)),
              "Câu kết của thông báo: không phải nhiệm vụ (nơi nhận, cơ quan được thông báo).", paragraph.start, bodyEnd));
          paragraphs = paragraphs.subList(0, p);
          break;
        }
      }
      sections(paragraphs);
      if (recipientsLine >= 0) {
        recipients(recipientsLine, recipients);
      }
    }

    private void recipients(int heading, List<String> recipients) {
      StringBuilder entry = null;
      for (int i = heading + 1; i < lines.size(); i++) {
        String raw = lines.get(i).raw().strip();
        if (raw.isEmpty()) {
          continue;
        }
        if (raw.startsWith("-") || entry == null) {
          if (entry != null) {
            addRecipient(recipients, entry.toString());
          }
          entry = new StringBuilder(raw.replaceFirst("^-\\s*", ""));
        } else {
          entry.append(' ').append(raw);
        }
      }
      if (entry != null) {
        addRecipient(recipients, entry.toString());
      }
    }

    private void addRecipient(List<String> recipients, String entry) {
      String cleaned = entry.strip().replaceAll("[,;.]+$", "").strip();
      if (!cleaned.isEmpty() && cleaned.length() <= 1000 && recipients.size() < 500) {
        recipients.add(cleaned);
      }
    }

    private void sections(List<Paragraph> paragraphs) {
      String section = null;
      List<Mention> sectionLeads = List.of();
      Found sectionDeadline = null;
      int sectionStart = -1;
      int sectionEnd = -1;
      String previousLetter = null;
      String lastRef = null;
      int splitCount = 1;
      int lastItemIndex = -1;
      int[] lastRange = null;
      for (Paragraph paragraph : paragraphs) {
        int from = doc.foldedOffset(paragraph.start);
        int to = doc.foldedOffset(paragraph.end);
        switch (paragraph.kind) {
          case SECTION -> {
            section = paragraph.label;
            sectionStart = paragraph.start;
            sectionEnd = paragraph.end;
            previousLetter = null;
            List<Mention> heading = subjects(from, to, true);
            sectionLeads = heading;
            List<Found> deadlines = deadlines(from, to);
            sectionDeadline = deadlines.isEmpty() ? null : choose(deadlines);
            if (isDuty(from, to, heading, deadlines)) {
              lastRef = section;
              splitCount = 1;
              lastItemIndex = items.size();
              lastRange = new int[] {paragraph.start, paragraph.end};
              duty(section, paragraph.start, paragraph.end, sectionLeads, null, null);
            } else {
              lastRef = null;
              lastRange = null;
              if (heading.isEmpty()) {
                unplaced.add(new Unplaced(collapse(source.substring(paragraph.start, paragraph.end)),
                    "Đầu mục " + section + ": không nhận ra cơ quan/nhóm cơ quan được giao.", paragraph.start, paragraph.end));
              }
            }
          }
          case LETTER -> {
            if (section == null) {
              continue;
            }
            String printed = normalizeLetter(paragraph.label, previousLetter);
            String expected = previousLetter == null ? "a" : next(previousLetter);
            String letter = printed;
            boolean refUnsure = false;
            if (!printed.equals(expected) && expected != null) {
              letter = expected;
              refUnsure = true;
            } else if (printed.equals("đ") && !"đ".equals(paragraph.label) && !"Đ".equals(paragraph.label)) {
              refUnsure = true;
            }
            previousLetter = letter;
            String ref = section + "." + letter;
            lastRef = ref;
            splitCount = 1;
            lastItemIndex = items.size();
            lastRange = new int[] {paragraph.start, paragraph.end};
            int first = items.size();
            duty(ref, paragraph.start, paragraph.end, sectionLeads, sectionDeadline, sectionStart < 0 ? null
                : new int[] {sectionStart, sectionEnd});
            if (refUnsure && items.size() > first) {
              int labelAt = Math.max(0, paragraph.start - 3);
              mark(first, ref, "ref", "Ký hiệu in là \"" + paragraph.label + ")\"; đọc theo thứ tự là \"" + letter + ")\".",
                  source.substring(labelAt, paragraph.start).strip(), labelAt, paragraph.start);
            }
          }
          case PLAIN -> {
            if (lastRef == null) {
              unplaced.add(new Unplaced(collapse(source.substring(paragraph.start, paragraph.end)),
                  "Đoạn không đánh số ngoài nhiệm vụ nào.", paragraph.start, paragraph.end));
              continue;
            }
            List<Mention> subject = subjects(from, to, false);
            boolean ownDuty = rules.ownDutyStarters().matcher(doc.text().substring(from, to).strip()).find()
                && !subject.isEmpty();
            boolean ownDeadline = deadlines(from, to).stream().anyMatch(f -> DATED.contains(f.kind()))
                && lastRange != null && deadlines(doc.foldedOffset(lastRange[0]), doc.foldedOffset(lastRange[1]))
                    .stream().anyMatch(f -> DATED.contains(f.kind()));
            if (ownDuty || ownDeadline) {
              splitCount++;
              String base = lastRef.chars().filter(c -> c == '.').count() >= 2 ? lastRef.substring(0, lastRef.lastIndexOf('.'))
                  : lastRef;
              String ref = base.contains(".") ? base + "." + splitCount : base;
              int first = items.size();
              lastRange = new int[] {paragraph.start, paragraph.end};
              duty(ref, paragraph.start, paragraph.end, sectionLeads, sectionDeadline, null);
              if (items.size() > first) {
                mark(first, ref, "ref", "Đoạn không đánh số giao việc riêng (cơ quan hoặc thời hạn khác) nên tách thành nhiệm vụ "
                    + ref + ": kiểm tra.", null, paragraph.start, paragraph.end);
              }
            } else if (lastItemIndex >= 0) {
              // a continuation of the item before: read that item again over the longer text
              extend(lastItemIndex, paragraph.end);
            }
          }
          default -> throw new IllegalStateException();
        }
      }
    }

    /** A section heading that says more than who it addresses is itself a duty ("6. Cơ quan thường trực ... định kỳ"). */
    private boolean isDuty(int from, int to, List<Mention> heading, List<Found> deadlines) {
      if (!deadlines.isEmpty()) {
        return true;
      }
      String rest = doc.text().substring(from, to);
      for (Mention mention : heading) {
        rest = rest.replace(doc.text().substring(mention.start(), mention.end()), " ");
      }
      return rest.trim().split("[^a-z0-9]+").length >= 15;
    }

    /** Re-reads the item(s) at {@code index} over a range that now ends at {@code end}. */
    private void extend(int index, int end) {
      ItemSource old = itemSources.stream().filter(s -> s.item() == index).findFirst().orElse(null);
      if (old == null) {
        return;
      }
      // drop the item (and the copies split from it) with their marks, then read the longer text;
      // the marks on its ref stay: the ref was read from the printed label, not from the text
      List<Mark> refMarks = marks.stream().filter(m -> m.item() != null && m.item() == index && m.field().equals("ref"))
          .toList();
      items.subList(index, items.size()).clear();
      itemSources.removeIf(s -> s.item() >= index);
      marks.removeIf(m -> m.item() != null && m.item() >= index);
      ReadContext context = contexts.get(index);
      contexts.subList(index, contexts.size()).clear();
      duty(context.ref(), old.start(), end, context.leads(), context.sectionDeadline(), context.sectionRange());
      marks.addAll(refMarks);
    }

    private final List<ReadContext> contexts = new ArrayList<>();

    private record ReadContext(String ref, List<Mention> leads, Found sectionDeadline, int[] sectionRange) {}

    /** Reads one duty [start, end) of the source, splitting it where it gives two bodies or two deadlines. */
    private void duty(String ref, int start, int end, List<Mention> sectionLeads, Found sectionDeadline, int[] sectionRange) {
      int from = doc.foldedOffset(start);
      int to = doc.foldedOffset(end);
      int split = splitPoint(from, to);
      if (split > from && split < to) {
        int splitSource = doc.sourceOffset(split);
        one(ref, start, splitSource, sectionLeads, sectionDeadline, sectionRange);
        String second = ref.chars().filter(c -> c == '.').count() >= 2 ? ref.substring(0, ref.lastIndexOf('.')) + "."
            + (Integer.parseInt(ref.substring(ref.lastIndexOf('.') + 1)) + 1) : ref + ".2";
        int first = items.size();
        one(second, splitSource, end, sectionLeads, sectionDeadline, sectionRange);
        if (items.size() > first) {
          mark(first, second, "ref", "Câu này giao việc cho cơ quan khác hoặc có thời hạn riêng nên được tách thành nhiệm vụ "
              + second + ": kiểm tra.", null, splitSource, end);
        }
      } else {
        one(ref, start, end, sectionLeads, sectionDeadline, sectionRange);
      }
    }

    /** Where a second sentence starts its own duty ("... 2025. Giao Bộ ...") or a second dated deadline begins. */
    private int splitPoint(int from, int to) {
      String text = doc.text();
      List<Found> dated = deadlines(from, to).stream().filter(f -> DATED.contains(f.kind())).toList();
      for (int i = from + 1; i < to - 2; i++) {
        char c = text.charAt(i);
        if ((c == '.' || c == ';') && text.charAt(i + 1) == ' ') {
          int sentence = i + 2;
          String rest = text.substring(sentence, to);
          if (rules.ownDutyStarters().matcher(rest).find() && !subjects(sentence, to, false).isEmpty()) {
            return sentence;
          }
          if (dated.size() >= 2 && dated.get(0).end() <= i && dated.get(1).start() >= sentence) {
            return sentence;
          }
        }
      }
      return -1;
    }

    private void one(String ref, int start, int end, List<Mention> sectionLeads, Found sectionDeadline, int[] sectionRange) {
      int from = doc.foldedOffset(start);
      int to = doc.foldedOffset(end);
      String text = collapse(source.substring(start, end));
      if (text.isEmpty()) {
        return;
      }
      List<Mention> inItem = mentionsIn(from, to);
      List<Mention> subject = subjects(from, to, false);
      List<Mention> leads = !subject.isEmpty() ? subject : sectionLeads;
      boolean fromSection = subject.isEmpty();
      // coordinators: the bodies named that do not lead
      Set<String> coordinators = new LinkedHashSet<>();
      Set<AgencyClass> coordinatorClasses = new LinkedHashSet<>();
      List<Mention> unsureCoordinators = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      for (Mention mention : inItem) {
        if (subject.contains(mention)) {
          continue;
        }
        String before = doc.text().substring(Math.max(from, mention.start() - 80), mention.start());
        if (mention.agencyClass() != null) {
          if (mention.weak()) {
            if (!coordinatedWith(from, mention, inItem)) {
              continue;
            }
            unsureCoordinators.add(mention);
            reasons.add("\"" + doc.sourceOf(mention.start(), mention.end()) + "\" đọc là nhóm " + mention.agencyClass());
          } else if (!mention.sure()) {
            unsureCoordinators.add(mention);
          }
          coordinatorClasses.add(mention.agencyClass());
          continue;
        }
        if (rules.directed().matcher(before).find()) {
          unsureCoordinators.add(mention);
          reasons.add("\"" + doc.sourceOf(mention.start(), mention.end()) + "\" là đơn vị được chỉ đạo");
        } else if (rules.recipient().matcher(before).find()) {
          unsureCoordinators.add(mention);
          reasons.add("\"" + doc.sourceOf(mention.start(), mention.end()) + "\" là nơi nhận báo cáo/văn bản");
        } else if (!mention.sure()) {
          unsureCoordinators.add(mention);
        }
        coordinators.add(mention.code());
      }
      List<Found> deadlines = deadlines(from, to);
      if (leads.isEmpty()) {
        Item item = item(ref, text, null, null, coordinators, coordinatorClasses, sectionDeadline, deadlines);
        int index = add(item, start, end, ref, sectionLeads, sectionDeadline, sectionRange);
        mark(index, ref, "lead", "Không xác định được cơ quan chủ trì; chọn cơ quan hoặc nhóm cơ quan.", null, start, end);
        deadlineMarks(index, ref, deadlines, sectionDeadline, sectionRange, item.deadline());
        coordinatorMarks(index, ref, unsureCoordinators, reasons);
        return;
      }
      int part = 0;
      for (Mention lead : leads) {
        part++;
        String partRef = part == 1 ? ref : ref.chars().filter(c -> c == '.').count() == 1 ? ref + "." + part : ref;
        Set<String> itemCoordinators = new LinkedHashSet<>(coordinators);
        if (lead.code() != null) {
          itemCoordinators.remove(lead.code());
        }
        Item item = item(partRef, text, lead.code(), lead.agencyClass(), itemCoordinators, coordinatorClasses,
            sectionDeadline, deadlines);
        int index = add(item, start, end, partRef, sectionLeads, sectionDeadline, sectionRange);
        if (!lead.sure()) {
          markMention(index, partRef, "lead", fromSection ? "Cơ quan chủ trì lấy từ đầu mục, đọc gần đúng từ bản quét."
              : "Cơ quan chủ trì đọc gần đúng từ bản quét.", lead);
        }
        if (part > 1) {
          mark(index, partRef, "ref", "Đầu mục giao cho nhiều nhóm cơ quan: nhiệm vụ được tách theo từng nhóm ("
              + partRef + ").", null, start, end);
        }
        deadlineMarks(index, partRef, deadlines, sectionDeadline, sectionRange, item.deadline());
        coordinatorMarks(index, partRef, unsureCoordinators, reasons);
        if (ocr) {
          mark(index, partRef, "text", "Văn bản quét (OCR) mất dấu: kiểm tra lại câu chữ.", null, start, end);
        }
      }
    }

    /** "phối hợp với [Bộ X và] các địa phương": the weak name stands in the list of coordinating bodies. */
    private boolean coordinatedWith(int from, Mention mention, List<Mention> inItem) {
      String before = doc.text().substring(Math.max(from, mention.start() - 120), mention.start());
      int offset = mention.start() - before.length();
      Matcher coordination = rules.coordination().matcher(before);
      int gapStart = -1;
      while (coordination.find()) {
        gapStart = offset + coordination.end();
      }
      if (gapStart < 0) {
        return false;
      }
      StringBuilder gap = new StringBuilder(doc.text().substring(gapStart, mention.start()));
      for (Mention other : inItem) {
        if (other.start() >= gapStart && other.end() <= mention.start()) {
          for (int k = other.start() - gapStart; k < other.end() - gapStart; k++) {
            gap.setCharAt(k, ' ');
          }
        }
      }
      return gap.toString().matches("[\\s,;]*(?:va[\\s,;]*)?(?:cac[\\s,;]*)?");
    }

    private int add(Item item, int start, int end, String ref, List<Mention> sectionLeads, Found sectionDeadline,
        int[] sectionRange) {
      int index = items.size();
      items.add(item);
      itemSources.add(new ItemSource(index, start, end));
      contexts.add(new ReadContext(ref, sectionLeads, sectionDeadline, sectionRange));
      return index;
    }

    private Item item(String ref, String text, String lead, AgencyClass leadClass, Set<String> coordinators,
        Set<AgencyClass> coordinatorClasses, Found sectionDeadline, List<Found> deadlines) {
      Found chosen = deadlines.isEmpty() ? sectionDeadline : choose(deadlines);
      Deadline deadline;
      if (chosen == null) {
        deadline = new Deadline(DeadlineKind.ONGOING, null, null);
      } else {
        String phrase = collapse(doc.sourceOf(chosen.start(), chosen.end()));
        deadline = new Deadline(chosen.kind(), DATED.contains(chosen.kind()) || chosen.kind() == DeadlineKind.FROM_DATE
            ? chosen.date() : null, phrase.length() > 2000 ? phrase.substring(0, 2000) : phrase);
      }
      List<AgencyClass> classes = new ArrayList<>(coordinatorClasses);
      if (leadClass != null) {
        classes.remove(leadClass);
      }
      return new Item(ref, text.length() > 4000 ? text.substring(0, 4000) : text, lead, leadClass,
          List.copyOf(coordinators), List.copyOf(classes), deadline, keyTask, null);
    }

    private void deadlineMarks(int index, String ref, List<Found> deadlines, Found sectionDeadline, int[] sectionRange,
        Deadline deadline) {
      if (deadlines.isEmpty()) {
        if (sectionDeadline != null && sectionRange != null) {
          mark(index, ref, "deadline", "Nhiệm vụ không ghi thời hạn; lấy thời hạn của đầu mục: kiểm tra.",
              doc.sourceOf(sectionDeadline.start(), sectionDeadline.end()), doc.sourceOffset(sectionDeadline.start()),
              doc.sourceOffset(sectionDeadline.end()));
        } else {
          mark(index, ref, "deadline", "Không tìm thấy cụm từ thời hạn; tạm coi là nhiệm vụ thường xuyên: kiểm tra.",
              null, -1, -1);
        }
        return;
      }
      Found chosen = choose(deadlines);
      List<String> why = new ArrayList<>();
      if (!chosen.sure()) {
        why.add("cách đọc cụm từ này chưa chắc chắn");
      }
      if (chosen.yearOmitted()) {
        why.add("không ghi năm, lấy năm của thông báo");
      }
      if (chosen.problem() != null) {
        why.add(chosen.problem());
      }
      long distinct = deadlines.stream().map(f -> f.kind() + "/" + f.date()).distinct().count();
      if (distinct > 1) {
        why.add("có " + distinct + " cụm từ thời hạn khác nhau trong nhiệm vụ");
      }
      if (deadline.kind() != null && DATED.contains(deadline.kind()) && deadline.date() == null) {
        why.add("ngày không hợp lệ");
      }
      if (!why.isEmpty()) {
        mark(index, ref, "deadline", "Thời hạn: " + String.join("; ", why) + ".", doc.sourceOf(chosen.start(), chosen.end()),
            doc.sourceOffset(chosen.start()), doc.sourceOffset(chosen.end()));
      }
    }

    private void coordinatorMarks(int index, String ref, List<Mention> unsure, List<String> reasons) {
      for (Mention mention : unsure) {
        String field = mention.agencyClass() != null ? "coordinatorClasses" : "coordinators";
        String reason = reasons.stream().filter(r -> r.contains(doc.sourceOf(mention.start(), mention.end())))
            .findFirst().map(r -> r + ": kiểm tra có phải cơ quan phối hợp.")
            .orElse("Cơ quan phối hợp đọc gần đúng từ bản quét.");
        markMention(index, ref, field, reason, mention);
      }
    }

    // ---------------------------------------------------------------- mentions

    private List<Mention> findMentions() {
      List<Mention> all = new ArrayList<>();
      String text = doc.text();
      for (Agency agency : agencies.all()) {
        if (noticeDate != null && !agency.isActiveOn(noticeDate)) {
          continue;
        }
        List<String> names = new ArrayList<>();
        names.add(Folded.fold(agency.name()));
        names.addAll(rules.agencyAliases().getOrDefault(agency.code(), List.of()));
        for (String name : names) {
          for (FuzzyFinder.Hit hit : FuzzyFinder.find(name, text)) {
            all.add(new Mention(hit.start(), hit.end(), agency.code(), null, false, hit.edits(), name.length()));
          }
        }
      }
      addClasses(all, text, rules.classAliases(), false);
      addClasses(all, text, rules.weakClassAliases(), true);
      // where readings overlap, the longer name read with fewer edits wins
      all.sort(Comparator.comparingInt((Mention m) -> -(m.length() - 2 * m.edits())).thenComparingInt(Mention::start));
      List<Mention> kept = new ArrayList<>();
      for (Mention mention : all) {
        if (kept.stream().noneMatch(k -> k.start() < mention.end() && mention.start() < k.end())) {
          kept.add(mention);
        }
      }
      kept.sort(Comparator.comparingInt(Mention::start));
      // a body cited ("của Bộ Chính trị", "02-KH/BCĐTW") is not given work
      return kept.stream().filter(m -> !rules.reference().matcher(text.substring(Math.max(0, m.start() - 30), m.start()))
          .find()).toList();
    }

    private void addClasses(List<Mention> all, String text, Map<AgencyClass, List<String>> aliases, boolean weak) {
      aliases.forEach((agencyClass, names) -> {
        for (String name : names) {
          for (FuzzyFinder.Hit hit : FuzzyFinder.find(name, text)) {
            all.add(new Mention(hit.start(), hit.end(), null, agencyClass, weak, hit.edits(), name.length()));
          }
        }
      });
    }

    private List<Mention> mentionsIn(int from, int to) {
      return mentions.stream().filter(m -> m.start() >= from && m.end() <= to).toList();
    }

    /**
     * The bodies a duty is addressed to: named within its first words ("Giao Bộ ...", "Các Bộ, cơ
     * quan ngang Bộ chủ trì ..."), and for a class the classes listed right after it. In a heading,
     * every body named ("5. Các Bộ, cơ quan ngang Bộ, Ủy ban nhân dân ...:").
     */
    private List<Mention> subjects(int from, int to, boolean heading) {
      List<Mention> in = mentionsIn(from, to).stream().filter(m -> !m.weak()).toList();
      if (in.isEmpty()) {
        return List.of();
      }
      Mention first = in.get(0);
      String before = doc.text().substring(from, first.start());
      int words = before.isBlank() ? 0 : before.trim().split("\\s+").length;
      if (words > SUBJECT_WORDS || rules.coordination().matcher(before).find() || rules.directed().matcher(before).find()
          || rules.recipient().matcher(before).find()) {
        return List.of();
      }
      List<Mention> subjects = new ArrayList<>();
      subjects.add(first);
      if (heading || first.agencyClass() != null) {
        // classes listed together ("các Bộ, cơ quan ngang Bộ, Ủy ban nhân dân tỉnh ...")
        for (int k = 1; k < in.size(); k++) {
          Mention next = in.get(k);
          String between = doc.text().substring(in.get(k - 1).end(), next.start()).trim();
          if ((next.agencyClass() != null) == (first.agencyClass() != null)
              && between.matches("[,;]?\\s*(?:va)?\\s*[,;]?")) {
            subjects.add(next);
          } else {
            break;
          }
        }
      }
      return subjects;
    }

    // ---------------------------------------------------------------- deadlines

    private List<Found> deadlines(int from, int to) {
      String text = doc.text().substring(from, to);
      List<Found> found = new ArrayList<>();
      for (DraftRules.Phrase phrase : rules.deadlines()) {
        Matcher m = phrase.pattern().matcher(text);
        while (m.find()) {
          int s = from + m.start();
          int e = from + m.end();
          if (found.stream().anyMatch(f -> f.start() < e && s < f.end())) {
            continue;
          }
          found.add(read(phrase, m, s, e));
        }
      }
      found.sort(Comparator.comparingInt(Found::start));
      return found;
    }

    private Found read(DraftRules.Phrase phrase, Matcher m, int start, int end) {
      DeadlineKind kind = phrase.kind();
      if (!DATED.contains(kind) && kind != DeadlineKind.FROM_DATE) {
        return new Found(kind, null, start, end, phrase.sure(), false, null);
      }
      String y = group(m, "y");
      boolean yearOmitted = y == null;
      int year;
      if (y != null) {
        year = Integer.parseInt(y);
      } else if (noticeDate != null) {
        year = noticeDate.getYear();
      } else {
        return new Found(kind, null, start, end, false, true, "không có năm và không biết ngày của thông báo");
      }
      LocalDate date;
      String problem = null;
      try {
        if (phrase.quarter()) {
          String q = group(m, "q");
          int quarter = switch (q) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            default -> 4;
          };
          date = YearMonth.of(year, quarter * 3).atEndOfMonth();
        } else if (kind == DeadlineKind.END_OF_MONTH) {
          date = YearMonth.of(year, Integer.parseInt(group(m, "m"))).atEndOfMonth();
        } else {
          date = LocalDate.of(year, Integer.parseInt(group(m, "m")), Integer.parseInt(group(m, "d")));
        }
        if (!WorkingDayCalendar.supports(date)) {
          problem = "năm ngoài lịch làm việc";
          date = null;
        }
      } catch (DateTimeException | NumberFormatException | NullPointerException e) {
        date = null;
        problem = "ngày không hợp lệ";
      }
      return new Found(kind, date, start, end, phrase.sure() && problem == null, yearOmitted, problem);
    }

    private static String group(Matcher m, String name) {
      try {
        return m.group(name);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    private Found choose(List<Found> found) {
      return found.stream().min(Comparator.comparingInt((Found f) -> PRIORITY.indexOf(f.kind()))
          .thenComparingInt(Found::start)).orElseThrow();
    }

    // ---------------------------------------------------------------- helpers

    private LocalDate date(String year, String month, String day) {
      try {
        LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        return WorkingDayCalendar.supports(date) ? date : null;
      } catch (DateTimeException | NumberFormatException e) {
        return null;
      }
    }

    private String folded(int start, int end) {
      return doc.text().substring(doc.foldedOffset(start), doc.foldedOffset(end));
    }

    /** OCR output: many words with digits or noise marks inside, or the whole text without a diacritic. */
    private boolean looksLikeOcr() {
      String[] words = source.split("\\s+");
      int noisy = 0;
      int marked = 0;
      int total = 0;
      for (String word : words) {
        if (word.isEmpty()) {
          continue;
        }
        total++;
        if (word.matches(".*\\p{L}.*\\d.*|.*\\d.*\\p{L}.*") && !word.matches("[\\dA-ZĐ/.,;:()\\-]+")
            || word.matches(".*[*^~¢'].*")) {
          noisy++;
        }
        if (!Normalizer.normalize(word, Normalizer.Form.NFD).equals(word) || word.contains("đ") || word.contains("Đ")) {
          marked++;
        }
      }
      return total > 0 && (noisy * 50 > total || marked * 5 < total);
    }

    private void notice(String field, String reason, String words, int start, int end) {
      marks.add(new Mark(null, null, field, reason, words, start, end));
    }

    private void mark(Integer item, String ref, String field, String reason, String words, int start, int end) {
      marks.add(new Mark(item, ref, field, reason, words, start, end));
    }

    private void markMention(Integer item, String ref, String field, String reason, Mention mention) {
      int start = doc.sourceOffset(mention.start());
      int end = doc.sourceOffset(mention.end() - 1) + 1;
      marks.add(new Mark(item, ref, field, reason, source.substring(start, end), start, end));
    }
  }

  static boolean endsSentence(String line) {
    String s = line.strip();
    return s.isEmpty() || s.endsWith(".") || s.endsWith(";") || s.endsWith(":");
  }

  static boolean startsUpper(String line) {
    String s = line.strip();
    return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
  }

  static String collapse(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The printed letter as a Vietnamese letter: "¢" is "c"; a second "d" after "d" is "đ". */
  static String normalizeLetter(String printed, String previous) {
    String letter = printed.toLowerCase();
    if (letter.equals("¢")) {
      return "c";
    }
    if (letter.equals("d") && "d".equals(previous)) {
      return "đ";
    }
    return letter;
  }

  static String next(String letter) {
    int at = LETTERS.indexOf(letter);
    return at < 0 || at + 1 >= LETTERS.length() ? null : String.valueOf(LETTERS.charAt(at + 1));
  }
}
