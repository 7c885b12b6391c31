package org.mutuality.booking.bookings;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/bookings/{id}/reschedule}: the new slot's start.
 */
record RescheduleRequest(@NotNull OffsetDateTime start) {
}
