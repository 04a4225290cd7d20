package vn.directivetracker.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.directivetracker.agency.AgencyFileParser;
import vn.directivetracker.agency.AgencyRegistry;

class NoticeValidatorTest {

  private static NoticeValidator validator;

  @BeforeAll
  static void registry() throws IOException {
    try (InputStream input = NoticeValidatorTest.class.getResourceAsStream("/agencies.yaml")) {
      validator = new NoticeValidator(new AgencyRegistry(new AgencyFileParser().parse(input, "agencies.yaml")));
    }
  }

  @Test
  void everyProblemOfAMalformedNoticeIsNamedByItemAndField() {
    String json = """
        {"number": "99/TB-VPCP", "issuer": "VPCP", "standingOffice": "VPCP", "title": "Thông báo thử",
         "issuedOn": "2025-08-01",
         "items": [
           {"ref": "1.a", "text": "Việc một", "lead": "BXX", "deadline": {"kind": "DATE", "date": "2025-06-31"}},
           {"ref": "1.a", "text": "Việc hai", "lead": "BCA", "leadClass": "PROVINCIAL_PEOPLES_COMMITTEES",
            "deadline": {"kind": "SOON"}},
           {"ref": "1.c", "text": " ", "coordinators": ["BKHCN"], "deadline": {"kind": "END_OF_MONTH", "date": "2025-09-15"}},
           {"ref": "1.d", "text": "Việc bốn", "lead": ["BCA", "BTC"], "deadline": {"kind": "ASAP", "date": "2025-09-30"}}
         ]}""";
    assertThatThrownBy(() -> validator.validate(NoticeCatalog.read(stream(json))))
        .isInstanceOfSatisfying(InvalidNoticeException.class, e -> assertThat(e.problems()).containsExactly(
            new NoticeProblem("1.a", "lead", "unknown agency code BXX"),
            new NoticeProblem("1.a", "deadline.date", "2025-06-31 is not a date (yyyy-mm-dd)"),
            new NoticeProblem("1.a", "ref", "duplicate reference 1.a"),
            new NoticeProblem("1.a", "lead", "two leads: give either lead or leadClass, not both"),
            new NoticeProblem("1.a", "deadline.kind",
                "unknown deadline kind 'SOON' (one of [DATE, END_OF_MONTH, ONGOING, ASAP, ROADMAP, FROM_DATE])"),
            new NoticeProblem("1.c", "text", "is empty"),
            new NoticeProblem("1.c", "lead",
                "missing: give the lead agency (lead) or the class of agencies it is addressed to (leadClass)"),
            new NoticeProblem("1.c", "deadline.date", "2025-09-15 is not the last day of its month"),
            new NoticeProblem("1.d", "lead", "an item has exactly one lead agency, got 2"),
            new NoticeProblem("1.d", "deadline.date",
                "deadline kind ASAP has no date in the notice (the office sets a target date at assignment)")));
  }

  @Test
  void aNoticeWithoutItemsOrIssuerIsRefused() {
    assertThatThrownBy(() -> validator.validate(NoticeCatalog.read(stream("number: 1/TB\ntitle: X\nmeetingOn: 2025-09-05\n"))))
        .isInstanceOfSatisfying(InvalidNoticeException.class, e -> assertThat(e.problems()).extracting(NoticeProblem::field)
            .containsExactly("issuer", "standingOffice", "items"));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
