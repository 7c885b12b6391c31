package org.mutuality.booking.bookings;

/**
 * Where a booking stands: it holds its slot while {@code CONFIRMED}, and frees it when
 * {@code CANCELLED}.
 */
public enum BookingStatus {

	CONFIRMED, CANCELLED

}
