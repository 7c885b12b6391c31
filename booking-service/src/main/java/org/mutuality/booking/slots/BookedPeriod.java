package org.mutuality.booking.slots;

import java.time.Instant;
import java.util.Objects;

/**
 * Time a therapist is already booked, {@code [start, end)} in real time: a confirmed booking as the
 * slot expansion sees it. The therapist's buffer is added around it by {@link SlotExpander}, not
 * here.
 *
 * @param start the instant the booking starts
 * @param end the instant it ends, not before {@code start}
 */
public record BookedPeriod(Instant start, Instant end) {

	public BookedPeriod {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("end " + end + " is before start " + start);
		}
	}

}
