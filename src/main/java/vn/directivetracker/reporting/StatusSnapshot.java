package vn.directivetracker.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A month's report frozen at the data cut-off.
 *
 * @param period the reporting month, {@code yyyy-MM}
 * @param cutOff the last day of the month's data (the 14th by default)
 * @param asOf the moment the statuses were computed for: the end of the cut-off day
 * @param takenAt when the snapshot was written
 */
public record StatusSnapshot(String period, LocalDate cutOff, Instant asOf, Instant takenAt, int directiveCount) {}
