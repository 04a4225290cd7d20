package vn.directivetracker.notice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;

/**
 * Who may register and correct which notices (the "who may write" rule of the notice register):
 * the members of the standing office configured for the notice's issuer register it, naming that
 * office; only the office that registered a notice corrects it, and a correction keeps its
 * number, issuer and standing office.
 */
@Component
public class NoticeOffices {

  private final NoticeSettings settings;

  public NoticeOffices(NoticeSettings settings, AgencyRegistry agencies) {
    List<String> unknown = new ArrayList<>();
    settings.standingOffices().forEach((issuer, office) -> {
      if (agencies.find(issuer).isEmpty()) {
        unknown.add(issuer);
      }
      if (agencies.find(office).isEmpty()) {
        unknown.add(office);
      }
    });
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("directive-tracker.notices.standing-offices names unknown agency codes " + unknown
          + " (agencies.yaml)");
    }
    this.settings = settings;
  }

  public Optional<String> officeOf(String issuer) {
    return Optional.ofNullable(issuer == null ? null : settings.standingOffices().get(issuer));
  }

  public Collection<String> offices() {
    return settings.standingOffices().values();
  }

  /** Checked before a notice is even read: the caller belongs to some standing office. */
  public void checkMayRegisterAny(Registrar registrar) {
    if (registrar == null || !registrar.system() && offices().stream().noneMatch(registrar::memberOf)) {
      throw new NoticeForbiddenException("Only members of a standing office (" + String.join(", ", offices().stream()
          .distinct().sorted().toList()) + ") may register or correct notices");
    }
  }

  /** A notice registered for the first time. */
  public void checkMayRegister(NoticeDocument notice, Registrar registrar) {
    Optional<String> office = officeOf(notice.issuer());
    if (office.isEmpty()) {
      throw new InvalidNoticeException(List.of(NoticeProblem.ofNotice("issuer", "no standing office tracks the notices"
          + " of " + notice.issuer() + " (setting directive-tracker.notices.standing-offices)")));
    }
    if (!office.get().equals(notice.standingOffice())) {
      throw new InvalidNoticeException(List.of(NoticeProblem.ofNotice("standingOffice", "the notices of "
          + notice.issuer() + " are tracked by " + office.get() + ", not " + notice.standingOffice())));
    }
    if (!registrar.memberOf(office.get())) {
      throw new NoticeForbiddenException("Only members of " + office.get() + " may register the notices of "
          + notice.issuer());
    }
  }

  /** A notice imported again: only its office corrects it, and who issued and tracks it stays. */
  public void checkMayCorrect(NoticeDocument stored, NoticeDocument incoming, Registrar registrar) {
    if (!registrar.memberOf(stored.standingOffice())) {
      throw new NoticeForbiddenException("Notice " + stored.number() + " was registered by " + stored.standingOffice()
          + ": only its members may correct it");
    }
    List<NoticeProblem> problems = new ArrayList<>();
    if (!Objects.equals(stored.issuer(), incoming.issuer())) {
      problems.add(NoticeProblem.ofNotice("issuer", "notice " + stored.number() + " was issued by " + stored.issuer()
          + "; a correction cannot change its issuer"));
    }
    if (!Objects.equals(stored.standingOffice(), incoming.standingOffice())) {
      problems.add(NoticeProblem.ofNotice("standingOffice", "notice " + stored.number() + " is tracked by "
          + stored.standingOffice() + "; a correction cannot change its standing office"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidNoticeException(problems);
    }
  }
}
