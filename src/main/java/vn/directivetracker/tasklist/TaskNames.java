package vn.directivetracker.tasklist;

import static vn.directivetracker.lifecycle.DirectiveVariables.ITEM_REF;
import static vn.directivetracker.lifecycle.DirectiveVariables.LEAD_AGENCY;
import static vn.directivetracker.lifecycle.DirectiveVariables.NOTICE_NUMBER;
import static vn.directivetracker.review.ReviewVariables.REPORTING_AGENCY;
import static vn.directivetracker.review.ReviewVariables.REVIEW_DATE;

import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;

/**
 * The name a task carries in Tasklist: the step (the BPMN element's name) and what it is about, so
 * that an office with hundreds of open confirmations can tell them apart, e.g.
 * "Xác nhận giao nhiệm vụ — 315/TB-VPCP mục 1.b (Bộ Công an)". Set once when the task is created
 * ({@link TaskNamePlugin}); the BPMN keeps its short element names.
 */
@Component("taskNames")
public class TaskNames {

  /** The processes whose user tasks are named here. */
  public static final List<String> PROCESSES = List.of("directive", "reviewCycle");
  /** ACT_RU_TASK.NAME_ and ACT_HI_TASKINST.NAME_ are varchar(255). */
  public static final int MAX_LENGTH = 255;
  /** The multi-instance element variable of the coordination task: the coordinator it is for. */
  static final String COORDINATING_AGENCY = "coordinatingAgency";
  static final String COORDINATION_TASK = "Task_ContributeCoordination";
  private static final String DASH = " — ";

  private final AgencyRegistry agencies;

  public TaskNames(AgencyRegistry agencies) {
    this.agencies = agencies;
  }

  /** A directive's task: its item and the lead agency, or for the coordination task the coordinator. */
  public String directiveTask(String step, String taskKey, Function<String, Object> variable) {
    Object agency = variable.apply(COORDINATION_TASK.equals(taskKey) ? COORDINATING_AGENCY : LEAD_AGENCY);
    String item = variable.apply(NOTICE_NUMBER) + " mục " + variable.apply(ITEM_REF);
    return compose(step, item, agency == null ? null : agencies.nameOf(agency.toString()));
  }

  /** A periodic review's task: the review's day, and for an agency's report (or its follow-up) the agency. */
  public String reviewTask(String step, Function<String, Object> variable) {
    Object agency = variable.apply(REPORTING_AGENCY);
    return compose(step, "phiên rà soát " + variable.apply(REVIEW_DATE),
        agency == null ? null : agencies.nameOf(agency.toString()));
  }

  /**
   * "step — about (agency)", at most {@link #MAX_LENGTH} characters: a long notice number or item is
   * shortened with "…" first, then the agency, never the step.
   */
  static String compose(String step, String about, String agency) {
    String suffix = agency == null || agency.isBlank() ? "" : " (" + agency + ")";
    String full = step + DASH + about + suffix;
    if (full.length() <= MAX_LENGTH) {
      return full;
    }
    int room = MAX_LENGTH - step.length() - DASH.length() - suffix.length();
    if (room >= 20) {
      return step + DASH + shorten(about, room) + suffix;
    }
    // an agency name too long for the item to fit: keep the item readable, shorten the agency
    String head = step + DASH + shorten(about, 40);
    int agencyRoom = MAX_LENGTH - head.length() - 3;
    return agencyRoom > 1 && !suffix.isEmpty() ? head + " (" + shorten(agency, agencyRoom) + ")" : shorten(head, MAX_LENGTH);
  }

  /** The text cut to {@code max} characters, ending in "…" when cut, never inside a surrogate pair. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Math.max(0, max - 1);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + "…";
  }
}
