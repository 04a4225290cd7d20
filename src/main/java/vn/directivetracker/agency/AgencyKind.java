package vn.directivetracker.agency;

/** What sort of body an agency is; notices address whole kinds at once ("các Bộ, cơ quan ngang Bộ"). */
public enum AgencyKind {
  MINISTRY,
  MINISTERIAL_AGENCY,
  GOVERNMENT_AGENCY,
  PARTY_BODY,
  PROVINCIAL_PARTY_COMMITTEE,
  PROVINCIAL_PEOPLES_COMMITTEE,
  ENTERPRISE,
  STANDING_OFFICE,
  STEERING_COMMITTEE
}
