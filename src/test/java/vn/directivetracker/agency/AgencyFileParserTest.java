package vn.directivetracker.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AgencyFileParserTest {

  private final AgencyFileParser parser = new AgencyFileParser();

  @Test
  void theShippedRegistryHoldsEveryBodyTheSeedsAndDomainNotesName() throws IOException {
    List<Agency> agencies;
    try (InputStream input = getClass().getResourceAsStream("/agencies.yaml")) {
      agencies = parser.parse(input, "agencies.yaml");
    }
    Map<AgencyKind, Long> perKind = agencies.stream()
        .collect(Collectors.groupingBy(Agency::kind, Collectors.counting()));
    assertThat(perKind).containsEntry(AgencyKind.MINISTRY, 14L)
        .containsEntry(AgencyKind.MINISTERIAL_AGENCY, 3L)
        .containsEntry(AgencyKind.PROVINCIAL_PARTY_COMMITTEE, 34L)
        .containsEntry(AgencyKind.PROVINCIAL_PEOPLES_COMMITTEE, 34L)
        .containsEntry(AgencyKind.STEERING_COMMITTEE, 2L);
    Map<String, Agency> byCode = agencies.stream().collect(Collectors.toMap(Agency::code, Function.identity()));
    assertThat(byCode).containsKeys("BCA", "BKHCN", "BTC", "VPCP", "VPTWD", "BCYCP", "EVN", "BCDTW", "BCDCP",
        "TU-HANOI", "UBND-HOCHIMINH", "UBND-CAMAU");
    assertThat(byCode.get("BKHCN").name()).isEqualTo("Bộ Khoa học và Công nghệ");
    assertThat(byCode.get("BCYCP").name()).isEqualTo("Ban Cơ yếu Chính phủ");
    assertThat(byCode.get("UBND-DAKLAK").name()).isEqualTo("Ủy ban nhân dân tỉnh Đắk Lắk");
    assertThat(agencies).allSatisfy(agency ->
        assertThat(Normalizer.isNormalized(agency.name(), Normalizer.Form.NFC)).as(agency.code()).isTrue());
    assertThat(byCode.get("UBND-HANOI").isActiveOn(LocalDate.of(2025, 6, 30))).isFalse();
    assertThat(byCode.get("UBND-HANOI").isActiveOn(LocalDate.of(2025, 7, 1))).isTrue();
  }

  @Test
  void everyProblemIsReportedWithItsEntryAndLine() {
    String yaml = """
        agencies:
          - code: BCA
            name: Bộ Công an
            nameEn: Ministry of Public Security
            kind: MINISTRY
            validFrom: 2025-03-01
            validTo: null
          - code: BCA
            name: Bộ Công an (lặp)
            nameEn: Duplicate
            kind: MINISTRY
            validFrom: 2025-03-01
          - code: BYT
            nameEn: Ministry of Health
            kind: MINISTRY
            validFrom: 2025-03-01
          - code: BTP
            name: Bộ Tư pháp
            nameEn: Ministry of Justice
            kind: MINISTRY
            validFrom: 2025-02-30
          - code: bad code
            name: X
            nameEn: X
            kind: PLANET
            validFrom: 2025-01-01
            validTo: 2024-01-01
        """;
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOfSatisfying(AgencyRegistryException.class, e -> assertThat(e.problems()).containsExactly(
            "entry 2 (line 8): duplicate code BCA (first at line 2)",
            "entry 3 (line 13) BYT: missing name",
            "entry 4 (line 17) BTP: validFrom '2025-02-30' is not a date (yyyy-mm-dd)",
            "entry 5 (line 22) bad code: code 'bad code' must be upper-case letters and digits, parts joined by '-'",
            "entry 5 (line 22) bad code: unknown kind 'PLANET' (one of [MINISTRY, MINISTERIAL_AGENCY, GOVERNMENT_AGENCY,"
                + " PARTY_BODY, PROVINCIAL_PARTY_COMMITTEE, PROVINCIAL_PEOPLES_COMMITTEE, ENTERPRISE, STANDING_OFFICE,"
                + " STEERING_COMMITTEE])",
            "entry 5 (line 22) bad code: validTo 2024-01-01 is before validFrom 2025-01-01"));
  }

  @Test
  void unknownFieldsAndBrokenYamlAreNamed() {
    assertThatThrownBy(() -> parse("agencies:\n  - code: BCA\n    name: Bộ Công an\n    nameEn: MPS\n    kind: MINISTRY\n"
        + "    validFrom: 2025-03-01\n    parent: BQP\n"))
        .hasMessageContaining("entry 1 (line 2): unknown field 'parent'");
    assertThatThrownBy(() -> parse("agencies:\n  - code: [unclosed\n"))
        .hasMessageContaining("not readable YAML at line");
    assertThatThrownBy(() -> parse("groups: []\n")).hasMessageContaining("no top-level 'agencies:' list");
  }

  private List<Agency> parse(String yaml) {
    return parser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }
}
