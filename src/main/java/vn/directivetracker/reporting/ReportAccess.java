package vn.directivetracker.reporting;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.directivetracker.access.Roles;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.review.ReviewCycleSettings;

/**
 * The report's access rule, beside the engine's: agencies see the directives they lead; managers,
 * leadership, administrators, reviewers, the standing offices of the notices and the ministries
 * that prepare the standing body's review (they report on the whole programme) see all.
 */
@Component
public class ReportAccess {

  private static final Set<String> SEE_ALL_ROLES = Set.of(Roles.ADMINISTRATORS, Roles.MANAGERS, Roles.LEADERSHIP,
      Roles.REVIEWERS);

  private final IdentityService identityService;
  private final DirectiveStateRepository states;
  private final AgencyRegistry agencies;
  private final Set<String> reviewReporters;

  public ReportAccess(IdentityService identityService, DirectiveStateRepository states, AgencyRegistry agencies,
      ReviewCycleSettings reviewCycle) {
    this.identityService = identityService;
    this.states = states;
    this.agencies = agencies;
    this.reviewReporters = Set.copyOf(reviewCycle.reportingAgencies());
  }

  /** The viewer behind the engine's current authentication (set by the API's authentication filter). */
  public ReportViewer currentViewer() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new SecurityException("not authenticated");
    }
    // the groups the authentication filter looked up; a group query here would be filtered by the user's own grants
    Set<String> groupIds = new HashSet<>(authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    List<String> agencyGroups = groupIds.stream().filter(code -> agencies.find(code).isPresent()).sorted().toList();
    boolean seesAll = groupIds.stream().anyMatch(SEE_ALL_ROLES::contains)
        || agencyGroups.stream().anyMatch(reviewReporters::contains)
        || states.standingOffices().stream().anyMatch(groupIds::contains);
    return new ReportViewer(authentication.getUserId(), seesAll, agencyGroups);
  }
}
