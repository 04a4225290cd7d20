package vn.directivetracker.drafting;

import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.notice.NoticeOffices;

/** The draft builder with the application's agencies, standing offices and phrase rules. */
@Component
public class NoticeDrafting {

  private final NoticeDraftBuilder builder;

  public NoticeDrafting(AgencyRegistry agencies, NoticeOffices offices) {
    this.builder = new NoticeDraftBuilder(agencies, DraftRules.standard(), offices::officeOf);
  }

  public NoticeDraft draft(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidDraftException("text", "the notice's text is empty");
    }
    if (text.length() > NoticeDraftBuilder.MAX_CHARS) {
      throw new InvalidDraftException("text", text.length() + " characters, at most " + NoticeDraftBuilder.MAX_CHARS
          + " (a notice of a few pages)");
    }
    return builder.draft(text);
  }
}
