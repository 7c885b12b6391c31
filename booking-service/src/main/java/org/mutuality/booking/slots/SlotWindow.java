package org.mutuality.booking.slots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates a caller asks for slots over, {@code from} to {@code to} inclusive, in the caller's own
 * zone (the {@code from}, {@code to} and {@code timeZone} of the slots query). It covers at most
 * {@value #MAX_DAYS} calendar days (so 2026-01-01 to 2026-03-03 is the longest window starting on
 * 2026-01-01) and spans real time from the first instant of {@code from} to the first instant of
 * the day after {@code to} in that zone. Constructing an invalid window throws
 * {@link InvalidSlotWindowException} with every problem.
 *
 * @param from the first date, in the caller's zone
 * @param to the last date, inclusive, in the caller's zone
 * @param zone the caller's zone
 */
public record SlotWindow(LocalDate from, LocalDate to, ZoneId zone) {

	/** The most calendar days one window may cover, both ends included. */
	public static final int MAX_DAYS = 62;

	private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	public SlotWindow {
		List<Violation> violations = new ArrayList<>();
		checkDate("from", from, violations);
		checkDate("to", to, violations);
		if (zone == null) {
			violations.add(new Violation("timeZone", "must not be null"));
		}
		if (violations.isEmpty()) {
			if (to.isBefore(from)) {
				violations.add(new Violation("to", "must not be before from (" + from + ")"));
			}
			else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
				violations.add(new Violation("to", "the window may cover at most " + MAX_DAYS
						+ " days, up to " + from.plusDays(MAX_DAYS - 1)));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidSlotWindowException(violations);
		}
	}

	/** The first instant of {@code from} in the caller's zone. */
	public Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/** The first instant of the day after {@code to} in the caller's zone (exclusive end). */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	private static void checkDate(String field, LocalDate date, List<Violation> violations) {
		if (date == null) {
			violations.add(new Violation(field, "must not be null"));
		}
		else if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
			violations.add(new Violation(field, "must be between " + EARLIEST + " and " + LATEST));
		}
	}

}
