package vn.directivetracker.lifecycle;

/**
 * Names of the process variables of a directive instance: the one documented set. Forms bind to
 * the same names (see forms/), so a rename here is a rename there.
 */
public final class DirectiveVariables {

  // --- given when the directive is started (from the notice) ---
  /** Notice number, e.g. {@code 315/TB-VPCP}. */
  public static final String NOTICE_NUMBER = "noticeNumber";
  /** Item reference inside the notice, e.g. {@code 3.b}. */
  public static final String ITEM_REF = "itemRef";
  /** The item's full text, shown read-only on every form. */
  public static final String DIRECTIVE_TEXT = "directiveText";
  /** Agency code of the lead agency ("chủ trì"); also the candidate group of its tasks. */
  public static final String LEAD_AGENCY = "leadAgency";
  /** Vietnamese name of the lead agency, for forms. */
  public static final String LEAD_AGENCY_NAME = "leadAgencyName";
  /** Agency codes of the coordinating agencies ("phối hợp"), a list (stored as JSON). */
  public static final String COORDINATING_AGENCIES = "coordinatingAgencies";
  /** Comma-separated codes of the coordinating agencies: the editable form of the list. */
  public static final String COORDINATING_AGENCIES_TEXT = "coordinatingAgenciesText";
  /** Agency code of the standing office that tracks the notice; candidate group of its tasks. */
  public static final String STANDING_OFFICE = "standingOffice";
  /** A {@link vn.directivetracker.deadline.DeadlineKind} name. */
  public static final String DEADLINE_KIND = "deadlineKind";
  /** The deadline phrase as the notice states it. */
  public static final String DEADLINE_PHRASE = "deadlinePhrase";
  /** The stated day (yyyy-MM-dd): the notice's date, the target date set at assignment, or an approved extension. */
  public static final String DEADLINE_DATE = "deadlineDate";
  /** Key task ("nhiệm vụ trọng tâm"). */
  public static final String KEY_TASK = "keyTask";

  // --- computed by the deadline policy and schedule ---
  /** DMN result: working days before the deadline when the lead agency is reminded. */
  public static final String REMINDER_LEAD_DAYS = "reminderLeadWorkingDays";
  /** DMN result: working days overdue before the leadership is involved. */
  public static final String LEADERSHIP_ESCALATION_DAYS = "leadershipEscalationWorkingDays";
  /** DMN result: day of the month the monthly progress report is due. */
  public static final String MONTHLY_REPORT_DUE_DAY = "monthlyReportDueDay";
  /** The version of the policy decision (directive-policy.dmn) that gave the values above last. */
  public static final String POLICY_VERSION = "policyVersion";
  /** Whether the directive has a due date (false for ongoing duties). */
  public static final String HAS_DEADLINE = "hasDeadline";
  /** Whether the directive is an ongoing duty, reported on every month until closed. */
  public static final String ONGOING = "ongoing";
  /** Current due moment (Date): end of the due day after Civil Code shifting and approved extensions. */
  public static final String DEADLINE = "deadline";
  /** The first due moment, kept when extensions move {@link #DEADLINE}. */
  public static final String ORIGINAL_DEADLINE = "originalDeadline";
  /** When the lead agency is reminded (Date). */
  public static final String REMINDER_DATE = "reminderDate";
  /** When an overdue directive escalates to the leadership (Date). */
  public static final String LEADERSHIP_ESCALATION_DATE = "leadershipEscalationDate";
  /** Current deadline as dd/MM/yyyy, for forms. */
  public static final String DEADLINE_TEXT = "deadlineText";

  // --- recorded along the way ---
  public static final String STATUS = "status";
  public static final String STATUS_LABEL = "statusLabel";
  public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
  public static final String COMPLETION_SUBMITTED_AT = "completionSubmittedAt";
  public static final String COMPLETED_AT = "completedAt";
  public static final String CLOSED_AT = "closedAt";
  public static final String RETURN_COUNT = "returnCount";
  public static final String REVIEW_LOG = "reviewLog";
  public static final String REPORT_ACCEPTED = "reportAccepted";
  public static final String COORDINATION_LOG = "coordinationLog";
  public static final String EXTENSIONS = "extensions";
  public static final String EXTENSION_LOG = "extensionLog";
  public static final String EXTENSION_APPROVED = "extensionApproved";
  public static final String MONTHLY_REPORT_COUNT = "monthlyReportCount";
  public static final String LATE_MONTHLY_REPORT_COUNT = "lateMonthlyReportCount";
  public static final String LAST_MONTHLY_REPORT_AT = "lastMonthlyReportAt";
  /** Every monthly progress report, one dated line each. */
  public static final String MONTHLY_REPORT_LOG = "monthlyReportLog";
  public static final String REMINDER_SENT_AT = "reminderSentAt";
  public static final String OVERDUE_SINCE = "overdueSince";
  public static final String FOLLOW_UP_LOG = "followUpLog";

  private DirectiveVariables() {}
}
