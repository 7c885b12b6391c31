package org.mutuality.booking.slots;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityValidatorTests {

	private static final LocalDate CHRISTMAS_EVE = LocalDate.of(2026, 12, 24);

	@Test
	void acceptsTouchingIntervalsAndOverrides() {
		Availability availability = new Availability(
				List.of(weekly(MONDAY, "09:00", "12:00"), weekly(MONDAY, "12:00", "13:00"),
						weekly(TUESDAY, "09:00", "12:00")),
				List.of(DateOverride.dayOff(CHRISTMAS_EVE),
						new DateOverride(CHRISTMAS_EVE.plusDays(1),
								List.of(interval("10:00", "11:00"), interval("11:00", "12:00")))));

		assertThat(AvailabilityValidator.validate(availability)).isEmpty();
		assertThat(AvailabilityValidator.isValid(availability)).isTrue();
	}

	@Test
	void acceptsNoAvailabilityAtAll() {
		assertThat(AvailabilityValidator.validate(Availability.none())).isEmpty();
		assertThat(AvailabilityValidator.validate(new Availability(null, null))).isEmpty();
	}

	@Test
	void acceptsMidnightAsTheEndOfTheDay() {
		Availability availability = new Availability(
				List.of(weekly(MONDAY, "22:00", "00:00"), weekly(TUESDAY, "00:00", "00:00")), List.of());

		assertThat(AvailabilityValidator.validate(availability)).isEmpty();
	}

	@Test
	void rejectsInvertedAndEmptyIntervals() {
		Availability availability = new Availability(
				List.of(weekly(MONDAY, "09:00", "12:00"), weekly(MONDAY, "13:00", "12:00"),
						weekly(TUESDAY, "10:00", "10:00")),
				List.of(new DateOverride(CHRISTMAS_EVE, List.of(interval("15:00", "14:00")))));

		assertThat(AvailabilityValidator.validate(availability)).extracting(Violation::field)
			.containsExactly("weekly[1].end", "weekly[2].end", "overrides[0].intervals[0].end");
	}

	@Test
	void rejectsOverlappingWeeklyIntervalsOfOneDayOnly() {
		Availability availability = new Availability(List.of(weekly(MONDAY, "09:00", "12:00"),
				weekly(TUESDAY, "11:00", "14:00"), weekly(MONDAY, "11:30", "14:00"), weekly(MONDAY, "13:00", "15:00")),
				List.of());

		assertThat(AvailabilityValidator.validate(availability)).containsExactly(
				new Violation("weekly[2]", "overlaps weekly[0] (09:00–12:00)"),
				new Violation("weekly[3]", "overlaps weekly[2] (11:30–14:00)"));
	}

	@Test
	void rejectsAnIntervalInsideAnother() {
		Availability availability = new Availability(
				List.of(weekly(MONDAY, "08:00", "18:00"), weekly(MONDAY, "10:00", "11:00"),
						weekly(MONDAY, "12:00", "13:00")),
				List.of());

		assertThat(AvailabilityValidator.validate(availability)).extracting(Violation::field)
			.containsExactly("weekly[1]", "weekly[2]");
	}

	@Test
	void rejectsOverlappingOverrideIntervals() {
		Availability availability = new Availability(List.of(), List.of(DateOverride.dayOff(CHRISTMAS_EVE),
				new DateOverride(CHRISTMAS_EVE.plusDays(1), List.of(interval("13:00", "00:00"), interval("09:00", "14:00")))));

		assertThat(AvailabilityValidator.validate(availability))
			.containsExactly(new Violation("overrides[1].intervals[0]", "overlaps overrides[1].intervals[1] (09:00–14:00)"));
	}

	@Test
	void rejectsTwoOverridesForOneDate() {
		Availability availability = new Availability(List.of(), List.of(DateOverride.dayOff(CHRISTMAS_EVE),
				new DateOverride(CHRISTMAS_EVE, List.of(interval("09:00", "10:00")))));

		assertThat(AvailabilityValidator.validate(availability)).containsExactly(
				new Violation("overrides[1].date", "duplicate date: overrides[0] is already for 2026-12-24"));
	}

	@Test
	void reportsMissingFieldsAndSecondsByPath() {
		Availability availability = new Availability(
				Arrays.asList(null, new WeeklyInterval(null, LocalTime.of(9, 0), null),
						new WeeklyInterval(MONDAY, LocalTime.of(9, 0, 30), LocalTime.of(10, 0))),
				Arrays.asList(null, new DateOverride(null, Arrays.asList(interval("09:00", "10:00"), null)),
						new DateOverride(CHRISTMAS_EVE, List.of(new TimeInterval(null, LocalTime.of(10, 0))))));

		assertThat(AvailabilityValidator.validate(availability)).containsExactly(
				new Violation("weekly[0]", "must not be null"), new Violation("weekly[1].day", "must not be null"),
				new Violation("weekly[1].end", "must not be null"),
				new Violation("weekly[2].start", "must be a whole minute (HH:mm)"),
				new Violation("overrides[0]", "must not be null"), new Violation("overrides[1].date", "must not be null"),
				new Violation("overrides[1].intervals[1]", "must not be null"),
				new Violation("overrides[2].intervals[0].start", "must not be null"));
	}

	@Test
	void reportsEveryProblemAtOnce() {
		Availability availability = new Availability(
				List.of(weekly(MONDAY, "09:00", "12:00"), weekly(MONDAY, "10:00", "11:00"),
						weekly(TUESDAY, "12:00", "09:00")),
				List.of(new DateOverride(CHRISTMAS_EVE, List.of(interval("09:00", "11:00"), interval("10:00", "12:00")))));

		assertThat(AvailabilityValidator.validate(availability)).extracting(Violation::field)
			.containsExactlyInAnyOrder("weekly[1]", "weekly[2].end", "overrides[0].intervals[1]");
	}

	@Test
	void reportsNullAvailability() {
		assertThat(AvailabilityValidator.validate(null)).containsExactly(new Violation("availability", "must not be null"));
	}

	static WeeklyInterval weekly(DayOfWeek day, String start, String end) {
		return new WeeklyInterval(day, LocalTime.parse(start), LocalTime.parse(end));
	}

	static TimeInterval interval(String start, String end) {
		return new TimeInterval(LocalTime.parse(start), LocalTime.parse(end));
	}

}
