package vn.directivetracker.notice;

import java.util.List;

/**
 * What an import did. {@code status} is {@code created} (a new notice), {@code unchanged} (it was
 * imported before, identically) or {@code corrected} (some items got a new revision).
 */
public record ImportResult(String notice, String status, int directivesStarted, List<ItemResult> items) {

  /** Per item: {@code created}, {@code unchanged} (already existed) or {@code corrected} (new revision). */
  public record ItemResult(String ref, String status, int revision, List<String> directives) {}
}
