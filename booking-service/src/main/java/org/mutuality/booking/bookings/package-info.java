/**
 * Free consultations: the free-slot search, booking without double-booking, cancelling,
 * rescheduling, idempotency keys and who may see which booking.
 */
package org.mutuality.booking.bookings;
