package vn.directivetracker.notice;

import java.util.EnumSet;
import java.util.Set;
import vn.directivetracker.agency.AgencyKind;

/** A class of agencies a notice addresses as a whole; such an item fans out to one directive per agency. */
public enum AgencyClass {
  /** "các Bộ, cơ quan ngang Bộ". */
  MINISTRIES_AND_MINISTERIAL_AGENCIES(EnumSet.of(AgencyKind.MINISTRY, AgencyKind.MINISTERIAL_AGENCY)),
  /** "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương". */
  PROVINCIAL_PEOPLES_COMMITTEES(EnumSet.of(AgencyKind.PROVINCIAL_PEOPLES_COMMITTEE)),
  /** "các tỉnh ủy, thành ủy". */
  PROVINCIAL_PARTY_COMMITTEES(EnumSet.of(AgencyKind.PROVINCIAL_PARTY_COMMITTEE)),
  /** "các cơ quan đảng ở Trung ương", Văn phòng Trung ương Đảng included. */
  CENTRAL_PARTY_AGENCIES(EnumSet.of(AgencyKind.PARTY_BODY, AgencyKind.STANDING_OFFICE));

  private final Set<AgencyKind> kinds;

  AgencyClass(Set<AgencyKind> kinds) {
    this.kinds = kinds;
  }

  public Set<AgencyKind> kinds() {
    return kinds;
  }
}
