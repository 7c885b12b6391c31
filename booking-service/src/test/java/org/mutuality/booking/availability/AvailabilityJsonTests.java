package org.mutuality.booking.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.slots.Availability;
import org.mutuality.booking.slots.DateOverride;
import org.mutuality.booking.slots.TimeInterval;
import org.mutuality.booking.slots.WeeklyInterval;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form of availability: {@code HH:mm} times, {@code 24:00} for the end of the day, and
 * an exact round trip.
 */
class AvailabilityJsonTests {

	@Test
	void writesHoursAndMinutesWithTheEndOfTheDayAs2400AndReadsThemBack() {
		Availability availability = new Availability(
				List.of(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 30)),
						new WeeklyInterval(DayOfWeek.FRIDAY, LocalTime.of(20, 0), TimeInterval.END_OF_DAY)),
				List.of(DateOverride.dayOff(LocalDate.of(2026, 12, 24)), new DateOverride(LocalDate.of(2026, 12, 27),
						List.of(new TimeInterval(LocalTime.of(10, 0), LocalTime.of(11, 0))))));

		String json = AvailabilityJson.write(availability);

		assertThat(json).contains("\"start\":\"09:00\"", "\"end\":\"12:30\"", "\"end\":\"24:00\"",
				"\"date\":\"2026-12-24\"");
		assertThat(AvailabilityJson.read(json)).isEqualTo(availability);
	}

	@Test
	void readsTheEmptyDefaultOfTheDatabase() {
		assertThat(AvailabilityJson.read("{\"weekly\": [], \"overrides\": []}")).isEqualTo(Availability.none());
	}

	@Test
	void readsClockTimesStrictly() {
		assertThat(ClockTimes.parseStart("09:05")).isEqualTo(LocalTime.of(9, 5));
		assertThat(ClockTimes.parseStart("24:00")).isNull();
		assertThat(ClockTimes.parseEnd("24:00")).isEqualTo(TimeInterval.END_OF_DAY);
		assertThat(ClockTimes.parseStart("9:05")).isNull();
		assertThat(ClockTimes.parseStart("09:05:00")).isNull();
		assertThat(ClockTimes.parseEnd("25:00")).isNull();
	}

}
