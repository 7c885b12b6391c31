package org.mutuality.booking.slots;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Expands a therapist's {@link SlotRules} into the free consultation slots of a window, and checks
 * whether one start is such a slot; pure functions of their arguments (the caller passes
 * {@code now}).
 *
 * <p>
 * <b>The rules.</b> Each local date of the therapist's zone is worked in the intervals of its
 * override, if any (none: a day off), else in the weekly intervals of its day of the week. Slots are
 * laid end to end from each interval's start, each exactly the consultation length in real time, and
 * a slot must fit entirely in its interval; nothing is re-aligned around bookings. A slot is offered
 * when it starts at or after {@code now} plus the minimum notice, ends at or before {@code now} plus
 * the horizon, and overlaps no confirmed booking widened by the buffer on both sides (touching is
 * fine: with a 10-minute buffer, a booking 10:00–11:00 blocks 09:50–11:10). A window takes the slots
 * that start within it. Slots come back sorted by start and never overlap one another in real time.
 *
 * <p>
 * <b>Daylight saving.</b> Availability is wall-clock time in the therapist's zone. An interval's
 * start and end each stand for the first instant the therapist's clock shows that time or later:
 * <ul>
 * <li>In a spring-forward gap, a time that does not exist is the instant the clock jumps. A
 * therapist working 01:00–03:00 in Europe/London on 2026-03-29 (clocks go from 01:00 to 02:00) works
 * 01:00 GMT to 03:00 BST, one real hour; 02:00–02:30 in America/New_York on 2026-03-08 (02:00 jumps
 * to 03:00) is no time at all; 01:00–02:30 there is 01:00 EST to 03:00 EDT.</li>
 * <li>In a fall-back overlap, a time that occurs twice is its first occurrence (the earlier offset).
 * Working 01:00–02:30 in Europe/London on 2026-10-25 (clocks go from 02:00 back to 01:00) is 01:00
 * BST to 02:30 GMT: 1.5 wall-clock hours, 2.5 real hours, all of them offered, including the repeated
 * hour, whose slots show the same wall-clock times with the later offset.</li>
 * </ul>
 * Because slots are stepped in real time, an interval that spans a change keeps every slot at
 * exactly the consultation length and end to end; with a one-hour change, slots after it stay on the
 * wall-clock grid (30-minute slots from 00:00 still start at :00 and :30). Stepping in wall-clock
 * time instead would make slots around a change shorter, longer, duplicated or overlapping. Intervals
 * that do not overlap on the wall clock never overlap in real time under these rules.
 *
 * <p>
 * <b>Cost.</b> Bookings are sorted by start (linear when they already come sorted), widened by the
 * buffer and merged once, then walked with a pointer that only moves forward while the slots are
 * generated in order: O(days x intervals + slots + bookings), no nested loop. Pass the confirmed
 * bookings overlapping the window widened by the buffer; others are harmless but cost time.
 */
public final class SlotExpander {

	private SlotExpander() {
	}

	/**
	 * The free slots that start within the caller's window, sorted by start.
	 * @param rules the therapist's rules
	 * @param window the caller's dates and zone
	 * @param bookings the therapist's confirmed bookings, in any order
	 * @param now the current instant, from the application's {@code Clock}
	 */
	public static List<Slot> freeSlots(SlotRules rules, SlotWindow window, Collection<BookedPeriod> bookings,
			Instant now) {
		return expand(rules, window.start(), window.end(), bookings, now);
	}

	/**
	 * The free slot that starts exactly at the given instant, if the rules offer one now: what a new
	 * booking (or a reschedule, with the booking being moved left out of {@code bookings}) must hit.
	 * @param rules the therapist's rules
	 * @param start the requested start
	 * @param bookings the therapist's confirmed bookings, in any order
	 * @param now the current instant, from the application's {@code Clock}
	 */
	public static Optional<Slot> freeSlotAt(SlotRules rules, Instant start, Collection<BookedPeriod> bookings,
			Instant now) {
		List<Slot> slots = expand(rules, start, start.plusNanos(1), bookings, now);
		return slots.stream().filter((slot) -> slot.start().equals(start)).findFirst();
	}

	/** The free slots starting in {@code [spanStart, spanEnd)}, sorted. */
	static List<Slot> expand(SlotRules rules, Instant spanStart, Instant spanEnd, Collection<BookedPeriod> bookings,
			Instant now) {
		Duration length = rules.consultation();
		Instant earliestStart = max(spanStart, now.plus(rules.minimumNotice()));
		Instant latestEnd = now.plus(rules.horizon());
		if (!earliestStart.isBefore(spanEnd) || earliestStart.plus(length).isAfter(latestEnd)) {
			return List.of();
		}
		Busy busy = Busy.of(bookings, rules.buffer());
		DailyHours hours = new DailyHours(rules.availability());
		ZoneRules zone = rules.zone().getRules();
		// One extra day each side, defensively, for clock changes at midnight that put local dates and
		// real time out of step; dates outside the span produce nothing that passes the filters below.
		LocalDate firstDate = LocalDate.ofInstant(earliestStart, rules.zone()).minusDays(1);
		LocalDate lastDate = LocalDate.ofInstant(min(spanEnd, latestEnd), rules.zone()).plusDays(1);

		List<Slot> slots = new ArrayList<>();
		// Starts below the floor are skipped: it keeps the slots disjoint and the busy pointer valid
		// even in a zone whose transitions made wall-clock order and real-time order disagree.
		Instant floor = earliestStart;
		for (LocalDate date = firstDate; !date.isAfter(lastDate); date = date.plusDays(1)) {
			for (int[] interval : hours.on(date)) {
				Instant intervalEnd = WallClock.instantOf(date, interval[1], zone);
				Instant start = WallClock.instantOf(date, interval[0], zone);
				for (Instant end = start.plus(length); !end.isAfter(intervalEnd); start = end, end = end.plus(length)) {
					if (!start.isBefore(spanEnd) || end.isAfter(latestEnd)) {
						return slots; // every later slot starts and ends later still
					}
					if (start.isBefore(floor)) {
						continue;
					}
					floor = start;
					if (busy.overlaps(start, end)) {
						continue;
					}
					slots.add(new Slot(start, end));
					floor = end;
				}
			}
		}
		return slots;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * Bookings widened by the buffer and merged into disjoint sorted periods, queried with
	 * non-decreasing slot starts so that a pointer only moves forward.
	 */
	private static final class Busy {

		private final Instant[] starts;

		private final Instant[] ends;

		private final int size;

		private int next;

		private Busy(Instant[] starts, Instant[] ends, int size) {
			this.starts = starts;
			this.ends = ends;
			this.size = size;
		}

		static Busy of(Collection<BookedPeriod> bookings, Duration buffer) {
			BookedPeriod[] sorted = bookings.toArray(new BookedPeriod[0]);
			Arrays.sort(sorted, Comparator.comparing(BookedPeriod::start));
			Instant[] starts = new Instant[sorted.length];
			Instant[] ends = new Instant[sorted.length];
			int size = 0;
			for (BookedPeriod booking : sorted) {
				Instant start = booking.start().minus(buffer);
				Instant end = booking.end().plus(buffer);
				if (size > 0 && !start.isAfter(ends[size - 1])) {
					if (end.isAfter(ends[size - 1])) {
						ends[size - 1] = end;
					}
				}
				else {
					starts[size] = start;
					ends[size] = end;
					size++;
				}
			}
			return new Busy(starts, ends, size);
		}

		/** Whether {@code [start, end)} overlaps a busy period; {@code start} must never decrease. */
		boolean overlaps(Instant start, Instant end) {
			while (this.next < this.size && !this.ends[this.next].isAfter(start)) {
				this.next++;
			}
			return this.next < this.size && this.starts[this.next].isBefore(end);
		}

	}

}
