package org.mutuality.booking.availability;

import java.time.LocalTime;
import java.util.regex.Pattern;

import org.mutuality.booking.slots.TimeInterval;

/**
 * The {@code HH:mm} local times of availability documents, where an interval's end may be
 * {@code 24:00} (or {@code 00:00}) for the end of the day, stored as {@link TimeInterval#END_OF_DAY}.
 */
final class ClockTimes {

	private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	static final String END_OF_DAY = "24:00";

	static final String FORMAT = "must be a time HH:mm";

	private ClockTimes() {
	}

	/** A start time, or {@code null} when the text is not {@code HH:mm}. */
	static LocalTime parseStart(String text) {
		return (text != null && HH_MM.matcher(text).matches()) ? LocalTime.parse(text) : null;
	}

	/** An end time ({@code 24:00} allowed), or {@code null} when the text is not one. */
	static LocalTime parseEnd(String text) {
		return END_OF_DAY.equals(text) ? TimeInterval.END_OF_DAY : parseStart(text);
	}

	static String formatStart(LocalTime time) {
		return String.format("%02d:%02d", time.getHour(), time.getMinute());
	}

	static String formatEnd(LocalTime time) {
		return TimeInterval.END_OF_DAY.equals(time) ? END_OF_DAY : formatStart(time);
	}

}
