package vn.directivetracker.directive;

/** Names of the process variables of a directive instance: the one documented set. */
public final class DirectiveVariables {

  /** Notice number, e.g. {@code 315/TB-VPCP}. */
  public static final String NOTICE_NUMBER = "noticeNumber";
  /** Item reference inside the notice, e.g. {@code 3.b}. */
  public static final String ITEM_REF = "itemRef";
  /** The item's full text, shown read-only on every form. */
  public static final String DIRECTIVE_TEXT = "directiveText";
  /** Agency code of the lead agency ("chủ trì"); also its candidate group. */
  public static final String LEAD_AGENCY = "leadAgency";
  /** Display name of the lead agency. */
  public static final String LEAD_AGENCY_NAME = "leadAgencyName";
  /** Agency code of the standing office that issued and tracks the notice. */
  public static final String STANDING_OFFICE = "standingOffice";
  /** The deadline phrase as the notice states it. */
  public static final String DEADLINE_PHRASE = "deadlinePhrase";
  /** Current due moment (java.util.Date), after Civil Code shifting and approved extensions. */
  public static final String DEADLINE = "deadline";

  private DirectiveVariables() {}
}
