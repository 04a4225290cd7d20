package vn.directivetracker.review;

/**
 * Names of the process variables of a {@code reviewCycle} instance: the one documented set. Forms
 * bind to the same names (forms/Task_SubmitReviewReport.form and the others of the review).
 */
public final class ReviewVariables {

  // --- set when the review starts (Task_PrepareStatusReport) ---
  /** Sequence number of the review since the first one (1, 2, ...). */
  public static final String REVIEW_NUMBER = "reviewNumber";
  /** Day of the review, dd/MM/yyyy. */
  public static final String REVIEW_DATE = "reviewDate";
  /** The moment the status report is computed for (Date): when the review started. */
  public static final String REVIEW_AT = "reviewAt";
  /** Agency codes that each prepare a report (a list, stored as JSON): the multi-instance collection. */
  public static final String REPORTING_AGENCIES = "reportingAgencies";
  /** Agency code of the office that consolidates the reports; candidate group of its tasks. */
  public static final String CONSOLIDATING_OFFICE = "consolidatingOffice";
  /** Group that holds the meeting; candidate group of Task_HoldReviewMeeting. */
  public static final String MEETING_GROUP = "meetingGroup";
  /** End of the reports' due day (Date), and as dd/MM/yyyy. */
  public static final String REPORT_DUE_DATE = "reportDueDate";
  public static final String REPORT_DUE_TEXT = "reportDueText";
  /** End of the consolidation's due day (Date), and as dd/MM/yyyy. */
  public static final String CONSOLIDATION_DUE_DATE = "consolidationDueDate";
  public static final String CONSOLIDATION_DUE_TEXT = "consolidationDueText";
  /** End of the day the meeting's conclusions are due (Date), and as dd/MM/yyyy. */
  public static final String MEETING_DUE_DATE = "meetingDueDate";
  public static final String MEETING_DUE_TEXT = "meetingDueText";
  /** Relative link to the dashboard as of the review: {@code /dashboard?asOf=<instant>}. */
  public static final String STATUS_REPORT_URL = "statusReportUrl";
  /** Relative link to the Excel export as of the review: {@code /api/reports/status.xlsx?asOf=<instant>}. */
  public static final String STATUS_REPORT_XLSX_URL = "statusReportXlsxUrl";
  /** The status report in a few Vietnamese lines ({@link StatusSummary}). */
  public static final String STATUS_SUMMARY = "statusSummary";

  // --- one per reporting agency (local to each instance of SubProcess_AgencyReport) ---
  /** Multi-instance element variable: the agency code; candidate group of its report task. */
  public static final String REPORTING_AGENCY = "reportingAgency";
  /** The agency's name, for its forms. */
  public static final String REPORTING_AGENCY_NAME = "reportingAgencyName";

  // --- submitted on Task_SubmitReviewReport, then folded into REVIEW_REPORTS ---
  public static final String REPORT_TEXT = "reviewReportText";
  public static final String REPORT_PROPOSALS = "reviewReportProposals";

  // --- recorded along the way ---
  /** Every agency's report, in the order they arrived, for the consolidation and the meeting forms. */
  public static final String REVIEW_REPORTS = "reviewReports";
  /** Reports not submitted by their due date. */
  public static final String LATE_REPORT_COUNT = "lateReportCount";
  /** Follow-ups of late reports by the consolidating office, one dated line each. */
  public static final String FOLLOW_UP_LOG = "reviewFollowUpLog";
  /** Submitted on Task_FollowUpReviewReport, then folded into FOLLOW_UP_LOG. */
  public static final String FOLLOW_UP_NOTE = "followUpNote";
  /** Submitted on Task_ConsolidateReports. */
  public static final String CONSOLIDATED_REPORT = "consolidatedReport";
  public static final String CONSOLIDATED_AT = "consolidatedAt";
  /** Submitted on Task_HoldReviewMeeting. */
  public static final String MEETING_DATE = "meetingDate";
  public static final String MEETING_CHAIR = "meetingChair";
  public static final String MEETING_ATTENDEES = "meetingAttendees";
  public static final String MEETING_CONCLUSIONS = "meetingConclusions";
  public static final String FOLLOW_UP_REQUESTS = "followUpRequests";
  public static final String REVIEWED_AT = "reviewedAt";

  private ReviewVariables() {}
}
