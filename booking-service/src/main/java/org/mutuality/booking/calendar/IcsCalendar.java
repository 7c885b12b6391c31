package org.mutuality.booking.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.mutuality.booking.bookings.Booking;

/**
 * Writes bookings as RFC 5545 {@code VCALENDAR}s with ical4j, validated as they are written: the
 * therapist's calendar feed, and the one-event invitations (RFC 5546 {@code REQUEST} or
 * {@code CANCEL}) that booking emails carry. Both build each event the same way: the UID is stable
 * per booking and {@code SEQUENCE} rises with each change, so a calendar app updates (or removes)
 * the event it already has; times are UTC, which every calendar app shows in its own zone. Feed
 * events are titled "Free consultation" with the client's initials and nothing else: no full name,
 * no note, no health detail.
 */
public final class IcsCalendar {

	static final String SUMMARY = "Free consultation";

	private static final String PRODUCT_ID = "-//Mutuality//Booking service 1.0//EN";

	private IcsCalendar() {
	}

	static String write(List<Booking> bookings, Instant now) {
		Calendar calendar = calendar(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", "Mutuality consultations"));
		for (Booking booking : bookings) {
			calendar.add(event(booking.getId(), booking.getSequence(), booking.getStart(), booking.getEnd(),
					summary(booking), false, now));
		}
		return output(calendar);
	}

	/**
	 * A calendar holding one booking's event as an invitation to one attendee: {@code METHOD:REQUEST}
	 * for a booked or moved consultation, {@code METHOD:CANCEL} (and {@code STATUS:CANCELLED}) for a
	 * cancelled one.
	 */
	public static String invitation(Invitation invitation, Instant now) {
		Calendar calendar = calendar(invitation.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
		VEvent event = event(invitation.bookingId(), invitation.sequence(), invitation.start(), invitation.end(),
				invitation.summary(), invitation.cancelled(), now);
		event.add(new Organizer(new ParameterList(List.of(new Cn(invitation.organizerName()))),
				mailto(invitation.organizerEmail())));
		event.add(new Attendee(new ParameterList(List.of(new Cn(invitation.attendeeName()), Role.REQ_PARTICIPANT,
				PartStat.ACCEPTED, Rsvp.FALSE)), mailto(invitation.attendeeEmail())));
		calendar.add(event);
		return output(calendar);
	}

	/** The event's UID: the same for every version of one booking. */
	public static String uid(UUID bookingId) {
		return bookingId + "@booking.mutuality";
	}

	static String summary(Booking booking) {
		String initials = booking.getClientInitials();
		return (initials == null || initials.isBlank()) ? SUMMARY : SUMMARY + " (" + initials + ")";
	}

	private static Calendar calendar(Method method) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODUCT_ID));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(method);
		return calendar;
	}

	private static VEvent event(UUID bookingId, int sequence, Instant start, Instant end, String summary,
			boolean cancelled, Instant now) {
		VEvent event = new VEvent(false);
		event.add(new Uid(uid(bookingId)));
		event.add(new Sequence(sequence));
		event.add(new DtStamp(now));
		event.add(new DtStart<>(start));
		event.add(new DtEnd<>(end));
		event.add(new Summary(summary));
		event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
		return event;
	}

	private static URI mailto(String email) {
		return URI.create("mailto:" + email);
	}

	private static String output(Calendar calendar) {
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(true).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/**
	 * One booking's event as sent to one person.
	 *
	 * @param bookingId the booking, whose id makes the UID
	 * @param sequence the booking's sequence: 0 when booked, one more with each change
	 * @param start the start
	 * @param end the end
	 * @param summary the event's title
	 * @param cancelled whether the booking is cancelled
	 * @param organizerName the organizer's name (the practice)
	 * @param organizerEmail the organizer's address
	 * @param attendeeName the recipient's name
	 * @param attendeeEmail the recipient's address
	 */
	public record Invitation(UUID bookingId, int sequence, Instant start, Instant end, String summary,
			boolean cancelled, String organizerName, String organizerEmail, String attendeeName,
			String attendeeEmail) {

		public Invitation {
			Objects.requireNonNull(bookingId, "bookingId");
			Objects.requireNonNull(summary, "summary");
			Objects.requireNonNull(organizerEmail, "organizerEmail");
			Objects.requireNonNull(attendeeEmail, "attendeeEmail");
			organizerName = Objects.requireNonNullElse(organizerName, organizerEmail);
			attendeeName = Objects.requireNonNullElse(attendeeName, attendeeEmail);
		}

	}

}
