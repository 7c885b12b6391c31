package org.mutuality.booking.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the emails a change causes, in the transaction of that change (there must be one): a
 * booking confirmed, moved or cancelled writes one message to its client and one to its therapist,
 * each with a calendar invitation, and the client's reminders; a reschedule replaces the reminders,
 * a cancellation cancels them; a follow-up for a client who agreed to be contacted writes an
 * invitation to book. Nothing is rendered or sent here: each message is queued as what it is to
 * say ({@link MailRequest}), and {@link OutboxSender} renders and delivers the committed messages.
 * A recipient without a known address gets no email.
 */
@Service
public class Notifications {

	private static final Log log = LogFactory.getLog(Notifications.class);

	private final MailOutbox outbox;

	private final NotificationProperties properties;

	private final Clock clock;

	Notifications(MailOutbox outbox, NotificationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void bookingConfirmed(BookingNotice booking) {
		Instant now = this.clock.instant();
		queue(MailKind.BOOKING_CONFIRMED, booking, now);
		scheduleReminders(booking, now);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void bookingRescheduled(BookingNotice booking) {
		Instant now = this.clock.instant();
		this.outbox.cancelPending(booking.bookingId(), MailKind.REMINDER);
		queue(MailKind.BOOKING_RESCHEDULED, booking, now);
		scheduleReminders(booking, now);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void bookingCancelled(BookingNotice booking) {
		Instant now = this.clock.instant();
		this.outbox.cancelPending(booking.bookingId(), MailKind.REMINDER);
		queue(MailKind.BOOKING_CANCELLED, booking, now);
	}

	/** Invites a client who agreed to be contacted to book a free consultation. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void consultationInvitation(String email, String name) {
		if (isBlank(email)) {
			log.info("A follow-up's client agreed to be contacted but has no email address; no invitation sent");
			return;
		}
		Instant now = this.clock.instant();
		this.outbox.add(MailKind.CONSULTATION_INVITATION, null, email, new MailRequest.Invitation(email, name), now,
				now);
	}

	private void queue(MailKind kind, BookingNotice booking, Instant now) {
		if (!isBlank(booking.clientEmail())) {
			this.outbox.add(kind, booking.bookingId(), booking.clientEmail(), new MailRequest.ToClient(booking), now,
					now);
		}
		if (!isBlank(booking.therapistEmail())) {
			this.outbox.add(kind, booking.bookingId(), booking.therapistEmail(), new MailRequest.ToTherapist(booking),
					now, now);
		}
		else {
			log.info("Therapist of booking " + booking.bookingId() + " has no email address yet; not told of "
					+ kind);
		}
	}

	/** One reminder per lead time that is still ahead; none for a client without an address. */
	private void scheduleReminders(BookingNotice booking, Instant now) {
		if (isBlank(booking.clientEmail())) {
			return;
		}
		for (Duration lead : this.properties.reminders().stream().distinct().toList()) {
			Instant due = booking.start().minus(lead);
			if (due.isAfter(now)) {
				this.outbox.add(MailKind.REMINDER, booking.bookingId(), booking.clientEmail(),
						new MailRequest.ToClient(booking), due, now);
			}
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
