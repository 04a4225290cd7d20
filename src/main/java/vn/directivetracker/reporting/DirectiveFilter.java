package vn.directivetracker.reporting;

import vn.directivetracker.lifecycle.DirectiveStatus;

/**
 * Which directives of a report are listed: one status or all, those whose text contains every word
 * of {@code search} (diacritics ignored), and which page of them in exception-first order. The
 * report's totals, league table, notices and months count every directive of its scope regardless.
 *
 * @param status null = every status
 * @param search null or blank = no search
 * @param limit rows on the page; 0 lists none (the aggregates only)
 */
public record DirectiveFilter(DirectiveStatus status, String search, int offset, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public static DirectiveFilter firstPage() {
    return new DirectiveFilter(null, null, 0, DEFAULT_LIMIT);
  }

  /** The same selection, without rows on the page: what the exports ask for before they stream the rows. */
  public DirectiveFilter aggregatesOnly() {
    return new DirectiveFilter(status, search, 0, 0);
  }
}
