package org.mutuality.booking.slots;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mutuality.booking.slots.Slots.booked;
import static org.mutuality.booking.slots.Slots.instant;
import static org.mutuality.booking.slots.Slots.interval;
import static org.mutuality.booking.slots.Slots.starts;
import static org.mutuality.booking.slots.Slots.wallStarts;
import static org.mutuality.booking.slots.Slots.weekly;
import static org.mutuality.booking.slots.Slots.window;

/**
 * Slot expansion on ordinary days. Europe/London in February is UTC, so wall-clock times and
 * instants agree; 2026-02-02 is a Monday.
 */
class SlotExpanderTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final Instant SUNDAY_BEFORE = instant("2026-02-01T00:00:00Z");

	private static final Availability WORKING_WEEK = new Availability(List.of(weekly(MONDAY, "09:00", "12:00"),
			weekly(MONDAY, "13:00", "17:00"), weekly(TUESDAY, "09:00", "12:00"), weekly(TUESDAY, "13:00", "17:00"),
			weekly(WEDNESDAY, "09:00", "12:00"), weekly(WEDNESDAY, "13:00", "17:00"), weekly(THURSDAY, "09:00", "12:00"),
			weekly(THURSDAY, "13:00", "17:00"), weekly(FRIDAY, "09:00", "12:00"), weekly(FRIDAY, "13:00", "17:00")),
			List.of());

	@Test
	void offersAWorkingWeekHourByHour() {
		List<Slot> slots = SlotExpander.freeSlots(rules(WORKING_WEEK, 60), window("2026-02-02", "2026-02-08", LONDON),
				List.of(), SUNDAY_BEFORE);

		assertThat(slots).hasSize(5 * 7);
		assertThat(starts(slots)).startsWith("2026-02-02T09:00:00Z", "2026-02-02T10:00:00Z", "2026-02-02T11:00:00Z",
				"2026-02-02T13:00:00Z", "2026-02-02T14:00:00Z", "2026-02-02T15:00:00Z", "2026-02-02T16:00:00Z",
				"2026-02-03T09:00:00Z")
			.endsWith("2026-02-06T16:00:00Z");
		assertThat(slots).allSatisfy((slot) -> assertThat(Duration.between(slot.start(), slot.end())).hasMinutes(60));
	}

	@Test
	void laysSlotsEndToEndFromTheIntervalStartAndOnlyWhereTheyFit() {
		Availability availability = new Availability(
				List.of(weekly(MONDAY, "09:00", "12:00"), weekly(MONDAY, "13:10", "14:50")), List.of());

		List<Slot> slots = SlotExpander.freeSlots(rules(availability, 45), window("2026-02-02", "2026-02-02", LONDON),
				List.of(), SUNDAY_BEFORE);

		assertThat(starts(slots)).containsExactly("2026-02-02T09:00:00Z", "2026-02-02T09:45:00Z",
				"2026-02-02T10:30:00Z", "2026-02-02T11:15:00Z", "2026-02-02T13:10:00Z", "2026-02-02T13:55:00Z");
		assertThat(slots.get(3).end()).isEqualTo(instant("2026-02-02T12:00:00Z"));
	}

	@Test
	void worksUntilMidnightWhenAnIntervalEndsAtTheEndOfTheDay() {
		Availability availability = new Availability(
				List.of(weekly(MONDAY, "22:00", "00:00"), weekly(TUESDAY, "00:00", "01:00")), List.of());

		List<Slot> slots = SlotExpander.freeSlots(rules(availability, 60), window("2026-02-02", "2026-02-03", LONDON),
				List.of(), SUNDAY_BEFORE);

		assertThat(starts(slots)).containsExactly("2026-02-02T22:00:00Z", "2026-02-02T23:00:00Z",
				"2026-02-03T00:00:00Z");
	}

	@Test
	void offersSlotsTouchingABookingWithoutBuffer() {
		List<Slot> slots = SlotExpander.freeSlots(rules(WORKING_WEEK, 60), window("2026-02-02", "2026-02-02", LONDON),
				List.of(booked("2026-02-02T10:00:00Z", "2026-02-02T11:00:00Z")), SUNDAY_BEFORE);

		assertThat(starts(slots)).containsExactly("2026-02-02T09:00:00Z", "2026-02-02T11:00:00Z",
				"2026-02-02T13:00:00Z", "2026-02-02T14:00:00Z", "2026-02-02T15:00:00Z", "2026-02-02T16:00:00Z");
	}

	@Test
	void keepsTheBufferFreeOnBothSidesOfABooking() {
		SlotRules rules = new SlotRules(LONDON, WORKING_WEEK, 30, 10, 0, 60);

		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-02", LONDON),
				List.of(booked("2026-02-02T10:00:00Z", "2026-02-02T11:00:00Z")), SUNDAY_BEFORE);

		// The booking blocks 09:50-11:10: 09:30-10:00 and 11:00-11:30 overlap it.
		assertThat(starts(slots)).startsWith("2026-02-02T09:00:00Z", "2026-02-02T11:30:00Z", "2026-02-02T13:00:00Z");
	}

	@Test
	void offersSlotsThatTouchTheBufferExactly() {
		SlotRules rules = new SlotRules(LONDON, WORKING_WEEK, 30, 15, 0, 60);

		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-02", LONDON),
				List.of(booked("2026-02-02T10:15:00Z", "2026-02-02T11:15:00Z")), SUNDAY_BEFORE);

		// Blocked: 10:00-11:30. 09:30-10:00 ends where the buffer starts, 11:30-12:00 starts where it ends.
		assertThat(starts(slots)).startsWith("2026-02-02T09:00:00Z", "2026-02-02T09:30:00Z", "2026-02-02T11:30:00Z",
				"2026-02-02T13:00:00Z");
	}

	@Test
	void blocksEverySlotABookingOrItsBufferTouchesEvenPartly() {
		SlotRules rules = new SlotRules(LONDON, WORKING_WEEK, 60, 5, 0, 60);

		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-02", LONDON),
				List.of(booked("2026-02-02T14:30:00Z", "2026-02-02T14:45:00Z"),
						booked("2026-02-02T09:00:00Z", "2026-02-02T09:00:01Z"),
						booked("2026-02-02T15:50:00Z", "2026-02-02T15:55:00Z")),
				SUNDAY_BEFORE);

		// Blocked: 09:00 by a one-second booking, 14:00 by one inside it, 15:00 by 15:45-16:00 (the buffer
		// included); 16:00 only touches that and stays free.
		assertThat(starts(slots)).containsExactly("2026-02-02T10:00:00Z", "2026-02-02T11:00:00Z",
				"2026-02-02T13:00:00Z", "2026-02-02T16:00:00Z");
	}

	@Test
	void handlesBookingsInAnyOrderOverlappingOneAnother() {
		List<BookedPeriod> bookings = List.of(booked("2026-02-03T13:00:00Z", "2026-02-03T14:00:00Z"),
				booked("2026-02-02T09:30:00Z", "2026-02-02T11:30:00Z"),
				booked("2026-02-02T09:00:00Z", "2026-02-02T10:00:00Z"),
				booked("2026-02-02T10:00:00Z", "2026-02-02T10:30:00Z"),
				booked("2026-02-02T15:00:00Z", "2026-02-02T15:00:00Z"));

		List<Slot> slots = SlotExpander.freeSlots(rules(WORKING_WEEK, 60), window("2026-02-02", "2026-02-03", LONDON),
				bookings, SUNDAY_BEFORE);

		// A zero-length booking at 15:00 touches 14:00-15:00 and 15:00-16:00 and blocks neither.
		assertThat(starts(slots)).containsExactly("2026-02-02T13:00:00Z", "2026-02-02T14:00:00Z",
				"2026-02-02T15:00:00Z", "2026-02-02T16:00:00Z", "2026-02-03T09:00:00Z", "2026-02-03T10:00:00Z",
				"2026-02-03T11:00:00Z", "2026-02-03T14:00:00Z", "2026-02-03T15:00:00Z", "2026-02-03T16:00:00Z");
	}

	@Test
	void offersNothingInThePast() {
		List<Slot> slots = SlotExpander.freeSlots(rules(WORKING_WEEK, 60), window("2026-02-02", "2026-02-04", LONDON),
				List.of(), instant("2026-02-04T13:00:00Z"));

		assertThat(starts(slots)).containsExactly("2026-02-04T13:00:00Z", "2026-02-04T14:00:00Z",
				"2026-02-04T15:00:00Z", "2026-02-04T16:00:00Z");
	}

	@Test
	void skipsASlotThatHasAlreadyStarted() {
		List<Slot> slots = SlotExpander.freeSlots(rules(WORKING_WEEK, 60), window("2026-02-04", "2026-02-04", LONDON),
				List.of(), instant("2026-02-04T13:00:00.001Z"));

		assertThat(starts(slots)).startsWith("2026-02-04T14:00:00Z");
	}

	@Test
	void offersNothingInsideTheMinimumNotice() {
		SlotRules rules = new SlotRules(LONDON, WORKING_WEEK, 60, 0, 26, 60);

		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-03", LONDON), List.of(),
				instant("2026-02-01T08:30:00Z"));

		// Notice runs to Monday 10:30: 10:00 has not passed but is too soon.
		assertThat(starts(slots)).startsWith("2026-02-02T11:00:00Z", "2026-02-02T13:00:00Z");
	}

	@Test
	void offersASlotStartingExactlyWhenTheNoticeRunsOut() {
		SlotRules rules = new SlotRules(LONDON, WORKING_WEEK, 60, 0, 2, 60);

		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-02", LONDON), List.of(),
				instant("2026-02-02T08:00:00Z"));

		assertThat(starts(slots)).startsWith("2026-02-02T10:00:00Z");
	}

	@Test
	void offersNothingPastTheHorizon() {
		SlotRules rules = new SlotRules(LONDON, WORKING_WEEK, 60, 0, 0, 1);

		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-08", LONDON), List.of(),
				instant("2026-02-02T10:30:00Z"));

		// The horizon ends Tuesday 10:30: 10:00-11:00 would end past it.
		assertThat(starts(slots)).containsExactly("2026-02-02T11:00:00Z", "2026-02-02T13:00:00Z",
				"2026-02-02T14:00:00Z", "2026-02-02T15:00:00Z", "2026-02-02T16:00:00Z", "2026-02-03T09:00:00Z");
	}

	@Test
	void offersNothingWithAZeroHorizon() {
		SlotRules rules = new SlotRules(LONDON, WORKING_WEEK, 60, 0, 0, 0);

		assertThat(SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-08", LONDON), List.of(), SUNDAY_BEFORE))
			.isEmpty();
	}

	@Test
	void offersNothingOnADayOff() {
		Availability availability = new Availability(WORKING_WEEK.weekly(),
				List.of(DateOverride.dayOff(LocalDate.of(2026, 2, 3))));

		List<Slot> slots = SlotExpander.freeSlots(rules(availability, 60), window("2026-02-02", "2026-02-04", LONDON),
				List.of(), SUNDAY_BEFORE);

		assertThat(slots).hasSize(14)
			.noneMatch((slot) -> slot.start().toString().startsWith("2026-02-03"));
	}

	@Test
	void replacesTheWeeklyHoursOfADateWithOtherHours() {
		Availability availability = new Availability(WORKING_WEEK.weekly(),
				List.of(new DateOverride(LocalDate.of(2026, 2, 4), List.of(interval("18:00", "20:00"))),
						new DateOverride(LocalDate.of(2026, 2, 7), List.of(interval("10:00", "11:00")))));

		List<Slot> slots = SlotExpander.freeSlots(rules(availability, 60), window("2026-02-04", "2026-02-08", LONDON),
				List.of(), SUNDAY_BEFORE);

		assertThat(starts(slots)).filteredOn((start) -> start.startsWith("2026-02-04"))
			.containsExactly("2026-02-04T18:00:00Z", "2026-02-04T19:00:00Z");
		assertThat(starts(slots)).filteredOn((start) -> start.startsWith("2026-02-07"))
			.containsExactly("2026-02-07T10:00:00Z");
		assertThat(starts(slots)).filteredOn((start) -> start.startsWith("2026-02-05")).hasSize(7);
	}

	@Test
	void offersNothingWithoutAvailability() {
		assertThat(SlotExpander.freeSlots(rules(Availability.none(), 60), window("2026-02-02", "2026-02-08", LONDON),
				List.of(), SUNDAY_BEFORE))
			.isEmpty();
	}

	@Test
	void offersAKolkataTherapistsHoursToAUtcCaller() {
		ZoneId kolkata = ZoneId.of("Asia/Kolkata");
		SlotRules rules = new SlotRules(kolkata, new Availability(List.of(weekly(MONDAY, "09:00", "12:00")), List.of()),
				60, 0, 0, 60);

		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-02", ZoneOffset.UTC), List.of(),
				SUNDAY_BEFORE);

		assertThat(starts(slots)).containsExactly("2026-02-02T03:30:00Z", "2026-02-02T04:30:00Z",
				"2026-02-02T05:30:00Z");
		assertThat(wallStarts(slots, kolkata)).containsExactly("2026-02-02T09:00+05:30", "2026-02-02T10:00+05:30",
				"2026-02-02T11:00+05:30");
	}

	@Test
	void offersAKathmanduTherapistsHoursToALondonCallerInSummer() {
		ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
		SlotRules rules = new SlotRules(kathmandu,
				new Availability(List.of(weekly(MONDAY, "09:00", "10:30"), weekly(MONDAY, "16:00", "17:00")), List.of()),
				30, 0, 0, 60);

		List<Slot> slots = SlotExpander.freeSlots(rules, window("2026-07-06", "2026-07-06", LONDON), List.of(),
				instant("2026-07-01T00:00:00Z"));

		assertThat(starts(slots)).containsExactly("2026-07-06T03:15:00Z", "2026-07-06T03:45:00Z",
				"2026-07-06T04:15:00Z", "2026-07-06T10:15:00Z", "2026-07-06T10:45:00Z");
		assertThat(wallStarts(slots, LONDON)).startsWith("2026-07-06T04:15+01:00");
	}

	@Test
	void splitsATherapistDayThatStraddlesTwoCallerDays() {
		// 03:00-08:00 in Kolkata is 21:30 on Sunday to 02:30 on Monday in UTC.
		SlotRules rules = new SlotRules(ZoneId.of("Asia/Kolkata"),
				new Availability(List.of(weekly(MONDAY, "03:00", "08:00")), List.of()), 60, 0, 0, 60);

		List<Slot> sunday = SlotExpander.freeSlots(rules, window("2026-02-01", "2026-02-01", ZoneOffset.UTC), List.of(),
				instant("2026-01-31T00:00:00Z"));
		List<Slot> monday = SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-02", ZoneOffset.UTC), List.of(),
				instant("2026-01-31T00:00:00Z"));
		List<Slot> both = SlotExpander.freeSlots(rules, window("2026-02-01", "2026-02-02", ZoneOffset.UTC), List.of(),
				instant("2026-01-31T00:00:00Z"));

		// The slot from 23:30 to 00:30 belongs to the day it starts on.
		assertThat(starts(sunday)).containsExactly("2026-02-01T21:30:00Z", "2026-02-01T22:30:00Z",
				"2026-02-01T23:30:00Z");
		assertThat(starts(monday)).containsExactly("2026-02-02T00:30:00Z", "2026-02-02T01:30:00Z");
		assertThat(both).hasSize(5);
		List<Slot> joined = new ArrayList<>(sunday);
		joined.addAll(monday);
		assertThat(both).isEqualTo(joined);
	}

	@Test
	void readsTheWindowInTheCallersZoneNotTheTherapists() {
		// A New York therapist working Monday 20:00-23:00 (Tuesday 01:00-04:00 UTC), seen from Tokyo (UTC+9):
		// Tuesday 10:00-13:00 there.
		SlotRules rules = new SlotRules(ZoneId.of("America/New_York"),
				new Availability(List.of(weekly(MONDAY, "20:00", "23:00")), List.of()), 60, 0, 0, 60);
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");

		assertThat(SlotExpander.freeSlots(rules, window("2026-02-02", "2026-02-02", tokyo), List.of(), SUNDAY_BEFORE))
			.isEmpty();
		assertThat(wallStarts(
				SlotExpander.freeSlots(rules, window("2026-02-03", "2026-02-03", tokyo), List.of(), SUNDAY_BEFORE),
				tokyo))
			.containsExactly("2026-02-03T10:00+09:00", "2026-02-03T11:00+09:00", "2026-02-03T12:00+09:00");
	}

	@Test
	void findsTheFreeSlotAtAStart() {
		SlotRules rules = new SlotRules(LONDON, WORKING_WEEK, 60, 10, 2, 60);
		List<BookedPeriod> bookings = List.of(booked("2026-02-02T14:00:00Z", "2026-02-02T15:00:00Z"));
		Instant now = instant("2026-02-02T08:00:00Z");

		assertThat(SlotExpander.freeSlotAt(rules, instant("2026-02-02T10:00:00Z"), bookings, now))
			.contains(new Slot(instant("2026-02-02T10:00:00Z"), instant("2026-02-02T11:00:00Z")));
		assertThat(SlotExpander.freeSlotAt(rules, instant("2026-02-02T10:30:00Z"), bookings, now)).isEmpty();
		assertThat(SlotExpander.freeSlotAt(rules, instant("2026-02-02T09:00:00Z"), bookings, now)).isEmpty();
		assertThat(SlotExpander.freeSlotAt(rules, instant("2026-02-02T13:00:00Z"), bookings, now)).isEmpty();
		assertThat(SlotExpander.freeSlotAt(rules, instant("2026-02-02T15:00:00Z"), bookings, now)).isEmpty();
		assertThat(SlotExpander.freeSlotAt(rules, instant("2026-02-02T16:00:00Z"), bookings, now)).isPresent();
		assertThat(SlotExpander.freeSlotAt(rules, instant("2026-02-07T10:00:00Z"), bookings, now)).isEmpty();
	}

	@Test
	void rejectsRulesOutsideTheirRanges() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SlotRules(LONDON, WORKING_WEEK, 14, 0, 0, 60));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlotRules(LONDON, WORKING_WEEK, 91, 0, 0, 60));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlotRules(LONDON, WORKING_WEEK, 60, -1, 0, 60));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlotRules(LONDON, WORKING_WEEK, 60, 0, -1, 60));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlotRules(LONDON, WORKING_WEEK, 60, 0, 0, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlotRules(LONDON,
				new Availability(List.of(weekly(SATURDAY, "10:00", "09:00")), List.of()), 60, 0, 0, 60))
			.withMessageContaining("weekly[0].end");
	}

	@Test
	void rejectsABookingThatEndsBeforeItStarts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> booked("2026-02-02T10:00:00Z", "2026-02-02T09:00:00Z"));
	}

	private static SlotRules rules(Availability availability, int consultationMinutes) {
		return new SlotRules(LONDON, availability, consultationMinutes, 0, 0, 60);
	}

}
