package org.mutuality.booking.notifications;

import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders the outbox's due messages ({@link MailTemplates}) and delivers them through Spring's
 * {@link JavaMailSender}, on a schedule and safely with several instances.
 *
 * <p>Each message is claimed, sent and marked in one short transaction that holds its row lock
 * ({@code FOR UPDATE SKIP LOCKED}): another instance skips it, and a cancellation that wants to
 * cancel a reminder being sent waits for the send to end and then finds it sent. A message is
 * marked sent only after the SMTP server accepted it; if the instance dies in between, the
 * transaction rolls back and the message is sent again later (at least once, never twice on
 * purpose; its {@code Message-ID} stays the same, so a mail system can tell the copies apart).
 *
 * <p>A failed message is retried after an exponential back-off ({@link NotificationProperties.Sender})
 * and given up as failed after the last attempt; an address the server refuses for good
 * (5xx) or that cannot be parsed fails at once. Either way the others go on. When the server cannot
 * be reached at all (crashed, misconfigured), no message is at fault: none is given up, each waits
 * with the capped back-off, and the run stops at the first such failure instead of trying them all.
 *
 * <p>Metrics: {@code mail.outbox.sent} and {@code mail.outbox.failed} (given up) counters,
 * {@code mail.outbox.retried}, and the gauge {@code mail.outbox.pending}: messages due and not sent,
 * as of the last run.
 */
@Component
class OutboxSender {

	private static final Log log = LogFactory.getLog(OutboxSender.class);

	/** Builds the messages; JavaMailSender sends any MimeMessage with its own session. */
	private static final Session MIME_SESSION = Session.getInstance(new Properties());

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final JavaMailSender mailSender;

	private final NotificationProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Counter sent;

	private final Counter failed;

	private final Counter retried;

	private final AtomicLong pending = new AtomicLong();

	OutboxSender(MailOutbox outbox, MailTemplates templates, JavaMailSender mailSender,
			NotificationProperties properties, PlatformTransactionManager transactionManager, Clock clock,
			MeterRegistry meters) {
		this.outbox = outbox;
		this.templates = templates;
		this.mailSender = mailSender;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.sent = Counter.builder("mail.outbox.sent").description("Emails the SMTP server accepted").register(meters);
		this.failed = Counter.builder("mail.outbox.failed")
			.description("Emails given up after their last attempt or refused for good")
			.register(meters);
		this.retried = Counter.builder("mail.outbox.retried")
			.description("Failed attempts that will be retried")
			.register(meters);
		Gauge.builder("mail.outbox.pending", this.pending, AtomicLong::get)
			.description("Emails due and not sent yet, as of the sender's last run")
			.register(meters);
	}

	@Scheduled(initialDelayString = "${mutuality.booking.notifications.sender.interval:5s}",
			fixedDelayString = "${mutuality.booking.notifications.sender.interval:5s}")
	void sendDueMessages() {
		try {
			sendDue(this.clock.instant());
		}
		catch (RuntimeException ex) {
			// the database is away, say; the next run tries again
			log.warn("Sending the due emails failed: " + ex);
		}
	}

	/**
	 * Sends the messages due at the given instant, at most a batch; answers how many the SMTP
	 * server accepted.
	 */
	int sendDue(Instant now) {
		int accepted = 0;
		for (int i = 0; i < this.properties.sender().batchSize(); i++) {
			Attempt attempt = this.transactions.execute((status) -> sendNext(now));
			if (attempt == Attempt.NONE || attempt == Attempt.SERVER_UNREACHABLE) {
				break;
			}
			if (attempt == Attempt.SENT) {
				accepted++;
			}
		}
		this.pending.set(this.outbox.countDue(this.clock.instant()));
		return accepted;
	}

	private Attempt sendNext(Instant now) {
		MailOutbox.QueuedMail queued = this.outbox.claimNextDue(now).orElse(null);
		if (queued == null) {
			return Attempt.NONE;
		}
		int attempts = queued.attempts() + 1;
		try {
			this.mailSender.send(mimeMessage(queued.id(), mail(queued)));
			this.outbox.markSent(queued.id(), attempts, this.clock.instant());
			this.sent.increment();
			return Attempt.SENT;
		}
		catch (MailException | MessagingException ex) {
			Failure failure = Failure.of(ex);
			Instant at = this.clock.instant();
			String error = failure + ": " + ex.getMessage();
			boolean exhausted = failure == Failure.TRANSIENT && attempts >= this.properties.sender().maxAttempts();
			if (failure == Failure.PERMANENT || exhausted) {
				this.outbox.markFailed(queued.id(), attempts, at, error);
				this.failed.increment();
				log.warn("Gave up the " + queued.kind() + " email " + queued.id() + " after " + attempts
						+ " attempt(s): " + error);
				return Attempt.FAILED;
			}
			Instant next = at.plus(this.properties.sender().backoff(attempts));
			this.outbox.markRetry(queued.id(), attempts, at, next, error);
			this.retried.increment();
			log.info("The " + queued.kind() + " email " + queued.id() + " failed (attempt " + attempts
					+ "), retried at " + next + ": " + error);
			return (failure == Failure.SERVER_UNREACHABLE) ? Attempt.SERVER_UNREACHABLE : Attempt.RETRY;
		}
	}

	/**
	 * The claimed message, rendered now; a row that cannot be read back or rendered fails for good
	 * ({@link MailPreparationException}), so that it never holds up the messages queued after it.
	 */
	private OutgoingMail mail(MailOutbox.QueuedMail queued) {
		if (queued.rendered() != null) {
			return queued.rendered();
		}
		try {
			return this.templates.render(queued.kind(), this.outbox.read(queued.request()));
		}
		catch (RuntimeException ex) {
			throw new MailPreparationException(
					"The queued " + queued.kind() + " email cannot be read or rendered: " + ex.getMessage(), ex);
		}
	}

	private MimeMessage mimeMessage(UUID id, OutgoingMail mail) throws MessagingException {
		MimeMessage message = new StableIdMimeMessage(MIME_SESSION, "<" + id + "@mail.mutuality>");
		try {
			message.setFrom(new InternetAddress(this.properties.from(), this.properties.fromName(),
					StandardCharsets.UTF_8.name()));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
		message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(this.clock.instant()));
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(textPart(mail.text(), "text/plain; charset=UTF-8"));
		alternative.addBodyPart(textPart(mail.html(), "text/html; charset=UTF-8"));
		if (mail.ics() == null) {
			message.setContent(alternative);
			return message;
		}
		// the invitation inline (what mail clients offer to add to the calendar) and as a file
		alternative.addBodyPart(textPart(mail.ics(), "text/calendar; charset=UTF-8; method=" + mail.icsMethod()));
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		MimeBodyPart file = textPart(mail.ics(), "application/ics; name=invite.ics");
		file.setDisposition(Part.ATTACHMENT);
		file.setFileName("invite.ics");
		MimeMultipart mixed = new MimeMultipart("mixed");
		mixed.addBodyPart(body);
		mixed.addBodyPart(file);
		message.setContent(mixed);
		return message;
	}

	private static MimeBodyPart textPart(String text, String contentType) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setContent(text, contentType);
		part.setHeader("Content-Transfer-Encoding", "quoted-printable");
		return part;
	}

	private enum Attempt {

		NONE, SENT, RETRY, FAILED, SERVER_UNREACHABLE

	}

	/** Why a send failed, read from the exception and everything it wraps. */
	enum Failure {

		/** The address is malformed or the server refused it for good: retrying cannot help. */
		PERMANENT,

		/** The server could not be reached or would not let us in: likely every message fails now. */
		SERVER_UNREACHABLE,

		/** Anything else, such as a 4xx answer for this address: worth another try later. */
		TRANSIENT;

		static Failure of(Exception ex) {
			if (ex instanceof MailParseException || ex instanceof MailPreparationException) {
				return PERMANENT;
			}
			if (ex instanceof MailAuthenticationException) {
				return SERVER_UNREACHABLE;
			}
			List<Throwable> causes = new ArrayList<>();
			collect(ex, causes);
			if (ex instanceof MailSendException send) {
				for (Exception nested : send.getMessageExceptions()) {
					collect(nested, causes);
				}
			}
			for (Throwable cause : causes) {
				if (cause instanceof AddressException) {
					return PERMANENT;
				}
				if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
						&& refused.getInvalidAddresses().length > 0) {
					return PERMANENT;
				}
			}
			for (Throwable cause : causes) {
				if (cause instanceof ConnectException || cause instanceof UnknownHostException
						|| cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
					return SERVER_UNREACHABLE;
				}
			}
			return TRANSIENT;
		}

		private static void collect(Throwable ex, List<Throwable> causes) {
			for (Throwable cause = ex; cause != null && !causes.contains(cause); cause = cause.getCause()) {
				causes.add(cause);
			}
		}

	}

	/** A message whose {@code Message-ID} is the outbox row's, not a new one per attempt. */
	private static final class StableIdMimeMessage extends MimeMessage {

		private final String messageId;

		StableIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
