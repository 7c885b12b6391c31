package org.mutuality.booking.bookings;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mutuality.booking.slots.Slot;

/**
 * The free slots of a therapist, {@code start} and {@code end} written with the offset of the zone
 * the caller asked for ({@code 2026-11-23T10:00:00+01:00}): the same instants, in local time. The
 * timestamps are written once here ({@link OffsetTimestamps}) rather than by the JSON writer: a
 * 60-day search answers thousands of them.
 */
record SlotsResponse(UUID therapistId, String timeZone, List<SlotResponse> slots) {

	static SlotsResponse of(UUID therapistId, ZoneId zone, List<Slot> slots) {
		OffsetTimestamps timestamps = new OffsetTimestamps(zone);
		List<SlotResponse> written = new ArrayList<>(slots.size());
		for (Slot slot : slots) {
			written.add(new SlotResponse(timestamps.format(slot.start()), timestamps.format(slot.end())));
		}
		return new SlotsResponse(therapistId, zone.getId(), written);
	}

	record SlotResponse(@Schema(type = "string", format = "date-time", example = "2026-11-23T10:00:00+01:00") String start,
			@Schema(type = "string", format = "date-time", example = "2026-11-23T10:50:00+01:00") String end) {
	}

}
