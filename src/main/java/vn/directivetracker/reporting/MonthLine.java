package vn.directivetracker.reporting;

/** Directives completed in one calendar month ({@code yyyy-MM}), by the submission of the accepted report. */
public record MonthLine(String month, int completedOnTime, int completedLate) {}
