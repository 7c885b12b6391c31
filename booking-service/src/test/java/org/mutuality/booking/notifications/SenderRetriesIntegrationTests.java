package org.mutuality.booking.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.MailServer;
import org.mutuality.platform.test.infra.support.Ports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender against an SMTP server that refuses some addresses: an address refused for now (4xx)
 * is retried after 1, 2, then 4 seconds (the tests' back-off) and given up after the fourth
 * attempt; one refused for good (5xx) fails at once; the other messages go through meanwhile; a
 * server that cannot be reached fails no message. The counters say so.
 */
class SenderRetriesIntegrationTests extends BookingServiceIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	private Notifications notifications;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private MailTemplates templates;

	@Autowired
	private NotificationProperties properties;

	private final String busy = "busy-" + UUID.randomUUID() + "@mutuality.test";

	private final String unknown = "unknown-" + UUID.randomUUID() + "@mutuality.test";

	@AfterEach
	void acceptAgain() {
		mail.accept(this.busy);
		mail.accept(this.unknown);
	}

	@Test
	void retriesAnAddressRefusedForNowWithBackOffWhileOthersGoThrough() {
		mail.refuse(this.busy, "450 4.2.1 Mailbox busy, try again later");
		double failedBefore = this.meters.get("mail.outbox.failed").counter().count();
		double sentBefore = this.meters.get("mail.outbox.sent").counter().count();

		invite(this.busy);
		Map<Integer, Duration> waits = new TreeMap<>();
		await().atMost(TIMEOUT).until(() -> {
			Row row = row(this.busy);
			if (row.attempts() > 0 && row.status().equals("PENDING")) {
				waits.put(row.attempts(), row.backoff());
			}
			return row.attempts() >= 1;
		});
		String other = "other-" + UUID.randomUUID() + "@mutuality.test";
		invite(other);
		BookingEmailsIntegrationTests.awaitMessages(other, 1);
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
			Row row = row(this.busy);
			if (row.status().equals("PENDING") && row.attempts() > 0) {
				waits.put(row.attempts(), row.backoff());
			}
			return row.status().equals("FAILED");
		});

		Row failed = row(this.busy);
		assertThat(failed.attempts()).isEqualTo(4);
		assertThat(failed.error()).contains("450");
		// every wait seen was the back-off for its attempt: 1 s, 2 s, 4 s (the cap)
		Map<Integer, Duration> expected = Map.of(1, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 3,
				Duration.ofSeconds(4));
		assertThat(waits).isNotEmpty();
		waits.forEach((attempt, wait) -> assertThat(wait).as("wait after attempt %d", attempt)
			.isEqualTo(expected.get(attempt)));
		assertThat(mail.messagesTo(this.busy)).isEmpty();
		assertThat(this.meters.get("mail.outbox.failed").counter().count()).isGreaterThan(failedBefore);
		assertThat(this.meters.get("mail.outbox.sent").counter().count()).isGreaterThan(sentBefore);
	}

	@Test
	void failsAnAddressRefusedForGoodAtOnce() {
		mail.refuse(this.unknown, "550 5.1.1 No such user");
		String other = "next-" + UUID.randomUUID() + "@mutuality.test";

		invite(this.unknown);
		invite(other);

		BookingEmailsIntegrationTests.awaitMessages(other, 1);
		await().atMost(TIMEOUT).until(() -> row(this.unknown).status().equals("FAILED"));
		assertThat(row(this.unknown).attempts()).isOne();
		assertThat(row(this.unknown).error()).contains("550");
	}

	@Test
	void failsAMalformedAddressAtOnce() {
		invite("not an address@@mutuality.test");

		await().atMost(TIMEOUT).until(() -> row("not an address@@mutuality.test").status().equals("FAILED"));
		assertThat(row("not an address@@mutuality.test").attempts()).isOne();
	}

	@Test
	void keepsEveryMessageWhileTheServerCannotBeReachedAndSendsItOnceItCan() {
		String email = "patient-" + UUID.randomUUID() + "@mutuality.test";
		Instant later = Instant.now().plus(Duration.ofDays(1));
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> this.outbox
			.add(MailKind.CONSULTATION_INVITATION, null, email, new MailRequest.Invitation(email, "Sam"), later,
					Instant.now()));
		JavaMailSenderImpl crashed = new JavaMailSenderImpl();
		crashed.setHost("127.0.0.1");
		crashed.setPort(Ports.freePort());
		NotificationProperties oneAttempt = new NotificationProperties(this.properties.from(),
				this.properties.fromName(), this.properties.siteBaseUrl(), this.properties.reminders(),
				new NotificationProperties.Sender(Duration.ofSeconds(5), 50, Duration.ofSeconds(3),
						Duration.ofSeconds(4), 1),
				this.properties.retention());
		OutboxSender againstACrashedServer = new OutboxSender(this.outbox, this.templates, crashed, oneAttempt,
				this.transactionManager, Clock.systemUTC(), new SimpleMeterRegistry());

		assertThat(againstACrashedServer.sendDue(later)).isZero();

		// one attempt was all it had, yet the message is kept: the server, not the address, failed
		Row kept = row(email);
		assertThat(kept.status()).isEqualTo("PENDING");
		assertThat(kept.attempts()).isOne();
		assertThat(kept.error()).startsWith("SERVER_UNREACHABLE");
		// due again 3 seconds later, the running sender delivers it through the server that works
		BookingEmailsIntegrationTests.awaitMessages(email, 1);
		await().atMost(TIMEOUT).until(() -> row(email).status().equals("SENT"));
	}

	@Test
	void sendsAMessageRenderedWhenItWasQueuedAsItIs() {
		// rows queued before messages were rendered by the sender keep their text and no request
		String email = "queued-earlier-" + UUID.randomUUID() + "@mutuality.test";
		this.jdbc.sql("""
				insert into mail_outbox (id, kind, recipient, subject, text_body, html_body, status, due_at, created_at)
				values (?, 'CONSULTATION_INVITATION', ?, 'Written earlier', 'Text written earlier',
				        '<p>HTML written earlier</p>', 'PENDING', now(), now())""")
			.params(UUID.randomUUID(), email)
			.update();

		MailServer.ReceivedMail received = BookingEmailsIntegrationTests.awaitMessages(email, 1).get(0);
		assertThat(received.subject()).isEqualTo("Written earlier");
		assertThat(received.text()).contains("Text written earlier");
		assertThat(received.html()).contains("<p>HTML written earlier</p>");
		await().atMost(TIMEOUT).until(() -> row(email).status().equals("SENT"));
	}

	@Test
	void givesUpARequestThatCannotBeReadAtOnceWhileOthersGoThrough() {
		String email = "unreadable-" + UUID.randomUUID() + "@mutuality.test";
		this.jdbc.sql("""
				insert into mail_outbox (id, kind, recipient, request, status, due_at, created_at)
				values (?, 'CONSULTATION_INVITATION', ?, '{"to": "nobody-we-know"}', 'PENDING', now(), now())""")
			.params(UUID.randomUUID(), email)
			.update();
		assertGivenUpAtOnceWhileOthersGoThrough(email, "cannot be read");
	}

	@Test
	void givesUpARequestThatCannotBeRenderedAtOnceWhileOthersGoThrough() {
		// reminders go to clients only: rendering one for a therapist throws, which must not stall the queue
		String email = "unrenderable-" + UUID.randomUUID() + "@mutuality.test";
		this.jdbc.sql("""
				insert into mail_outbox (id, kind, recipient, request, status, due_at, created_at)
				values (?, 'REMINDER', ?, cast(? as jsonb), 'PENDING', now(), now())""")
			.params(UUID.randomUUID(), email, """
					{"to": "therapist", "booking": {"bookingId": "%s", "sequence": 0,
					 "start": "2030-01-07T10:00:00Z", "end": "2030-01-07T10:30:00Z", "therapistName": "Maya Okafor",
					 "therapistEmail": "%s", "therapistZone": "Europe/London"}}""".formatted(UUID.randomUUID(), email))
			.update();
		assertGivenUpAtOnceWhileOthersGoThrough(email, "cannot be read or rendered");
	}

	/** The row to the address fails for good after one attempt, and a message queued after it is sent. */
	private void assertGivenUpAtOnceWhileOthersGoThrough(String email, String error) {
		String other = "after-" + email;
		invite(other);

		BookingEmailsIntegrationTests.awaitMessages(other, 1);
		await().atMost(TIMEOUT).until(() -> row(email).status().equals("FAILED"));
		assertThat(row(email).attempts()).isOne();
		assertThat(row(email).error()).startsWith("PERMANENT").contains(error);
		assertThat(mail.messagesTo(email)).isEmpty();
	}

	private void invite(String email) {
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.notifications.consultationInvitation(email, "Sam Rivera"));
	}

	private Row row(String recipient) {
		return this.jdbc.sql("""
				select status, attempts, last_attempt_at, due_at, last_error from mail_outbox where recipient = ?""")
			.params(recipient)
			.query((rs, n) -> new Row(rs.getString(1), rs.getInt(2),
					(rs.getTimestamp(3) != null)
							? Duration.between(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()) : null,
					rs.getString(5)))
			.single();
	}

	private record Row(String status, int attempts, Duration backoff, String error) {
	}

}
