package org.mutuality.booking.slots;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The working hours of one calendar date in the therapist's zone, replacing that day's weekly
 * intervals: no intervals means a day off, otherwise exactly these intervals are worked that day.
 * A missing interval list is read as an empty one. Values are checked by
 * {@link AvailabilityValidator}, not here.
 *
 * @param date the local date in the therapist's zone
 * @param intervals the hours worked that day, none for a day off
 */
public record DateOverride(LocalDate date, List<TimeInterval> intervals) {

	public DateOverride {
		intervals = (intervals != null) ? Collections.unmodifiableList(new ArrayList<>(intervals)) : List.of();
	}

	/** A day off on the given date. */
	public static DateOverride dayOff(LocalDate date) {
		return new DateOverride(date, List.of());
	}

}
