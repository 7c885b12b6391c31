package org.mutuality.booking.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.mutuality.booking.bookings.Booking;

/**
 * Writes bookings as an RFC 5545 {@code VCALENDAR} with ical4j, validated as it is written. Each
 * event is titled "Free consultation" with the client's initials and nothing else: no full name,
 * no note, no health detail. Times are UTC, which every calendar app shows in its own zone; the
 * UID is stable per booking, so a subscribed calendar updates a moved booking in place.
 */
final class IcsCalendar {

	static final String SUMMARY = "Free consultation";

	private static final String PRODUCT_ID = "-//Mutuality//Booking service 1.0//EN";

	private IcsCalendar() {
	}

	static String write(List<Booking> bookings, Instant now) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODUCT_ID));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", "Mutuality consultations"));
		for (Booking booking : bookings) {
			VEvent event = new VEvent(false);
			event.add(new Uid(booking.getId() + "@booking.mutuality"));
			event.add(new DtStamp(now));
			event.add(new DtStart<>(booking.getStart()));
			event.add(new DtEnd<>(booking.getEnd()));
			event.add(new Summary(summary(booking)));
			event.add(ImmutableStatus.VEVENT_CONFIRMED);
			calendar.add(event);
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(true).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	static String summary(Booking booking) {
		String initials = booking.getClientInitials();
		return (initials == null || initials.isBlank()) ? SUMMARY : SUMMARY + " (" + initials + ")";
	}

}
