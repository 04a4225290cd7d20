package vn.directivetracker.notice;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.directivetracker.agency.AgencyFileParser;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.deadline.DeadlineKind;

/** The seed notices' totals: a later edit of the catalog cannot silently drop or add an item. */
class NoticeCatalogTest {

  private static AgencyRegistry agencies;
  private static List<NoticeDocument> notices;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream input = NoticeCatalogTest.class.getResourceAsStream("/agencies.yaml")) {
      agencies = new AgencyRegistry(new AgencyFileParser().parse(input, "agencies.yaml"));
    }
    notices = new NoticeCatalog(new NoticeValidator(agencies)).load();
  }

  private static NoticeDocument notice(String number) {
    return notices.stream().filter(n -> n.number().equals(number)).findFirst().orElseThrow();
  }

  @Test
  void bothSeedNoticesAreInTheCatalogWithEveryItem() {
    assertThat(notices).extracting(NoticeDocument::number)
        .containsExactlyInAnyOrder("315/TB-VPCP", "TBKL-BCĐTW-05/9/2025");
    assertThat(notice("315/TB-VPCP").items()).hasSize(27);
    assertThat(notice("TBKL-BCĐTW-05/9/2025").items()).hasSize(20);
    assertThat(notice("315/TB-VPCP").standingOffice()).isEqualTo("VPCP");
    assertThat(notice("TBKL-BCĐTW-05/9/2025").standingOffice()).isEqualTo("VPTWD");
  }

  @Test
  void itemsPerDeadlineKind() {
    assertThat(kinds(notice("315/TB-VPCP"))).containsOnly(entry(DeadlineKind.DATE, 11L),
        entry(DeadlineKind.ONGOING, 8L), entry(DeadlineKind.END_OF_MONTH, 6L), entry(DeadlineKind.FROM_DATE, 1L),
        entry(DeadlineKind.ASAP, 1L));
    assertThat(kinds(notice("TBKL-BCĐTW-05/9/2025"))).containsOnly(entry(DeadlineKind.END_OF_MONTH, 9L),
        entry(DeadlineKind.ONGOING, 5L), entry(DeadlineKind.DATE, 4L), entry(DeadlineKind.ASAP, 1L),
        entry(DeadlineKind.ROADMAP, 1L));
  }

  @Test
  void itemsPerLead() {
    Map<String, Long> leads = notices.stream().flatMap(n -> n.items().stream())
        .collect(groupingBy(item -> item.lead() != null ? item.lead() : item.leadClass().name(), counting()));
    assertThat(leads).containsOnly(entry("BCA", 9L), entry("BKHCN", 11L), entry("BTC", 3L), entry("VPCP", 4L),
        entry("BCYCP", 2L), entry("VPTWD", 7L), entry("MINISTRIES_AND_MINISTERIAL_AGENCIES", 4L),
        entry("PROVINCIAL_PEOPLES_COMMITTEES", 3L), entry("CENTRAL_PARTY_AGENCIES", 2L),
        entry("PROVINCIAL_PARTY_COMMITTEES", 2L));
  }

  @Test
  void classItemsFanOutToEveryAddressedAgency() {
    NoticeFanOut fanOut = new NoticeFanOut(agencies);
    // 20 single-lead items + 4 items x 17 ministries and ministerial-level agencies + 3 items x 34 provinces
    assertThat(fanOut.expand(notice("315/TB-VPCP"))).hasSize(20 + 4 * 17 + 3 * 34);
    // 16 single-lead items + 2 items x 7 central Party agencies + 2 items x 34 provincial Party committees
    List<TrackedDirective> bcdtw = fanOut.expand(notice("TBKL-BCĐTW-05/9/2025"));
    assertThat(bcdtw).hasSize(16 + 2 * 7 + 2 * 34);
    assertThat(bcdtw).extracting(TrackedDirective::businessKey).doesNotHaveDuplicates()
        .contains("TBKL-BCĐTW-05/9/2025/5.a/TU-HANOI", "TBKL-BCĐTW-05/9/2025/1.a/VPTWD");
  }

  @Test
  void textsAreVietnameseInNormalForm() {
    assertThat(notices.stream().flatMap(n -> n.items().stream()))
        .allSatisfy(item -> assertThat(Normalizer.isNormalized(item.text(), Normalizer.Form.NFC)).as(item.ref()).isTrue());
    assertThat(notice("315/TB-VPCP").items().get(1).text()).startsWith("Chủ trì, phối hợp với Bộ Khoa học và Công nghệ");
  }

  private static Map<DeadlineKind, Long> kinds(NoticeDocument notice) {
    return notice.items().stream().collect(groupingBy(item -> item.deadline().kind(), counting()));
  }
}
