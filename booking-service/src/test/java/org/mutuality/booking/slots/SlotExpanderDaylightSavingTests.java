package org.mutuality.booking.slots;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mutuality.booking.slots.Slots.booked;
import static org.mutuality.booking.slots.Slots.interval;
import static org.mutuality.booking.slots.Slots.starts;
import static org.mutuality.booking.slots.Slots.wallStarts;
import static org.mutuality.booking.slots.Slots.window;

/**
 * Slot expansion on the days clocks change, for intervals across the change: a time in a gap is the
 * instant the clock jumps, a time in an overlap its first occurrence, and slots are stepped in real
 * time. All the days below are Sundays of 2026.
 */
class SlotExpanderDaylightSavingTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	private static final Instant LONG_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

	// Europe/London, 2026-03-29: 01:00 GMT becomes 02:00 BST.

	@Test
	void londonSpringForwardWorksOneRealHourFromOneToThree() {
		List<Slot> slots = expand(LONDON, "2026-03-29", 30, interval("01:00", "03:00"));

		assertThat(wallStarts(slots, LONDON)).containsExactly("2026-03-29T02:00+01:00", "2026-03-29T02:30+01:00");
		assertThat(starts(slots)).containsExactly("2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z");
	}

	@Test
	void londonSpringForwardStepsInRealTimeAcrossTheGap() {
		List<Slot> slots = expand(LONDON, "2026-03-29", 60, interval("00:00", "04:00"));

		assertThat(wallStarts(slots, LONDON)).containsExactly("2026-03-29T00:00+00:00", "2026-03-29T02:00+01:00",
				"2026-03-29T03:00+01:00");
		assertExactLengthAndDisjoint(slots, 60);
	}

	@Test
	void londonSpringForwardKeepsDaytimeHours() {
		List<Slot> slots = expand(LONDON, "2026-03-29", 60, interval("09:00", "17:00"));

		assertThat(wallStarts(slots, LONDON)).hasSize(8).startsWith("2026-03-29T09:00+01:00").endsWith("2026-03-29T16:00+01:00");
	}

	// Europe/London, 2026-10-25: 02:00 BST becomes 01:00 GMT.

	@Test
	void londonFallBackOffersTheRepeatedHourToo() {
		List<Slot> slots = expand(LONDON, "2026-10-25", 30, interval("01:00", "02:30"));

		// 1.5 wall-clock hours, 2.5 real hours.
		assertThat(wallStarts(slots, LONDON)).containsExactly("2026-10-25T01:00+01:00", "2026-10-25T01:30+01:00",
				"2026-10-25T01:00+00:00", "2026-10-25T01:30+00:00", "2026-10-25T02:00+00:00");
		assertExactLengthAndDisjoint(slots, 30);
	}

	@Test
	void londonFallBackLaysLongSlotsOnlyWhereTheyFitInRealTime() {
		List<Slot> slots = expand(LONDON, "2026-10-25", 60, interval("01:00", "02:30"));

		assertThat(starts(slots)).containsExactly("2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z");
		assertThat(slots.get(1).end()).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
	}

	// America/New_York, 2026-03-08: 02:00 EST becomes 03:00 EDT.

	@Test
	void newYorkSpringForwardStepsInRealTimeAcrossTheGap() {
		List<Slot> slots = expand(NEW_YORK, "2026-03-08", 60, interval("00:00", "06:00"));

		assertThat(wallStarts(slots, NEW_YORK)).containsExactly("2026-03-08T00:00-05:00", "2026-03-08T01:00-05:00",
				"2026-03-08T03:00-04:00", "2026-03-08T04:00-04:00", "2026-03-08T05:00-04:00");
		assertExactLengthAndDisjoint(slots, 60);
	}

	@Test
	void newYorkSpringForwardEndsAnIntervalInTheGapWhenTheClockJumps() {
		List<Slot> slots = expand(NEW_YORK, "2026-03-08", 30, interval("01:00", "02:30"));

		// 01:00 EST to 03:00 EDT is one real hour, not the 1.5 hours ZonedDateTime.of would make of it.
		assertThat(wallStarts(slots, NEW_YORK)).containsExactly("2026-03-08T01:00-05:00", "2026-03-08T01:30-05:00");
	}

	@Test
	void newYorkSpringForwardOffersNothingInsideTheGap() {
		assertThat(expand(NEW_YORK, "2026-03-08", 15, interval("02:00", "02:45"))).isEmpty();
	}

	@Test
	void newYorkSpringForwardNeverOverlapsIntervalsAroundTheGap() {
		// Shifting 02:30 forward by the gap's length, as ZonedDateTime.of does, would end the first interval
		// at 03:30 EDT, half an hour into the second.
		List<Slot> slots = expand(NEW_YORK, "2026-03-08", 30, interval("01:00", "02:30"), interval("03:00", "04:00"));

		assertThat(wallStarts(slots, NEW_YORK)).containsExactly("2026-03-08T01:00-05:00", "2026-03-08T01:30-05:00",
				"2026-03-08T03:00-04:00", "2026-03-08T03:30-04:00");
		assertExactLengthAndDisjoint(slots, 30);
	}

	// America/New_York, 2026-11-01: 02:00 EDT becomes 01:00 EST.

	@Test
	void newYorkFallBackStepsInRealTimeAcrossTheOverlap() {
		List<Slot> slots = expand(NEW_YORK, "2026-11-01", 60, interval("00:00", "04:00"));

		assertThat(wallStarts(slots, NEW_YORK)).containsExactly("2026-11-01T00:00-04:00", "2026-11-01T01:00-04:00",
				"2026-11-01T01:00-05:00", "2026-11-01T02:00-05:00", "2026-11-01T03:00-05:00");
		assertExactLengthAndDisjoint(slots, 60);
	}

	@Test
	void newYorkFallBackSplitsIntervalsTouchingInsideTheOverlapAtTheFirstOccurrence() {
		List<Slot> slots = expand(NEW_YORK, "2026-11-01", 30, interval("00:00", "01:30"), interval("01:30", "03:00"));

		assertThat(wallStarts(slots, NEW_YORK)).containsExactly("2026-11-01T00:00-04:00", "2026-11-01T00:30-04:00",
				"2026-11-01T01:00-04:00", "2026-11-01T01:30-04:00", "2026-11-01T01:00-05:00", "2026-11-01T01:30-05:00",
				"2026-11-01T02:00-05:00", "2026-11-01T02:30-05:00");
		assertExactLengthAndDisjoint(slots, 30);
	}

	@Test
	void newYorkFallBackBlocksOnlyTheOccurrenceThatIsBooked() {
		List<Slot> slots = expandWith(NEW_YORK, "2026-11-01", 60,
				List.of(booked("2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z")), interval("00:00", "04:00"));

		// Booked: 01:00 EST. 01:00 EDT, an hour earlier, stays free.
		assertThat(wallStarts(slots, NEW_YORK)).containsExactly("2026-11-01T00:00-04:00", "2026-11-01T01:00-04:00",
				"2026-11-01T02:00-05:00", "2026-11-01T03:00-05:00");
	}

	// Australia/Sydney, 2026-04-05: 03:00 AEDT becomes 02:00 AEST.

	@Test
	void sydneyFallBackStepsInRealTimeAcrossTheOverlap() {
		List<Slot> slots = expand(SYDNEY, "2026-04-05", 60, interval("01:00", "04:00"));

		assertThat(wallStarts(slots, SYDNEY)).containsExactly("2026-04-05T01:00+11:00", "2026-04-05T02:00+11:00",
				"2026-04-05T02:00+10:00", "2026-04-05T03:00+10:00");
		assertThat(starts(slots)).containsExactly("2026-04-04T14:00:00Z", "2026-04-04T15:00:00Z",
				"2026-04-04T16:00:00Z", "2026-04-04T17:00:00Z");
		assertExactLengthAndDisjoint(slots, 60);
	}

	// Australia/Sydney, 2026-10-04: 02:00 AEST becomes 03:00 AEDT.

	@Test
	void sydneySpringForwardStepsInRealTimeAcrossTheGap() {
		List<Slot> slots = expand(SYDNEY, "2026-10-04", 60, interval("01:00", "04:00"));

		assertThat(wallStarts(slots, SYDNEY)).containsExactly("2026-10-04T01:00+10:00", "2026-10-04T03:00+11:00");
		assertExactLengthAndDisjoint(slots, 60);
	}

	@Test
	void sydneySpringForwardKeepsDaytimeHoursForALondonCaller() {
		SlotRules rules = new SlotRules(SYDNEY, new Availability(List.of(),
				List.of(new DateOverride(LocalDate.parse("2026-10-04"), List.of(interval("09:00", "12:00"))))), 60, 0, 0,
				365);

		// 09:00 AEDT on the 4th is 23:00 BST on the 3rd.
		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-10-03", "2026-10-04", LONDON), List.of(),
				LONG_BEFORE);

		assertThat(wallStarts(slots, LONDON)).containsExactly("2026-10-03T23:00+01:00", "2026-10-04T00:00+01:00",
				"2026-10-04T01:00+01:00");
	}

	@Test
	void callerOnATwentyFiveHourDayGetsEveryHourOfIt() {
		// A UTC therapist working around the clock, seen from London on the day London falls back.
		SlotRules rules = new SlotRules(ZoneId.of("UTC"), new Availability(Slots.everyDay("00:00", "00:00"), List.of()),
				60, 0, 0, 365);

		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-10-25", "2026-10-25", LONDON), List.of(),
				LONG_BEFORE);

		assertThat(slots).hasSize(25);
		assertThat(starts(slots)).startsWith("2026-10-24T23:00:00Z").endsWith("2026-10-25T23:00:00Z");
	}

	private static List<Slot> expand(ZoneId zone, String date, int minutes, TimeInterval... intervals) {
		return expandWith(zone, date, minutes, List.of(), intervals);
	}

	/** Expands one date given as an override, over the therapist's own date. */
	private static List<Slot> expandWith(ZoneId zone, String date, int minutes, List<BookedPeriod> bookings,
			TimeInterval... intervals) {
		Availability availability = new Availability(List.of(),
				List.of(new DateOverride(LocalDate.parse(date), List.of(intervals))));
		SlotRules rules = new SlotRules(zone, availability, minutes, 0, 0, 365);
		return SlotExpander.freeSlots(rules, window(date, date, zone), bookings, LONG_BEFORE);
	}

	private static void assertExactLengthAndDisjoint(List<Slot> slots, int minutes) {
		for (int i = 0; i < slots.size(); i++) {
			assertThat(Duration.between(slots.get(i).start(), slots.get(i).end())).isEqualTo(Duration.ofMinutes(minutes));
			if (i > 0) {
				assertThat(slots.get(i).start()).isAfterOrEqualTo(slots.get(i - 1).end());
			}
		}
	}

}
