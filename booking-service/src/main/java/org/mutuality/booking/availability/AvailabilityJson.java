package org.mutuality.booking.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.mutuality.booking.slots.Availability;
import org.mutuality.booking.slots.DateOverride;
import org.mutuality.booking.slots.TimeInterval;
import org.mutuality.booking.slots.WeeklyInterval;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of an {@link Availability}, the {@code availability} jsonb column of a therapist:
 * {@code {"weekly": [{"day", "start", "end"}], "overrides": [{"date", "intervals": [{"start", "end"}]}]}}
 * with {@code HH:mm} times and {@code 24:00} for the end of the day. Only valid availabilities are
 * written, so reading one back always succeeds.
 */
public final class AvailabilityJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AvailabilityJson() {
	}

	public static Availability read(String json) {
		Stored stored = JSON.readValue(json, Stored.class);
		List<WeeklyInterval> weekly = (stored.weekly() != null) ? stored.weekly()
			.stream()
			.map((interval) -> new WeeklyInterval(interval.day(), ClockTimes.parseStart(interval.start()),
					ClockTimes.parseEnd(interval.end())))
			.toList() : List.of();
		List<DateOverride> overrides = (stored.overrides() != null) ? stored.overrides()
			.stream()
			.map((override) -> new DateOverride(override.date(),
					(override.intervals() != null) ? override.intervals().stream().map(StoredInterval::toInterval).toList()
							: List.of()))
			.toList() : List.of();
		return new Availability(weekly, overrides);
	}

	public static String write(Availability availability) {
		Stored stored = new Stored(
				availability.weekly()
					.stream()
					.map((interval) -> new StoredWeekly(interval.day(), ClockTimes.formatStart(interval.start()),
							ClockTimes.formatEnd(interval.end())))
					.toList(),
				availability.overrides()
					.stream()
					.map((override) -> new StoredOverride(override.date(),
							override.intervals()
								.stream()
								.map((interval) -> new StoredInterval(ClockTimes.formatStart(interval.start()),
										ClockTimes.formatEnd(interval.end())))
								.toList()))
					.toList());
		return JSON.writeValueAsString(stored);
	}

	record Stored(List<StoredWeekly> weekly, List<StoredOverride> overrides) {
	}

	record StoredWeekly(DayOfWeek day, String start, String end) {
	}

	record StoredOverride(LocalDate date, List<StoredInterval> intervals) {
	}

	record StoredInterval(String start, String end) {

		TimeInterval toInterval() {
			return new TimeInterval(ClockTimes.parseStart(this.start), ClockTimes.parseEnd(this.end));
		}

	}

}
