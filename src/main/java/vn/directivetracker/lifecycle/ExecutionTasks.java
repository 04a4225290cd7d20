package vn.directivetracker.lifecycle;

import static vn.directivetracker.lifecycle.DirectiveVariables.ACKNOWLEDGED_AT;
import static vn.directivetracker.lifecycle.DirectiveVariables.CLOSED_AT;
import static vn.directivetracker.lifecycle.DirectiveVariables.COMPLETED_AT;
import static vn.directivetracker.lifecycle.DirectiveVariables.COMPLETION_SUBMITTED_AT;
import static vn.directivetracker.lifecycle.DirectiveVariables.COORDINATION_LOG;
import static vn.directivetracker.lifecycle.DirectiveVariables.LAST_MONTHLY_REPORT_AT;
import static vn.directivetracker.lifecycle.DirectiveVariables.MONTHLY_REPORT_COUNT;
import static vn.directivetracker.lifecycle.DirectiveVariables.MONTHLY_REPORT_LOG;
import static vn.directivetracker.lifecycle.DirectiveVariables.REPORT_ACCEPTED;
import static vn.directivetracker.lifecycle.DirectiveVariables.RETURN_COUNT;
import static vn.directivetracker.lifecycle.DirectiveVariables.REVIEW_LOG;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;

/**
 * Complete listeners of the lead agency's, the coordinators' and the standing office's work on a
 * directive: each checks what was submitted and records it.
 */
@Component("directiveWork")
public class ExecutionTasks {

  /** Variable of each multi-instance coordination task: the agency it is for. */
  public static final String COORDINATING_AGENCY = "coordinatingAgency";
  private static final Logger log = LoggerFactory.getLogger(ExecutionTasks.class);

  private final AgencyRegistry agencies;

  public ExecutionTasks(AgencyRegistry agencies) {
    this.agencies = agencies;
  }

  /** Task_AcknowledgeDirective. */
  public void acknowledge(DelegateTask task) {
    FormInput input = new FormInput(task);
    input.requiredText("responsibleUnit", "Đơn vị chịu trách nhiệm");
    input.requiredText("responsiblePerson", "Người chịu trách nhiệm");
    input.requiredText("plan", "Kế hoạch thực hiện");
    input.check();
    task.setVariable(ACKNOWLEDGED_AT, Dates.now());
  }

  /** Task_ContributeCoordination: one per coordinating agency; the lead sees all contributions. */
  public void contribute(DelegateTask task) {
    FormInput input = new FormInput(task);
    String contribution = input.requiredText("contribution", "Nội dung phối hợp");
    input.check();
    String code = (String) task.getVariable(COORDINATING_AGENCY);
    String name = agencies.nameOf(code);
    TextLog.append(task.getExecution().getProcessInstance(), COORDINATION_LOG, name, contribution);
    task.removeVariable("contribution");
  }

  /** Task_SubmitCompletionReport. */
  public void submitCompletion(DelegateTask task) {
    FormInput input = new FormInput(task);
    input.requiredText("resultSummary", "Kết quả thực hiện");
    input.notAfter(input.date("resultDocumentDate", "Ngày ban hành văn bản", false), Dates.today(),
        "Ngày ban hành văn bản");
    input.links("evidenceLinks", "Đường dẫn minh chứng");
    input.check();
    task.setVariable(COMPLETION_SUBMITTED_AT, Dates.now());
  }

  /** Task_ReviewCompletionReport: accept (closes the directive) or return with comments. */
  public void review(DelegateTask task) {
    FormInput input = new FormInput(task);
    String decision = input.requiredText("reviewDecision", "Kết luận thẩm định");
    String comments = input.text("reviewComments");
    boolean accepted = "accept".equals(decision);
    if (decision != null && !accepted && !"return".equals(decision)) {
      input.problem("\"Kết luận thẩm định\" phải là chấp nhận hoặc trả lại");
    }
    if ("return".equals(decision) && comments == null) {
      input.problem("thiếu \"Ý kiến\": khi trả lại báo cáo phải nêu lý do");
    }
    input.check();
    task.setVariable(REPORT_ACCEPTED, accepted);
    if (accepted) {
      task.setVariable(COMPLETED_AT, Dates.now());
      TextLog.append(task, REVIEW_LOG, reviewer(task), "chấp nhận báo cáo" + (comments == null ? "" : " — " + comments));
    } else {
      Object returns = task.getVariable(RETURN_COUNT);
      task.setVariable(RETURN_COUNT, (returns instanceof Number n ? n.intValue() : 0) + 1);
      TextLog.append(task, REVIEW_LOG, reviewer(task), "trả lại báo cáo — " + comments);
    }
    // the next review starts from an empty decision, not the previous one
    task.removeVariable("reviewDecision");
    task.removeVariable("reviewComments");
    log.info("[{}] completion report {}", task.getExecution().getBusinessKey(), accepted ? "accepted" : "returned");
  }

  /** Task_SubmitMonthlyReport. */
  public void submitMonthlyReport(DelegateTask task) {
    FormInput input = new FormInput(task);
    String progress = input.requiredText("progressSummary", "Tiến độ trong kỳ");
    Integer percent = input.integer("percentComplete", "Tỷ lệ hoàn thành (%)", 0, 100);
    String difficulties = input.text("difficulties");
    input.check();
    Object count = task.getVariable(MONTHLY_REPORT_COUNT);
    task.setVariable(MONTHLY_REPORT_COUNT, (count instanceof Number n ? n.intValue() : 0) + 1);
    task.setVariable(LAST_MONTHLY_REPORT_AT, Dates.now());
    TextLog.append(task, MONTHLY_REPORT_LOG, reviewer(task), progress + (percent == null ? "" : " (" + percent + "%)")
        + (difficulties == null ? "" : " — Khó khăn: " + difficulties));
    // next month's form starts empty; this month's report stays in the log and in history
    task.removeVariable("progressSummary");
    task.removeVariable("percentComplete");
    task.removeVariable("difficulties");
  }

  /** Task_CloseOngoingDuty: the standing office ends an ongoing duty. */
  public void closeOngoingDuty(DelegateTask task) {
    FormInput input = new FormInput(task);
    input.requiredText("closingNote", "Lý do kết thúc");
    input.check();
    task.setVariable(CLOSED_AT, Dates.now());
  }

  /** Who completes the task: the logged-in user, else its assignee. */
  public static String reviewer(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "(không rõ người xử lý)";
  }
}
