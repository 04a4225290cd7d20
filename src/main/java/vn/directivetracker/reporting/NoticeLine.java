package vn.directivetracker.reporting;

/** Progress of one notice: its directives by category. */
public record NoticeLine(String noticeNumber, String title, StatusCounts counts) {}
