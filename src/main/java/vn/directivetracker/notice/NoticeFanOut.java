package vn.directivetracker.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;

/**
 * Turns a valid notice into the directives to track: an item with one lead gives one, an item
 * addressed to a class of agencies gives one per agency of that class active on the notice's date.
 * Coordinator classes resolve the same way; the lead never coordinates its own directive.
 */
@Component
public class NoticeFanOut {

  private final AgencyRegistry agencies;

  public NoticeFanOut(AgencyRegistry agencies) {
    this.agencies = agencies;
  }

  public List<TrackedDirective> expand(NoticeDocument notice) {
    List<TrackedDirective> directives = new ArrayList<>();
    for (NoticeDocument.Item item : notice.items()) {
      List<String> leads = item.lead() != null ? List.of(item.lead()) : members(item.leadClass(), notice);
      Set<String> coordinators = new LinkedHashSet<>(item.coordinators());
      for (AgencyClass agencyClass : item.coordinatorClasses()) {
        coordinators.addAll(members(agencyClass, notice));
      }
      for (String lead : leads) {
        List<String> others = coordinators.stream().filter(code -> !code.equals(lead)).toList();
        directives.add(new TrackedDirective(TrackedDirective.businessKey(notice.number(), item.ref(), lead),
            notice, item, lead, others));
      }
    }
    return directives;
  }

  /**
   * The class's agencies on the notice's date. When none existed then, the registry lacks the
   * predecessors (315/TB-VPCP of 23/6/2025 addressed the 63 provinces, merged into 34 on 1/7/2025):
   * the duty passes to the successors, the agencies of the class that came into being first after that date.
   */
  private List<String> members(AgencyClass agencyClass, NoticeDocument notice) {
    LocalDate day = notice.effectiveDate();
    List<Agency> members = agencies.activeOn(day, agencyClass.kinds());
    if (members.isEmpty()) {
      Optional<LocalDate> successorsFrom = agencies.all().stream()
          .filter(agency -> agencyClass.kinds().contains(agency.kind()) && agency.validFrom().isAfter(day))
          .map(Agency::validFrom).min(LocalDate::compareTo);
      members = successorsFrom.map(from -> agencies.activeOn(from, agencyClass.kinds())).orElse(List.of());
    }
    return members.stream().map(Agency::code).toList();
  }
}
