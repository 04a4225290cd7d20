package vn.directivetracker.review;

import static vn.directivetracker.review.ReviewVariables.CONSOLIDATED_AT;
import static vn.directivetracker.review.ReviewVariables.CONSOLIDATED_REPORT;
import static vn.directivetracker.review.ReviewVariables.FOLLOW_UP_LOG;
import static vn.directivetracker.review.ReviewVariables.FOLLOW_UP_NOTE;
import static vn.directivetracker.review.ReviewVariables.FOLLOW_UP_REQUESTS;
import static vn.directivetracker.review.ReviewVariables.LATE_REPORT_COUNT;
import static vn.directivetracker.review.ReviewVariables.MEETING_ATTENDEES;
import static vn.directivetracker.review.ReviewVariables.MEETING_CHAIR;
import static vn.directivetracker.review.ReviewVariables.MEETING_CONCLUSIONS;
import static vn.directivetracker.review.ReviewVariables.MEETING_DATE;
import static vn.directivetracker.review.ReviewVariables.REPORTING_AGENCY;
import static vn.directivetracker.review.ReviewVariables.REPORTING_AGENCY_NAME;
import static vn.directivetracker.review.ReviewVariables.REPORT_DUE_DATE;
import static vn.directivetracker.review.ReviewVariables.REPORT_DUE_TEXT;
import static vn.directivetracker.review.ReviewVariables.REPORT_PROPOSALS;
import static vn.directivetracker.review.ReviewVariables.REPORT_TEXT;
import static vn.directivetracker.review.ReviewVariables.REVIEWED_AT;
import static vn.directivetracker.review.ReviewVariables.REVIEW_AT;
import static vn.directivetracker.review.ReviewVariables.REVIEW_NUMBER;
import static vn.directivetracker.review.ReviewVariables.REVIEW_REPORTS;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.database.TextLimits;
import vn.directivetracker.lifecycle.Dates;
import vn.directivetracker.lifecycle.ExecutionTasks;
import vn.directivetracker.lifecycle.FormInput;
import vn.directivetracker.lifecycle.Reminders;
import vn.directivetracker.lifecycle.TextLog;

/**
 * The work of a review: each agency's report (and its follow-up when late), the consolidation and
 * the meeting. Every complete listener checks the submitted values again (Tasklist validates in the
 * browser only): a rejected task answers HTTP 400 in Vietnamese and nothing changes.
 */
@Component("reviewWork")
public class ReviewTasks {

  public static final String REPORT_TASK = "Task_SubmitReviewReport";
  private static final Logger log = LoggerFactory.getLogger(ReviewTasks.class);

  private final ReviewCycle cycle;

  public ReviewTasks(ReviewCycle cycle) {
    this.cycle = cycle;
  }

  /** Start of each SubProcess_AgencyReport instance: the agency's name for its forms. */
  public void openAgencyReport(DelegateExecution execution) {
    execution.setVariableLocal(REPORTING_AGENCY_NAME, cycle.name((String) execution.getVariable(REPORTING_AGENCY)));
  }

  /** Task_SubmitReviewReport: one per reporting agency, in parallel. */
  public void submitReport(DelegateTask task) {
    FormInput input = new FormInput(task);
    String text = input.requiredText(REPORT_TEXT, "Nội dung báo cáo");
    String proposals = input.text(REPORT_PROPOSALS);
    input.check();
    Date due = (Date) task.getVariable(REPORT_DUE_DATE);
    boolean late = due != null && Dates.now().after(due);
    String heading = task.getVariable(REPORTING_AGENCY_NAME) + " — nộp " + Dates.format(Dates.now()) + " ("
        + ExecutionTasks.reviewer(task) + ")" + (late ? ", sau hạn " + task.getVariable(REPORT_DUE_TEXT) : "");
    String report = heading + "\n" + text + (proposals == null ? "" : "\nKhó khăn, vướng mắc, đề xuất: " + proposals);
    // the agencies' tasks share the instance's variables: this report joins the others in one text, and
    // its form values are cleared, so that the next agency's form starts empty and nothing is overwritten
    VariableScope instance = task.getExecution().getProcessInstance();
    Object previous = instance.getVariable(REVIEW_REPORTS);
    // nrOfInstances: the engine's count of the parallel agency reports of this review
    Object agencies = task.getVariable("nrOfInstances");
    instance.setVariable(REVIEW_REPORTS, joinedReports(previous == null ? null : previous.toString(), report,
        agencies instanceof Number n ? n.intValue() : 1));
    task.removeVariable(REPORT_TEXT);
    task.removeVariable(REPORT_PROPOSALS);
    log.info("[{}] review report of {} submitted{}", task.getExecution().getProcessBusinessKey(),
        task.getVariable(REPORTING_AGENCY), late ? " late" : "");
  }

  /**
   * Task_RecordLateReviewReport, when an agency's report is past due: counted against the review,
   * and the agency's open report task is raised and commented on, as for late monthly reports.
   */
  public void recordLateReport(DelegateExecution execution) {
    String agency = (String) execution.getVariable(REPORTING_AGENCY);
    increment(execution.getProcessInstance(), LATE_REPORT_COUNT);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    String message = "Báo cáo phục vụ rà soát kỳ " + execution.getVariable(REVIEW_NUMBER) + " đã quá hạn nộp (hạn "
        + execution.getVariable(REPORT_DUE_TEXT) + "), đề nghị nộp ngay.";
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(REPORT_TASK).taskCandidateGroup(agency).includeAssignedTasks().list()) {
      Reminders.remind(tasks, task, message);
    }
    log.warn("[{}] review report of {} is late", execution.getProcessBusinessKey(), agency);
  }

  /** Task_FollowUpReviewReport: the consolidating office's "đôn đốc" of a late report. */
  public void followUp(DelegateTask task) {
    FormInput input = new FormInput(task);
    String note = input.requiredText(FOLLOW_UP_NOTE, "Nội dung đôn đốc");
    input.check();
    TextLog.append(task.getExecution().getProcessInstance(), FOLLOW_UP_LOG, ExecutionTasks.reviewer(task),
        "đôn đốc " + task.getVariable(REPORTING_AGENCY_NAME) + " — " + note);
    task.removeVariable(FOLLOW_UP_NOTE);
  }

  /** Task_ConsolidateReports. */
  public void consolidate(DelegateTask task) {
    FormInput input = new FormInput(task);
    input.requiredText(CONSOLIDATED_REPORT, "Báo cáo tổng hợp");
    input.check();
    task.setVariable(CONSOLIDATED_AT, Dates.now());
  }

  /** Task_HoldReviewMeeting: the meeting's date, who chaired and attended, its conclusions. */
  public void recordMeeting(DelegateTask task) {
    FormInput input = new FormInput(task);
    LocalDate held = input.date(MEETING_DATE, "Ngày họp", true);
    input.notAfter(held, Dates.today(), "Ngày họp");
    input.notBefore(held, Dates.zoned((Date) task.getVariable(REVIEW_AT)).toLocalDate(), "Ngày họp");
    input.requiredText(MEETING_CHAIR, "Chủ trì");
    input.requiredText(MEETING_ATTENDEES, "Thành phần tham dự");
    input.requiredText(MEETING_CONCLUSIONS, "Kết luận của cuộc họp");
    input.text(FOLLOW_UP_REQUESTS);
    input.check();
    task.setVariable(REVIEWED_AT, Dates.now());
    log.info("[{}] review meeting of {} recorded", task.getExecution().getProcessBusinessKey(), held);
  }

  /**
   * The agencies' reports side by side in one variable, each given an equal share of what a String
   * variable holds; a longer report is shortened there and read whole in the review's history.
   */
  static String joinedReports(String previous, String report, int agencies) {
    String separator = "\n\n";
    int share = TextLimits.VARIABLE / Math.max(1, agencies) - separator.length();
    String shortened = TextLimits.shortened(report, share);
    String joined = previous == null ? shortened : previous + separator + shortened;
    return TextLimits.shortened(joined, TextLimits.VARIABLE);
  }

  private static void increment(VariableScope scope, String variable) {
    Object count = scope.getVariable(variable);
    scope.setVariable(variable, (count instanceof Number n ? n.intValue() : 0) + 1);
  }
}
