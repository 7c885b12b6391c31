package org.mutuality.booking.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.mutuality.booking.slots.Availability;
import org.mutuality.booking.slots.TimeInterval;

/**
 * A therapist's availability, in the shape it is written with.
 */
record AvailabilityResponse(String timeZone, List<Weekly> weekly, List<Override> overrides) {

	static AvailabilityResponse of(String timeZone, Availability availability) {
		return new AvailabilityResponse(timeZone,
				availability.weekly()
					.stream()
					.map((interval) -> new Weekly(interval.day(), ClockTimes.formatStart(interval.start()),
							ClockTimes.formatEnd(interval.end())))
					.toList(),
				availability.overrides()
					.stream()
					.map((override) -> new Override(override.date(),
							override.intervals().stream().map(Interval::of).toList()))
					.toList());
	}

	record Weekly(DayOfWeek day, String start, String end) {
	}

	record Override(LocalDate date, List<Interval> intervals) {
	}

	record Interval(String start, String end) {

		static Interval of(TimeInterval interval) {
			return new Interval(ClockTimes.formatStart(interval.start()), ClockTimes.formatEnd(interval.end()));
		}

	}

}
