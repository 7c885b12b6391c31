package org.mutuality.booking.notifications;

/**
 * What an email is about.
 */
enum MailKind {

	BOOKING_CONFIRMED, BOOKING_RESCHEDULED, BOOKING_CANCELLED, REMINDER, CONSULTATION_INVITATION

}
