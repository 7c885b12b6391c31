/**
 * A therapist's bookings as an RFC 5545 calendar: their own {@code .ics}, and a private subscription
 * URL with a revocable secret token for calendar apps that cannot send a bearer token.
 */
package org.mutuality.booking.calendar;
