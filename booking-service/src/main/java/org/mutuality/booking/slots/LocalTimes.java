package org.mutuality.booking.slots;

import java.time.LocalTime;

/**
 * Minute-of-day arithmetic for availability intervals, where an end of {@code 00:00} means the end
 * of the day (minute 1440).
 */
final class LocalTimes {

	static final int MINUTES_PER_DAY = 24 * 60;

	private LocalTimes() {
	}

	static int minuteOfDay(LocalTime time) {
		return time.getHour() * 60 + time.getMinute();
	}

	/** The minute of the day an interval ends at: {@code 00:00} is the end of the day. */
	static int endMinuteOfDay(LocalTime end) {
		return end.equals(TimeInterval.END_OF_DAY) ? MINUTES_PER_DAY : minuteOfDay(end);
	}

	/** {@code HH:mm}, with {@code 24:00} for minute 1440. */
	static String format(int minuteOfDay) {
		return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
	}

}
