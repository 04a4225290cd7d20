package vn.directivetracker.reporting;

import java.util.List;
import java.util.Set;

/**
 * Who is looking at a report and which lead agencies' rows they may see.
 *
 * @param seesAll managers, leadership, administrators, reviewers, standing offices and the
 *     ministries that prepare the periodic review see every agency
 * @param agencies the agency groups of the user: without {@code seesAll}, their own rows only
 */
public record ReportViewer(String userId, boolean seesAll, List<String> agencies) {

  /** The lead agencies whose rows this viewer may see; null = all. */
  public Set<String> visibleLeads() {
    return seesAll ? null : Set.copyOf(agencies);
  }

  public boolean maySee(String agency) {
    return seesAll || agencies.contains(agency);
  }
}
