package org.mutuality.booking.bookings;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking as API.md describes it.
 */
record BookingResponse(UUID id, UUID therapistId, UUID clientId, Instant start, Instant end, BookingStatus status,
		String note, UUID followUpId, Instant createdAt, Instant cancelledAt, String cancelReason) {

	static BookingResponse of(Booking booking) {
		return new BookingResponse(booking.getId(), booking.getTherapistId(), booking.getClientId(),
				booking.getStart(), booking.getEnd(), booking.getStatus(), booking.getNote(), booking.getFollowUpId(),
				booking.getCreatedAt(), booking.getCancelledAt(), booking.getCancelReason());
	}

}
