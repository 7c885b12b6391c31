package org.mutuality.booking.bookings;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/bookings}: a slot's start as the slot search gave it (any offset),
 * and optionally the IANA zone the client wants the times of their emails in (the therapist's when
 * absent).
 */
record BookingRequest(@NotNull UUID therapistId, @NotNull OffsetDateTime start, @Size(max = 1000) String note,
		UUID followUpId, @Size(max = 64) String timeZone) {

	BookingRequest(UUID therapistId, OffsetDateTime start, String note, UUID followUpId) {
		this(therapistId, start, note, followUpId, null);
	}

}
