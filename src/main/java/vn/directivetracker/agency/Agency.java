package vn.directivetracker.agency;

import java.time.LocalDate;

/**
 * One body that can lead or coordinate directives. The code is stable and doubles as the
 * Camunda group id of the agency's officers.
 */
public record Agency(String code, String name, String nameEn, AgencyKind kind, LocalDate validFrom, LocalDate validTo) {

  /** Camunda group type of agency groups, to tell them apart from role groups. */
  public static final String GROUP_TYPE = "agency";

  public boolean isActiveOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
  }
}
