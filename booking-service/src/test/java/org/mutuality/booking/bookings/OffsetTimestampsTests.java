package org.mutuality.booking.bookings;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OffsetTimestamps} writes what {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes, across
 * clock changes, offsets that are not whole hours and instants that are not on a minute.
 */
class OffsetTimestampsTests {

	private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Australia/Sydney",
			"Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns",
			"Africa/Monrovia", "UTC");

	@Test
	void writesEveryQuarterHourOfTwoYearsAsTheIsoFormatterDoes() {
		Instant first = Instant.parse("2026-01-01T00:00:00Z");
		Instant last = Instant.parse("2028-01-01T00:00:00Z");
		for (String id : ZONES) {
			ZoneId zone = ZoneId.of(id);
			OffsetTimestamps timestamps = new OffsetTimestamps(zone);
			for (Instant instant = first; instant.isBefore(last); instant = instant.plus(Duration.ofMinutes(15))) {
				assertThat(timestamps.format(instant)).as(id).isEqualTo(iso(instant, zone));
			}
		}
	}

	@Test
	void writesInstantsOffTheMinuteAndInAnyOrderAsTheIsoFormatterDoes() {
		Random random = new Random(20261202L);
		for (String id : ZONES) {
			ZoneId zone = ZoneId.of(id);
			OffsetTimestamps timestamps = new OffsetTimestamps(zone);
			for (int i = 0; i < 20_000; i++) {
				Instant instant = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(200_000_000),
						(random.nextInt(4) == 0) ? random.nextInt(1_000_000_000) : 0);
				if (random.nextBoolean()) {
					instant = instant.minusSeconds(Math.floorMod(instant.getEpochSecond(), 60));
				}
				assertThat(timestamps.format(instant)).as(id).isEqualTo(iso(instant, zone));
			}
		}
		// an offset with seconds (Monrovia's until 1972, -00:44:30), on a whole minute of local time
		ZoneId monrovia = ZoneId.of("Africa/Monrovia");
		Instant old = Instant.parse("1971-01-15T10:00:00Z");
		int offsetSeconds = monrovia.getRules().getOffset(old).getTotalSeconds();
		Instant onTheMinute = old.minusSeconds(Math.floorMod(old.getEpochSecond() + offsetSeconds, 60));
		assertThat(new OffsetTimestamps(monrovia).format(onTheMinute)).isEqualTo(iso(onTheMinute, monrovia))
			.matches(".*T\\d\\d:\\d\\d:00[+-]\\d\\d:\\d\\d:\\d\\d");
	}

	private static String iso(Instant instant, ZoneId zone) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, zone));
	}

}
