package org.mutuality.booking.slots;

import java.time.LocalTime;

/**
 * A stretch of one day, {@code [start, end)} in the therapist's local time, used by a
 * {@link DateOverride}. An {@code end} of {@code 00:00} means the midnight that ends the day (the
 * API's {@code 24:00}), so {@code 00:00}–{@code 00:00} is the whole day; an interval never crosses
 * midnight (work from 22:00 to 02:00 is two intervals on two days). Values are checked by
 * {@link AvailabilityValidator}, not here.
 *
 * @param start the first minute of the interval
 * @param end the minute after the interval, {@code 00:00} for the end of the day
 */
public record TimeInterval(LocalTime start, LocalTime end) {

	/** The API's {@code 24:00}: as an interval end, {@code 00:00} means the end of the day. */
	public static final LocalTime END_OF_DAY = LocalTime.MIDNIGHT;

}
