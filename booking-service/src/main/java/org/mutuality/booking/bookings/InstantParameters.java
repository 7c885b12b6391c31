package org.mutuality.booking.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.mutuality.platform.problem.ValidationProblem;

/**
 * Reads the {@code from} and {@code to} of the bookings list: an ISO-8601 instant
 * ({@code 2026-11-23T09:00:00Z}, any offset) or a date ({@code 2026-11-23}, a UTC day, {@code to}
 * inclusive).
 */
final class InstantParameters {

	private static final String MESSAGE = "must be an ISO-8601 instant (2026-11-23T09:00:00Z) or a date (2026-11-23)";

	private InstantParameters() {
	}

	/** The first instant the parameter allows, or {@code null} when it is absent. */
	static Instant lowerBound(String name, String value) {
		return parse(name, value, false);
	}

	/** The first instant after what the parameter allows, or {@code null} when it is absent. */
	static Instant upperBound(String name, String value) {
		return parse(name, value, true);
	}

	private static Instant parse(String name, String value, boolean upper) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return (upper ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ValidationProblem.of(name, MESSAGE);
		}
	}

}
