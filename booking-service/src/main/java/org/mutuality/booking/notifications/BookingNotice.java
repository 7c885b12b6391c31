package org.mutuality.booking.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * What the emails about one booking may say, and to whom: times, names, addresses and zones. It
 * holds no note, no reason and nothing from an assessment, so no email can carry a health detail.
 *
 * @param bookingId the booking
 * @param sequence the booking's iCalendar sequence after the change
 * @param start the start
 * @param end the end
 * @param clientEmail the client's address, or {@code null} when their token had none
 * @param clientName the client's name, or {@code null}
 * @param clientInitials the client's initials, all the therapist's calendar shows of them
 * @param clientZone the zone the client asked for, or {@code null} for the therapist's
 * @param therapistName the therapist's display name
 * @param therapistEmail the therapist's address, or {@code null} when it is not known yet
 * @param therapistZone the therapist's zone
 */
public record BookingNotice(UUID bookingId, int sequence, Instant start, Instant end, String clientEmail,
		String clientName, String clientInitials, ZoneId clientZone, String therapistName, String therapistEmail,
		ZoneId therapistZone) {

	public BookingNotice {
		Objects.requireNonNull(bookingId, "bookingId");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(therapistName, "therapistName");
		Objects.requireNonNull(therapistZone, "therapistZone");
	}

}
