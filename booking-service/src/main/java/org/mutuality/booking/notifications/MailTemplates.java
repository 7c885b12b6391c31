package org.mutuality.booking.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mutuality.booking.calendar.IcsCalendar;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the emails. Each is a short list of paragraphs and links, rendered once as plain text and
 * once as HTML with every value escaped, so both parts say the same. Times are written in the
 * recipient's zone and name it with its offset from UTC at that time ("Tuesday 24 November 2026,
 * 10:00–10:30 Europe/London time (UTC)", "... Asia/Kolkata time (UTC+05:30)"). Not the short names
 * such as BST or IST: those are ambiguous (India, Ireland, Israel), and the JDK gave one or the
 * other for the same time depending on which names were asked for first in the process.
 * Nothing here reads a note, a reason or an assessment: the emails say "your free consultation"
 * and the therapist's name, the therapist's say the client's initials.
 */
@Component
class MailTemplates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final String BOOKING_PAGE = "/book.html";

	private final NotificationProperties properties;

	private final Clock clock;

	MailTemplates(NotificationProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The email a queued request asks for. */
	OutgoingMail render(MailKind kind, MailRequest request) {
		if (request instanceof MailRequest.ToClient client) {
			return toClient(kind, client.booking());
		}
		if (request instanceof MailRequest.ToTherapist therapist) {
			return toTherapist(kind, therapist.booking());
		}
		MailRequest.Invitation invitation = (MailRequest.Invitation) request;
		return consultationInvitation(invitation.email(), invitation.name());
	}

	/** The email to the client about a booking that was just confirmed, moved or cancelled. */
	OutgoingMail toClient(MailKind kind, BookingNotice booking) {
		String therapist = booking.therapistName();
		boolean ownZone = booking.clientZone() != null;
		String when = when(booking.start(), booking.end(), ownZone ? booking.clientZone() : booking.therapistZone())
				+ (ownZone ? "" : ", your therapist's time zone");
		String link = this.properties.site() + BOOKING_PAGE;
		Content content = switch (kind) {
			case BOOKING_CONFIRMED -> new Content("Your free consultation with " + therapist + " is booked",
					List.of(greeting(booking.clientName()),
							text("Your free consultation with " + therapist + " is booked for " + when + "."),
							text("The attached invitation adds it to your calendar. You can cancel or reschedule it "
									+ "on Mutuality."),
							link("Your free consultation", link)));
			case BOOKING_RESCHEDULED -> new Content("Your free consultation with " + therapist + " has moved",
					List.of(greeting(booking.clientName()),
							text("Your free consultation with " + therapist + " has moved to " + when + "."),
							text("The attached invitation updates your calendar."),
							link("Your free consultation", link)));
			case BOOKING_CANCELLED -> new Content("Your free consultation with " + therapist + " is cancelled",
					List.of(greeting(booking.clientName()),
							text("Your free consultation with " + therapist + " on " + when + " is cancelled."),
							text("The attached cancellation removes it from your calendar. You are welcome to book "
									+ "another one whenever it suits you."),
							link("Book a free consultation", link)));
			case REMINDER -> new Content("Reminder: your free consultation with " + therapist,
					List.of(greeting(booking.clientName()),
							text("This is a reminder of your free consultation with " + therapist + " on " + when
									+ "."),
							text("If you cannot make it, please cancel or reschedule it on Mutuality."),
							link("Your free consultation", link)));
			case CONSULTATION_INVITATION -> throw new IllegalArgumentException(kind + " is not about a booking");
		};
		return render(booking.clientEmail(), content,
				invitation(kind, booking, "Free consultation with " + therapist, booking.clientName(),
						booking.clientEmail()));
	}

	/** The email to the therapist about a booking that was just confirmed, moved or cancelled. */
	OutgoingMail toTherapist(MailKind kind, BookingNotice booking) {
		String consultation = "free consultation" + initials(booking);
		String when = when(booking.start(), booking.end(), booking.therapistZone());
		String day = DAY.format(booking.start().atZone(booking.therapistZone())) + " at "
				+ TIME.format(booking.start().atZone(booking.therapistZone())) + " ("
				+ booking.therapistZone().getId() + ")";
		Content content = switch (kind) {
			case BOOKING_CONFIRMED -> new Content("New free consultation on " + day,
					List.of(greeting(booking.therapistName()),
							text("A " + consultation + " was booked with you for " + when + "."),
							text("The attached invitation adds it to your calendar.")));
			case BOOKING_RESCHEDULED -> new Content("Free consultation moved to " + day,
					List.of(greeting(booking.therapistName()),
							text("A " + consultation + " with you has moved to " + when + "."),
							text("The attached invitation updates your calendar.")));
			case BOOKING_CANCELLED -> new Content("Free consultation on " + day + " cancelled",
					List.of(greeting(booking.therapistName()),
							text("The " + consultation + " on " + when + " is cancelled; the time is free again."),
							text("The attached cancellation removes it from your calendar.")));
			case REMINDER, CONSULTATION_INVITATION ->
				throw new IllegalArgumentException(kind + " is not sent to therapists");
		};
		String summary = "Free consultation" + initials(booking);
		return render(booking.therapistEmail(), content,
				invitation(kind, booking, summary, booking.therapistName(), booking.therapistEmail()));
	}

	/** The invitation to book a free consultation, for a client who agreed to be contacted. */
	OutgoingMail consultationInvitation(String email, String name) {
		String link = this.properties.site() + BOOKING_PAGE;
		Content content = new Content("Book your free consultation",
				List.of(greeting(name), text("Thank you for letting us stay in touch."),
						text("You are welcome to book your free consultation with one of our therapists: a short, "
								+ "no-obligation conversation at a time that suits you."),
						link("Book your free consultation", link)));
		return render(email, content, null);
	}

	/** "Tuesday 24 November 2026, 10:00–10:30 Europe/London time (UTC)". */
	static String when(Instant start, Instant end, ZoneId zone) {
		ZonedDateTime from = start.atZone(zone);
		ZonedDateTime to = end.atZone(zone);
		String until = from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to)
				: DAY.format(to) + ", " + TIME.format(to);
		String offset = offsetName(from);
		return DAY.format(from) + ", " + TIME.format(from) + "–" + until + " " + zone.getId() + " time"
				+ (offset.equals(zone.getId()) ? "" : " (" + offset + ")");
	}

	/** "UTC", "UTC+01:00", "UTC-05:00", "UTC+05:45": the offset the time has in its zone. */
	static String offsetName(ZonedDateTime time) {
		return ZoneOffset.UTC.equals(time.getOffset()) ? "UTC" : "UTC" + time.getOffset().getId();
	}

	private IcsCalendar.Invitation invitation(MailKind kind, BookingNotice booking, String summary,
			String attendeeName, String attendeeEmail) {
		return new IcsCalendar.Invitation(booking.bookingId(), booking.sequence(), booking.start(), booking.end(),
				summary, kind == MailKind.BOOKING_CANCELLED, this.properties.fromName(), this.properties.from(),
				attendeeName, attendeeEmail);
	}

	private static String initials(BookingNotice booking) {
		String initials = booking.clientInitials();
		return (initials == null || initials.isBlank()) ? "" : " (" + initials + ")";
	}

	private static Block greeting(String name) {
		return text((name == null || name.isBlank()) ? "Hello," : "Hello " + name.strip() + ",");
	}

	private static Block text(String text) {
		return new Block(text, null);
	}

	private static Block link(String label, String url) {
		return new Block(label, url);
	}

	private OutgoingMail render(String recipient, Content content, IcsCalendar.Invitation invitation) {
		List<String> text = new ArrayList<>();
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
			.append(HtmlUtils.htmlEscape(content.subject()))
			.append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5\">\n");
		for (Block block : content.blocks()) {
			if (block.url() == null) {
				text.add(block.text());
				html.append("<p>").append(HtmlUtils.htmlEscape(block.text())).append("</p>\n");
			}
			else {
				text.add(block.text() + ": " + block.url());
				html.append("<p><a href=\"")
					.append(HtmlUtils.htmlEscape(block.url()))
					.append("\">")
					.append(HtmlUtils.htmlEscape(block.text()))
					.append("</a></p>\n");
			}
		}
		text.add("Mutuality");
		html.append("<p>Mutuality</p>\n</body></html>\n");
		String ics = (invitation != null) ? IcsCalendar.invitation(invitation, this.clock.instant()) : null;
		String method = (invitation == null) ? null : invitation.cancelled() ? "CANCEL" : "REQUEST";
		return new OutgoingMail(recipient, content.subject(), String.join("\n\n", text) + "\n", html.toString(), ics,
				method);
	}

	private record Content(String subject, List<Block> blocks) {
	}

	/** A paragraph, or a link when {@code url} is set. */
	private record Block(String text, String url) {
	}

}
