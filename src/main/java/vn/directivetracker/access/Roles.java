package vn.directivetracker.access;

/** Role groups, beside the agency groups (whose ids are agency codes). */
public final class Roles {

  /** Camunda group type of role groups. */
  public static final String GROUP_TYPE = "role";

  /** Camunda's built-in administrators group: its members pass every authorization check. */
  public static final String ADMINISTRATORS = "camunda-admin";
  /** Managers and analysts: read-only Cockpit and the reports. */
  public static final String MANAGERS = "managers";
  /** Standing-office reviewers: assign, review, follow up (members also belong to their office's agency group). */
  public static final String REVIEWERS = "reviewers";
  /** Steering-committee leadership: receives the second escalation of overdue directives. */
  public static final String LEADERSHIP = "leadership";
  /**
   * Process owners: deploy new versions of the processes and decisions, read every process in
   * Cockpit, migrate running instances to a new version; none of the officers' or managers' work.
   */
  public static final String PROCESS_OWNERS = "process-owners";

  private Roles() {}
}
