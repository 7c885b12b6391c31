package org.mutuality.booking.slots;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A therapist's availability rules, all in the therapist's own time zone: the weekly intervals
 * worked every week, and date overrides that replace one date's weekly intervals (a day off or other
 * hours). It mirrors the {@code weekly} and {@code overrides} of the API's availability document;
 * missing lists are read as empty ones and the lists are copied. Whether the rules make sense
 * (nothing inverted, nothing overlapping, one override per date) is {@link AvailabilityValidator}'s
 * business.
 *
 * @param weekly the recurring weekly intervals
 * @param overrides the date overrides
 */
public record Availability(List<WeeklyInterval> weekly, List<DateOverride> overrides) {

	public Availability {
		weekly = copy(weekly);
		overrides = copy(overrides);
	}

	/** No working hours at all. */
	public static Availability none() {
		return new Availability(List.of(), List.of());
	}

	private static <T> List<T> copy(List<T> list) {
		// Null elements are kept, so that the validator can report them by index.
		return (list != null) ? Collections.unmodifiableList(new ArrayList<>(list)) : List.of();
	}

}
