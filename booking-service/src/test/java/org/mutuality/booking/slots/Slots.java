package org.mutuality.booking.slots;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builders and renderings shared by the slot tests.
 */
final class Slots {

	private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

	private Slots() {
	}

	static WeeklyInterval weekly(DayOfWeek day, String start, String end) {
		return new WeeklyInterval(day, LocalTime.parse(start), LocalTime.parse(end));
	}

	static TimeInterval interval(String start, String end) {
		return new TimeInterval(LocalTime.parse(start), LocalTime.parse(end));
	}

	/** The same hours every day of the week. */
	static List<WeeklyInterval> everyDay(String start, String end) {
		List<WeeklyInterval> weekly = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			weekly.add(weekly(day, start, end));
		}
		return weekly;
	}

	static BookedPeriod booked(String start, String end) {
		return new BookedPeriod(Instant.parse(start), Instant.parse(end));
	}

	static SlotWindow window(String from, String to, ZoneId zone) {
		return new SlotWindow(LocalDate.parse(from), LocalDate.parse(to), zone);
	}

	static Instant instant(String text) {
		return Instant.parse(text);
	}

	/** Slot starts in UTC, as {@code Instant#toString} writes them. */
	static List<String> starts(List<Slot> slots) {
		return slots.stream().map((slot) -> slot.start().toString()).toList();
	}

	/** Slot starts on the given zone's wall clock, with the offset. */
	static List<String> wallStarts(List<Slot> slots, ZoneId zone) {
		return slots.stream().map((slot) -> WALL.format(slot.start().atZone(zone))).toList();
	}

}
