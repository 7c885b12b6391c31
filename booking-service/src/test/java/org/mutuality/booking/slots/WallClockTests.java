package org.mutuality.booking.slots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WallClockTests {

	private static final ZoneRules LONDON = ZoneId.of("Europe/London").getRules();

	private static final ZoneRules NEW_YORK = ZoneId.of("America/New_York").getRules();

	@Test
	void resolvesAnOrdinaryTimeWithItsOnlyOffset() {
		assertThat(WallClock.instantOf(LocalDateTime.parse("2026-07-01T09:00"), LONDON))
			.isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
	}

	@Test
	void resolvesATimeInAGapToTheInstantTheClockJumps() {
		Instant jump = Instant.parse("2026-03-29T01:00:00Z");

		assertThat(WallClock.instantOf(LocalDateTime.parse("2026-03-29T01:00"), LONDON)).isEqualTo(jump);
		assertThat(WallClock.instantOf(LocalDateTime.parse("2026-03-29T01:30"), LONDON)).isEqualTo(jump);
		assertThat(WallClock.instantOf(LocalDateTime.parse("2026-03-29T02:00"), LONDON)).isEqualTo(jump);
		assertThat(WallClock.instantOf(LocalDateTime.parse("2026-03-08T02:59"), NEW_YORK))
			.isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
	}

	@Test
	void resolvesATimeInAnOverlapToItsFirstOccurrence() {
		assertThat(WallClock.instantOf(LocalDateTime.parse("2026-10-25T01:30"), LONDON))
			.isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(WallClock.instantOf(LocalDateTime.parse("2026-11-01T01:00"), NEW_YORK))
			.isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
		assertThat(WallClock.instantOf(LocalDateTime.parse("2026-11-01T02:00"), NEW_YORK))
			.isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
	}

	@Test
	void resolvesTheEndOfTheDayAsTheNextMidnight() {
		assertThat(WallClock.instantOf(LocalDate.of(2026, 7, 1), 24 * 60, LONDON))
			.isEqualTo(Instant.parse("2026-07-01T23:00:00Z"));
		// Havana skips from 00:00 to 01:00 on 2026-03-08: the day before ends when the clock jumps.
		assertThat(WallClock.instantOf(LocalDate.of(2026, 3, 7), 24 * 60, ZoneId.of("America/Havana").getRules()))
			.isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
	}

	@Test
	void neverGivesALaterLocalTimeAnEarlierInstant() {
		for (String zone : new String[] { "Europe/London", "America/New_York", "Australia/Sydney",
				"Australia/Lord_Howe", "Asia/Beirut", "America/Havana", "America/Santiago" }) {
			ZoneRules rules = ZoneId.of(zone).getRules();
			Instant previous = Instant.MIN;
			for (LocalDateTime local = LocalDateTime.parse("2026-01-01T00:00"); local.getYear() == 2026; local = local
				.plusMinutes(5)) {
				Instant instant = WallClock.instantOf(local, rules);
				assertThat(instant).as("%s %s", zone, local).isAfterOrEqualTo(previous);
				previous = instant;
			}
		}
	}

}
