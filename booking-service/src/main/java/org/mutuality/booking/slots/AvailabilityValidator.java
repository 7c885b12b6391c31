package org.mutuality.booking.slots;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a therapist's {@link Availability} and reports every problem at once, each as a
 * {@link Violation} whose field path follows the API document ({@code weekly[2].end},
 * {@code overrides[0].intervals[1]}), so that the web layer can answer 400 with all of them. Rules:
 * every field is present; times are whole minutes; an interval ends after it starts (an end of
 * {@code 00:00} is the end of the day); the intervals of one weekday, or of one override, do not
 * overlap (touching, such as 09:00–12:00 and 12:00–13:00, is fine); there is at most one override
 * per date. It runs in O(n log n) for n intervals.
 */
public final class AvailabilityValidator {

	private AvailabilityValidator() {
	}

	/**
	 * Returns every problem of the given availability, or an empty list when it is valid: the weekly
	 * intervals' field problems in document order, then their overlaps, then each override's.
	 */
	public static List<Violation> validate(Availability availability) {
		List<Violation> violations = new ArrayList<>();
		if (availability == null) {
			violations.add(new Violation("availability", "must not be null"));
			return violations;
		}
		validateWeekly(availability.weekly(), violations);
		validateOverrides(availability.overrides(), violations);
		return violations;
	}

	/** Whether the availability has no problems at all. */
	public static boolean isValid(Availability availability) {
		return validate(availability).isEmpty();
	}

	private static void validateWeekly(List<WeeklyInterval> weekly, List<Violation> violations) {
		Map<DayOfWeek, List<Checked>> byDay = new EnumMap<>(DayOfWeek.class);
		for (int i = 0; i < weekly.size(); i++) {
			String path = "weekly[" + i + "]";
			WeeklyInterval interval = weekly.get(i);
			if (interval == null) {
				violations.add(new Violation(path, "must not be null"));
				continue;
			}
			if (interval.day() == null) {
				violations.add(new Violation(path + ".day", "must not be null"));
			}
			Checked checked = check(path, interval.start(), interval.end(), violations);
			if (checked != null && interval.day() != null) {
				byDay.computeIfAbsent(interval.day(), (day) -> new ArrayList<>()).add(checked);
			}
		}
		byDay.values().forEach((intervals) -> reportOverlaps(intervals, violations));
	}

	private static void validateOverrides(List<DateOverride> overrides, List<Violation> violations) {
		Map<LocalDate, Integer> firstIndexByDate = new HashMap<>();
		for (int i = 0; i < overrides.size(); i++) {
			String path = "overrides[" + i + "]";
			DateOverride override = overrides.get(i);
			if (override == null) {
				violations.add(new Violation(path, "must not be null"));
				continue;
			}
			if (override.date() == null) {
				violations.add(new Violation(path + ".date", "must not be null"));
			}
			else {
				Integer first = firstIndexByDate.putIfAbsent(override.date(), i);
				if (first != null) {
					violations.add(new Violation(path + ".date",
							"duplicate date: overrides[" + first + "] is already for " + override.date()));
				}
			}
			List<Checked> intervals = new ArrayList<>();
			for (int k = 0; k < override.intervals().size(); k++) {
				String intervalPath = path + ".intervals[" + k + "]";
				TimeInterval interval = override.intervals().get(k);
				if (interval == null) {
					violations.add(new Violation(intervalPath, "must not be null"));
					continue;
				}
				Checked checked = check(intervalPath, interval.start(), interval.end(), violations);
				if (checked != null) {
					intervals.add(checked);
				}
			}
			reportOverlaps(intervals, violations);
		}
	}

	/** Checks one interval's own fields; answers it in minutes of the day when they are sound. */
	private static Checked check(String path, LocalTime start, LocalTime end, List<Violation> violations) {
		boolean startOk = checkTime(path + ".start", start, violations);
		boolean endOk = checkTime(path + ".end", end, violations);
		if (!startOk || !endOk) {
			return null;
		}
		int startMinute = LocalTimes.minuteOfDay(start);
		int endMinute = LocalTimes.endMinuteOfDay(end);
		if (endMinute <= startMinute) {
			violations.add(new Violation(path + ".end", "must be after start (" + start + ")"));
			return null;
		}
		return new Checked(path, startMinute, endMinute);
	}

	private static boolean checkTime(String path, LocalTime time, List<Violation> violations) {
		if (time == null) {
			violations.add(new Violation(path, "must not be null"));
			return false;
		}
		if (time.getSecond() != 0 || time.getNano() != 0) {
			violations.add(new Violation(path, "must be a whole minute (HH:mm)"));
			return false;
		}
		return true;
	}

	/**
	 * Reports each interval that overlaps one listed before it in time, naming the one it overlaps.
	 * A sweep over the intervals sorted by start, keeping the one that reaches furthest.
	 */
	private static void reportOverlaps(List<Checked> intervals, List<Violation> violations) {
		if (intervals.size() < 2) {
			return;
		}
		List<Checked> sorted = new ArrayList<>(intervals);
		sorted.sort(Comparator.comparingInt(Checked::start).thenComparingInt(Checked::end));
		Checked furthest = sorted.get(0);
		for (int i = 1; i < sorted.size(); i++) {
			Checked current = sorted.get(i);
			if (current.start() < furthest.end()) {
				violations.add(new Violation(current.path(), "overlaps " + furthest.path() + " ("
						+ LocalTimes.format(furthest.start()) + "–" + LocalTimes.format(furthest.end()) + ")"));
			}
			if (current.end() > furthest.end()) {
				furthest = current;
			}
		}
	}

	private record Checked(String path, int start, int end) {
	}

}
