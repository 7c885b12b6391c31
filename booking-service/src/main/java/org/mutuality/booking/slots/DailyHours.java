package org.mutuality.booking.slots;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid {@link Availability} compiled for lookup: the intervals worked on a local date, in minutes
 * of the day, sorted by start. An override replaces the weekly intervals of its date.
 */
final class DailyHours {

	private static final int[][] NONE = new int[0][];

	private final Map<DayOfWeek, int[][]> weekly = new EnumMap<>(DayOfWeek.class);

	private final Map<LocalDate, int[][]> overrides = new HashMap<>();

	DailyHours(Availability availability) {
		Map<DayOfWeek, List<int[]>> byDay = new EnumMap<>(DayOfWeek.class);
		for (WeeklyInterval interval : availability.weekly()) {
			byDay.computeIfAbsent(interval.day(), (day) -> new ArrayList<>())
				.add(minutes(interval.start(), interval.end()));
		}
		byDay.forEach((day, intervals) -> this.weekly.put(day, sorted(intervals)));
		for (DateOverride override : availability.overrides()) {
			List<int[]> intervals = new ArrayList<>();
			for (TimeInterval interval : override.intervals()) {
				intervals.add(minutes(interval.start(), interval.end()));
			}
			this.overrides.put(override.date(), sorted(intervals));
		}
	}

	/** The intervals worked on the date as {@code [startMinute, endMinute]} pairs, sorted by start. */
	int[][] on(LocalDate date) {
		int[][] override = this.overrides.get(date);
		if (override != null) {
			return override;
		}
		return this.weekly.getOrDefault(date.getDayOfWeek(), NONE);
	}

	private static int[] minutes(LocalTime start, LocalTime end) {
		return new int[] { LocalTimes.minuteOfDay(start), LocalTimes.endMinuteOfDay(end) };
	}

	private static int[][] sorted(List<int[]> intervals) {
		int[][] array = intervals.toArray(NONE);
		Arrays.sort(array, Comparator.comparingInt((int[] interval) -> interval[0]));
		return array;
	}

}
