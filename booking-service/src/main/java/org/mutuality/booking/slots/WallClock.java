package org.mutuality.booking.slots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns a therapist's wall-clock times into instants: a local date and time stands for the first
 * instant at which the therapist's clock shows that time or later. In a spring-forward gap a time
 * that does not exist becomes the instant the clock jumps (the end of the gap); in a fall-back
 * overlap a time that occurs twice is its first occurrence (the earlier offset). Unlike
 * {@code ZonedDateTime.of}, which moves a time in a gap forward by the gap's length, this is
 * monotonic: later local times never give earlier instants, so intervals that do not overlap on the
 * wall clock do not overlap in real time.
 */
final class WallClock {

	private WallClock() {
	}

	/** The instant of a minute of the day; minute 1440 is midnight at the start of the next day. */
	static Instant instantOf(LocalDate date, int minuteOfDay, ZoneRules rules) {
		LocalDateTime local = (minuteOfDay == LocalTimes.MINUTES_PER_DAY) ? date.plusDays(1).atStartOfDay()
				: date.atTime(minuteOfDay / 60, minuteOfDay % 60);
		return instantOf(local, rules);
	}

	static Instant instantOf(LocalDateTime local, ZoneRules rules) {
		List<ZoneOffset> offsets = rules.getValidOffsets(local);
		if (offsets.isEmpty()) {
			return rules.getTransition(local).getInstant();
		}
		ZoneOffset earliest = offsets.get(0);
		for (ZoneOffset offset : offsets) {
			if (offset.getTotalSeconds() > earliest.getTotalSeconds()) {
				earliest = offset;
			}
		}
		return local.toInstant(earliest);
	}

}
