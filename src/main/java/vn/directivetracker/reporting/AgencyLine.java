package vn.directivetracker.reporting;

/** One agency's row of the league table: the directives it leads. */
public record AgencyLine(String agency, String agencyName, StatusCounts counts) {}
