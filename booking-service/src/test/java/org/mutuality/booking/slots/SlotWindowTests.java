package org.mutuality.booking.slots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SlotWindowTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void spansFromTheStartOfFromToTheEndOfToInTheCallersZone() {
		SlotWindow window = new SlotWindow(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2), LONDON);

		assertThat(window.start()).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
		assertThat(window.end()).isEqualTo(Instant.parse("2026-07-02T23:00:00Z"));
	}

	@Test
	void spansTwentyThreeAndTwentyFiveHourDays() {
		SlotWindow springForward = new SlotWindow(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), LONDON);
		SlotWindow fallBack = new SlotWindow(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), LONDON);

		assertThat(springForward.start()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
		assertThat(springForward.end()).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
		assertThat(fallBack.start()).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
		assertThat(fallBack.end()).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
	}

	@Test
	void startsAtTheFirstInstantOfADayThatBeginsInAGap() {
		// In Havana, clocks go from 00:00 to 01:00 on 2026-03-08: that day starts at 01:00.
		SlotWindow window = new SlotWindow(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8), ZoneId.of("America/Havana"));

		assertThat(window.start()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
	}

	@Test
	void acceptsSixtyTwoDays() {
		SlotWindow window = new SlotWindow(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 3), ZoneOffset.UTC);

		assertThat(window.end()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
	}

	@Test
	void acceptsOneDay() {
		SlotWindow window = new SlotWindow(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC);

		assertThat(window.end()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
	}

	@Test
	void rejectsSixtyThreeDays() {
		assertThatExceptionOfType(InvalidSlotWindowException.class)
			.isThrownBy(() -> new SlotWindow(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 4), ZoneOffset.UTC))
			.satisfies((ex) -> assertThat(ex.getViolations()).containsExactly(
					new Violation("to", "the window may cover at most 62 days, up to 2026-03-03")));
	}

	@Test
	void rejectsAnInvertedWindow() {
		assertThatExceptionOfType(InvalidSlotWindowException.class)
			.isThrownBy(() -> new SlotWindow(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1), ZoneOffset.UTC))
			.satisfies((ex) -> assertThat(ex.getViolations())
				.containsExactly(new Violation("to", "must not be before from (2026-01-02)")));
	}

	@Test
	void reportsEveryMissingPart() {
		assertThatExceptionOfType(InvalidSlotWindowException.class).isThrownBy(() -> new SlotWindow(null, null, null))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(Violation::field)
				.containsExactly("from", "to", "timeZone"));
	}

	@Test
	void rejectsDatesBeyondTheCalendarItCanAnswer() {
		assertThatExceptionOfType(InvalidSlotWindowException.class)
			.isThrownBy(() -> new SlotWindow(LocalDate.MAX.minusDays(1), LocalDate.MAX, ZoneOffset.UTC))
			.satisfies((ex) -> assertThat(ex.getViolations()).extracting(Violation::field).containsExactly("from", "to"));
	}

}
