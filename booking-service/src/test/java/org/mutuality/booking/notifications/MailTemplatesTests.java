package org.mutuality.booking.notifications;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times in emails: in the recipient's zone, the zone named, right on both sides of a clock change.
 */
class MailTemplatesTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void namesTheZoneAndItsAbbreviationOnEitherSideOfAClockChange() {
		// the clocks go forward in London at 01:00 UTC on 29 March 2026
		assertThat(MailTemplates.when(Instant.parse("2026-03-28T09:00:00Z"), Instant.parse("2026-03-28T09:30:00Z"),
				LONDON))
			.isEqualTo("Saturday 28 March 2026, 09:00–09:30 Europe/London time (UTC)");
		assertThat(MailTemplates.when(Instant.parse("2026-03-30T09:00:00Z"), Instant.parse("2026-03-30T09:30:00Z"),
				LONDON))
			.isEqualTo("Monday 30 March 2026, 10:00–10:30 Europe/London time (UTC+01:00)");
	}

	@Test
	void writesOffsetsThatAreNotWholeHours() {
		assertThat(MailTemplates.when(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:45:00Z"),
				ZoneId.of("Asia/Kathmandu")))
			.isEqualTo("Tuesday 24 November 2026, 15:45–16:30 Asia/Kathmandu time (UTC+05:45)");
	}

	@Test
	void datesTheEndWhenItFallsOnTheNextDay() {
		assertThat(MailTemplates.when(Instant.parse("2026-11-24T04:45:00Z"), Instant.parse("2026-11-24T05:15:00Z"),
				ZoneId.of("America/New_York")))
			.isEqualTo("Monday 23 November 2026, 23:45–Tuesday 24 November 2026, 00:15 America/New_York time (UTC-05:00)");
	}

	@Test
	void doesNotRepeatAZoneWhoseNameIsItsId() {
		assertThat(MailTemplates.when(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:30:00Z"),
				ZoneId.of("UTC")))
			.isEqualTo("Tuesday 24 November 2026, 10:00–10:30 UTC time");
	}

}
