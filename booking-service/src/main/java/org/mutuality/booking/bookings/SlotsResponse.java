package org.mutuality.booking.bookings;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.mutuality.booking.slots.Slot;

/**
 * The free slots of a therapist, {@code start} and {@code end} written with the offset of the zone
 * the caller asked for ({@code 2026-11-23T10:00:00+01:00}): the same instants, in local time.
 */
record SlotsResponse(UUID therapistId, String timeZone, List<SlotResponse> slots) {

	static SlotsResponse of(UUID therapistId, ZoneId zone, List<Slot> slots) {
		return new SlotsResponse(therapistId, zone.getId(),
				slots.stream()
					.map((slot) -> new SlotResponse(OffsetDateTime.ofInstant(slot.start(), zone),
							OffsetDateTime.ofInstant(slot.end(), zone)))
					.toList());
	}

	record SlotResponse(OffsetDateTime start, OffsetDateTime end) {
	}

}
