package org.mutuality.booking.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;

/**
 * Writes many instants of one zone as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does
 * ({@code 2026-11-23T10:00:00+01:00}), for a slot search's thousands of timestamps: a day's date
 * and a minute's time of day are formatted once, not once per timestamp. An instant that is not on
 * a whole minute of local time goes the general way. Not thread-safe: one per answer.
 */
final class OffsetTimestamps {

	private static final int SECONDS_PER_DAY = 24 * 60 * 60;

	/** "00:00:00" to "23:59:00", by minute of the day. */
	private static final String[] MINUTES = new String[24 * 60];

	static {
		for (int minute = 0; minute < MINUTES.length; minute++) {
			MINUTES[minute] = String.format("%02d:%02d:00", minute / 60, minute % 60);
		}
	}

	private final ZoneRules rules;

	private long day = Long.MIN_VALUE;

	private ZoneOffset offset;

	/** The date and offset of {@link #day}: "2026-11-23T" and "+01:00". */
	private String datePart;

	private String offsetPart;

	OffsetTimestamps(ZoneId zone) {
		this.rules = zone.getRules();
	}

	String format(Instant instant) {
		ZoneOffset offset = this.rules.getOffset(instant);
		long local = instant.getEpochSecond() + offset.getTotalSeconds();
		if (instant.getNano() != 0 || Math.floorMod(local, 60) != 0) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, offset));
		}
		long day = Math.floorDiv(local, SECONDS_PER_DAY);
		if (day != this.day || !offset.equals(this.offset)) {
			this.day = day;
			this.offset = offset;
			this.datePart = LocalDate.ofEpochDay(day) + "T";
			this.offsetPart = offset.getId();
		}
		return this.datePart + MINUTES[(int) (Math.floorMod(local, SECONDS_PER_DAY) / 60)] + this.offsetPart;
	}

}
