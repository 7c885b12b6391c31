package org.mutuality.booking.bookings;

import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code POST /api/bookings/{id}/cancel}.
 */
record CancelRequest(@Size(max = 500) String reason) {
}
