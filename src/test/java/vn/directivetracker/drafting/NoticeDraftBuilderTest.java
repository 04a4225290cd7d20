package vn.directivetracker.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.directivetracker.agency.AgencyFileParser;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.deadline.DeadlineKind;
import vn.directivetracker.notice.AgencyClass;

/** The draft builder on its own: deadline phrases, agency names as OCR spells them, splitting into items. */
class NoticeDraftBuilderTest {

  private static NoticeDraftBuilder builder;

  @BeforeAll
  static void registry() throws Exception {
    try (InputStream in = NoticeDraftBuilderTest.class.getClassLoader().getResourceAsStream("agencies.yaml")) {
      AgencyRegistry agencies = new AgencyRegistry(new AgencyFileParser().parse(in, "agencies.yaml"));
      Map<String, String> offices = Map.of("VPCP", "VPCP", "BCDTW", "VPTWD");
      builder = new NoticeDraftBuilder(agencies, DraftRules.standard(), issuer -> Optional.ofNullable(offices.get(issuer)));
    }
  }

  /** A VPCP notice of 10/3/2025 with the given body. */
  private static NoticeDraft draft(String body) {
    return builder.draft("""
        VĂN PHÒNG CHÍNH PHỦ
        Số: 88/TB-VPCP                      Hà Nội, ngày 10 tháng 3 năm 2025

        THÔNG BÁO
        Kết luận của Phó Thủ tướng Chính phủ về chuyển đổi số

        Ngày 07 tháng 3 năm 2025, Phó Thủ tướng chủ trì cuộc họp ... yêu cầu thực hiện các nhiệm vụ trọng tâm sau:

        """ + body);
  }

  private static NoticeDraft.Item only(NoticeDraft draft) {
    assertThat(draft.notice().items()).hasSize(1);
    return draft.notice().items().get(0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Hoàn thành trước ngày 30 tháng 6 năm 2025.   | DATE         | 2025-06-30
      hoàn thành trước ngày 30/6/2025.             | DATE         | 2025-06-30
      Hoàn thành trong tháng 9/2025.               | END_OF_MONTH | 2025-09-30
      hoàn thành trong tháng 7 năm 2025;           | END_OF_MONTH | 2025-07-31
      hoàn thành trong quý III năm 2025.           | END_OF_MONTH | 2025-09-30
      Nhiệm vụ thường xuyên.                       | ONGOING      |
      báo cáo hằng tháng.                          | ONGOING      |
      họp định kỳ 05 ngày/lần.                     | ONGOING      |
      khẩn trương thực hiện.                       | ASAP         |
      hoàn thành trong thời gian sớm nhất.         | ASAP         |
      Hoàn thành theo lộ trình của Đề án.          | ROADMAP      |
      bảo đảm vận hành từ ngày 01/7/2025.          | FROM_DATE    | 2025-07-01
      Hoan thanh truoc ngay 15/9/2025.             | DATE         | 2025-09-15
      Hoàn thành trtró'c ngày 15/9/2025.           | DATE         | 2025-09-15
      Hoàn thành trong thing 11/2025.              | END_OF_MONTH | 2025-11-30
      Nhim vi thtrô'ng xuyên.                      | ONGOING      |
      """)
  void deadlinePhrases(String phrase, DeadlineKind kind, LocalDate date) {
    NoticeDraft.Item item = only(draft("1. Bộ Công an:\na) Chủ trì xây dựng đề án. " + phrase + "\n"));
    assertThat(item.deadline().kind()).isEqualTo(kind);
    assertThat(item.deadline().date()).isEqualTo(date);
    assertThat(item.deadline().phrase()).isNotBlank();
  }

  @Test
  void aYearLeftOutIsTheNoticesYearAndMarked() {
    NoticeDraft draft = draft("1. Bộ Công an:\na) Chủ trì xây dựng đề án, hoàn thành trước 31/12.\n");
    assertThat(only(draft).deadline()).isEqualTo(new NoticeDraft.Deadline(DeadlineKind.DATE, LocalDate.of(2025, 12, 31),
        "trước 31/12"));
    assertThat(draft.marks()).anySatisfy(mark -> {
      assertThat(mark.field()).isEqualTo("deadline");
      assertThat(mark.reason()).contains("lấy năm của thông báo");
      assertThat(mark.words()).isEqualTo("trước 31/12");
    });
  }

  @Test
  void aDutyWithoutDeadlineIsMarkedNotGuessedSilently() {
    NoticeDraft draft = draft("1. Bộ Công an:\na) Chủ trì xây dựng đề án.\n");
    assertThat(only(draft).deadline().kind()).isEqualTo(DeadlineKind.ONGOING);
    assertThat(draft.marks()).anySatisfy(mark -> assertThat(mark.field()).isEqualTo("deadline"));
  }

  @Test
  void aDatedDeadlineBeatsUrgencyAndTwoDeadlinesAreMarked() {
    NoticeDraft draft = draft("1. Bộ Công an:\na) Khẩn trương rà soát, đưa vào thử nghiệm trước ngày 28/6/2025 để bảo đảm "
        + "vận hành từ ngày 01/7/2025.\n");
    assertThat(only(draft).deadline().kind()).isEqualTo(DeadlineKind.DATE);
    assertThat(only(draft).deadline().date()).isEqualTo(LocalDate.of(2025, 6, 28));
    assertThat(draft.marks()).anySatisfy(mark -> assertThat(mark.reason()).contains("cụm từ thời hạn khác nhau"));
  }

  @Test
  void theHeaderIsRead() {
    NoticeDraft draft = draft("1. Bộ Công an:\na) Chủ trì. Nhiệm vụ thường xuyên.\n");
    assertThat(draft.notice().number()).isEqualTo("88/TB-VPCP");
    assertThat(draft.notice().issuer()).isEqualTo("VPCP");
    assertThat(draft.notice().standingOffice()).isEqualTo("VPCP");
    assertThat(draft.notice().issuedOn()).isEqualTo(LocalDate.of(2025, 3, 10));
    assertThat(draft.notice().meetingOn()).isEqualTo(LocalDate.of(2025, 3, 7));
    assertThat(draft.notice().title()).isEqualTo("Kết luận của Phó Thủ tướng Chính phủ về chuyển đổi số");
    assertThat(only(draft).keyTask()).isTrue();
    // clean text with diacritics: the wording is not marked for checking
    assertThat(draft.marks()).noneSatisfy(mark -> assertThat(mark.field()).isIn("text", "title", "lead"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Bộ Khoa học và Công nghệ      | BKHCN
      Bo Khoa hoc va Cong nghe      | BKHCN
      Bộ KH&CN                      | BKHCN
      B9 Khoa hoc va Cong ngh¢      | BKHCN
      BO Tai chinh                  | BTC
      B6 Cong an                    | BCA
      Vin phong Chinh phtl          | VPCP
      Van phOng Trung *rung Dãng    | VPTWD
      Ban Cor yen ChInh phü         | BCYCP
      """)
  void agencyNamesWithLostOrGarbledDiacritics(String heading, String code) {
    NoticeDraft.Item item = only(draft("1. " + heading + ":\na) Chủ trì xây dựng đề án. Nhiệm vụ thường xuyên.\n"));
    assertThat(item.lead()).isEqualTo(code);
    assertThat(item.leadClass()).isNull();
  }

  @Test
  void similarWordsAreNotAgencies() {
    NoticeDraft.Item item = only(draft("1. Bộ Tài chính:\na) Đăng ký nhu cầu ngân sách nhà nước, rà soát các hệ thống thông tin"
        + " Chính phủ điện tử để các thôn bản có điều kiện tiếp cận. Nhiệm vụ thường xuyên.\n"));
    assertThat(item.coordinators()).isEmpty();
  }

  @Test
  void coordinatorsAndClassesButNotCitedBodiesOrUnnamedOnes() {
    NoticeDraft.Item item = only(draft("1. Bộ Công an:\na) Chủ trì, phối hợp với Bộ Xây dựng, Văn phòng Chính phủ, Ủy ban "
        + "nhân dân các tỉnh, thành phố trực thuộc Trung ương và các Bộ, cơ quan liên quan triển khai Kế hoạch số "
        + "02-KH/BCĐTW của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số. "
        + "Hoàn thành trong tháng 7 năm 2025.\n"));
    assertThat(item.lead()).isEqualTo("BCA");
    assertThat(item.coordinators()).containsExactly("BXD", "VPCP");
    assertThat(item.coordinatorClasses()).containsExactly(AgencyClass.PROVINCIAL_PEOPLES_COMMITTEES);
  }

  @Test
  void aSectionAddressedToTwoClassesGivesOneItemPerClassUnlessTheItemNamesItsOwn() {
    NoticeDraft draft = draft("""
        1. Các Bộ, cơ quan ngang Bộ, Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương:
        a) Các Bộ, cơ quan ngang Bộ chủ trì, phối hợp với Bộ Công an rà soát cơ sở dữ liệu. Hoàn thành trước ngày 28/6/2025.
        b) Chủ động rà soát, hoàn thành trong tháng 6 năm 2025;
        """);
    assertThat(draft.notice().items()).extracting(NoticeDraft.Item::ref).containsExactly("1.a", "1.b", "1.b.2");
    assertThat(draft.notice().items()).extracting(NoticeDraft.Item::leadClass).containsExactly(
        AgencyClass.MINISTRIES_AND_MINISTERIAL_AGENCIES, AgencyClass.MINISTRIES_AND_MINISTERIAL_AGENCIES,
        AgencyClass.PROVINCIAL_PEOPLES_COMMITTEES);
    assertThat(draft.notice().items().get(0).coordinators()).containsExactly("BCA");
  }

  @Test
  void refsAsPrintedIncludingĐAndUnletteredSections() {
    NoticeDraft draft = draft("""
        1. Bộ Công an:
        a) Chủ trì việc thứ nhất. Nhiệm vụ thường xuyên.
        b) Chủ trì việc thứ hai. Nhiệm vụ thường xuyên.
        c) Chủ trì việc thứ ba. Nhiệm vụ thường xuyên.
        d) Chủ trì việc thứ tư. Nhiệm vụ thường xuyên.
        d) Chủ trì việc thứ năm, in sai ký hiệu. Nhiệm vụ thường xuyên.

        2. Bộ Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật liên quan đến dữ liệu, đề xuất sửa đổi, bổ sung cho phù hợp, hoàn thành trong tháng 8/2025.
        """);
    assertThat(draft.notice().items()).extracting(NoticeDraft.Item::ref).containsExactly("1.a", "1.b", "1.c", "1.d", "1.đ", "2");
    assertThat(draft.notice().items().get(5).lead()).isEqualTo("BTP");
    assertThat(draft.notice().items().get(5).deadline().date()).isEqualTo(LocalDate.of(2025, 8, 31));
    assertThat(draft.marks()).anySatisfy(mark -> {
      assertThat(mark.ref()).isEqualTo("1.đ");
      assertThat(mark.field()).isEqualTo("ref");
    });
  }

  @Test
  void anUnletteredParagraphGivingAnotherAgencyWorkIsItsOwnItem() {
    NoticeDraft draft = draft("""
        1. Bộ Tài chính:
        a) Chỉ đạo Tập đoàn Điện lực phối hợp với Bộ Công Thương cung cấp điện. Hoàn thành trong tháng 10 năm 2025;

        Giao Bộ Khoa học và Công nghệ theo dõi và đôn đốc tiến độ, hoàn thành trong tháng 11 năm 2025.
        b) Chủ trì hướng dẫn. Hoàn thành trước ngày 25/6/2025. Giao Bộ Tư pháp thẩm định văn bản, hoàn thành trước ngày 30/6/2025.
        """);
    assertThat(draft.notice().items()).extracting(NoticeDraft.Item::ref).containsExactly("1.a", "1.a.2", "1.b", "1.b.2");
    assertThat(draft.notice().items()).extracting(NoticeDraft.Item::lead).containsExactly("BTC", "BKHCN", "BTC", "BTP");
    assertThat(draft.notice().items().get(0).coordinators()).containsExactly("EVN", "BCT");
    assertThat(draft.notice().items().get(1).deadline().date()).isEqualTo(LocalDate.of(2025, 11, 30));
    assertThat(draft.notice().items().get(3).deadline().date()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(draft.marks()).filteredOn(mark -> mark.field().equals("ref")).extracting(NoticeDraft.Mark::ref)
        .contains("1.a.2", "1.b.2");
  }

  @Test
  void textItCannotPlaceIsShownNotDropped() {
    NoticeDraft draft = draft("""
        1. Hội đồng Không Có Trong Danh Mục:
        a) Chủ trì xây dựng đề án. Nhiệm vụ thường xuyên.

        Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
        """);
    assertThat(draft.notice().items()).hasSize(1);
    assertThat(draft.notice().items().get(0).lead()).isNull();
    assertThat(draft.marks()).anySatisfy(mark -> assertThat(mark.field()).isEqualTo("lead"));
    assertThat(draft.unplaced()).extracting(NoticeDraft.Unplaced::text)
        .anySatisfy(text -> assertThat(text).contains("Hội đồng Không Có Trong Danh Mục"))
        .anySatisfy(text -> assertThat(text).contains("thông báo để các cơ quan biết"));
  }

  @Test
  void theSeedNoticesOcrGivesTheCatalogsItemsAndLeads() throws Exception {
    NoticeDraft draft = builder.draft(resource("drafting/seeds/315-TB-VPCP.ocr.txt"));
    assertThat(draft.notice().items()).extracting(NoticeDraft.Item::ref).containsExactly("1.a", "1.b", "1.c", "1.d",
        "2.a", "2.b", "2.c", "2.d", "2.đ", "3.a", "3.a.2", "3.b", "3.c", "4.a", "4.b", "4.c", "5.a", "5.b", "5.b.2",
        "5.c", "5.c.2", "5.d", "5.d.2", "6", "6.a", "6.b", "6.c");
    assertThat(draft.notice().items()).extracting(NoticeDraft.Item::lead).containsExactly("BCA", "BCA", "BCA", "BCA",
        "BKHCN", "BKHCN", "BKHCN", "BKHCN", "BKHCN", "BTC", "BKHCN", "BTC", "BTC", "VPCP", "VPCP", "VPCP", null, null,
        null, null, null, null, null, "BKHCN", "BKHCN", "BCA", "VPCP");
    // an OCR text: every item's wording is marked for checking
    assertThat(draft.marks()).filteredOn(mark -> mark.field().equals("text")).hasSize(27);
    // offsets point at the words quoted
    draft.marks().stream().filter(mark -> mark.start() >= 0 && mark.words() != null).forEach(mark ->
        assertThat(draft.source().substring(mark.start(), mark.end())).contains(mark.words().substring(0, 1)));
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = NoticeDraftBuilderTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void phraseRulesAreData() throws Exception {
    String yaml = """
        words: {}
        deadlines:
          - {kind: DATE, pattern: 'chậm nhất ngày {D}/{M}/{Y}'}
        agencyAliases: {BCA: ["C06"]}
        classAliases: {}
        weakClassAliases: {}
        mentionContext: {}
        ownDutyStarters: '^giao'
        keyTask: 'trọng tâm'
        closing: []
        recipients: '^noi nhan'
        """;
    DraftRules rules = DraftRules.read(new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    try (InputStream in = NoticeDraftBuilderTest.class.getClassLoader().getResourceAsStream("agencies.yaml")) {
      NoticeDraftBuilder custom = new NoticeDraftBuilder(new AgencyRegistry(new AgencyFileParser().parse(in, "agencies.yaml")),
          rules, issuer -> Optional.empty());
      NoticeDraft draft = custom.draft("Số: 1/TB-VPCP ngày 02/6/2025\nTHÔNG BÁO\nTiêu đề\n\n1. C06:\na) Làm việc, chậm nhất ngày 15/7/2025.\n");
      assertThat(draft.notice().items().get(0).lead()).isEqualTo("BCA");
      assertThat(draft.notice().items().get(0).deadline().date()).isEqualTo(LocalDate.of(2025, 7, 15));
    }
    assertThat(List.of(DraftRules.standard().deadlines().size())).allSatisfy(n -> assertThat(n).isGreaterThan(20));
  }
}
