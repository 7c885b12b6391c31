package org.mutuality.booking.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finished emails are deleted after the retention (30 days); pending ones never are.
 */
class OutboxCleanupIntegrationTests extends BookingServiceIntegrationTest {

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private OutboxCleanup cleanup;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void deletesFinishedEmailsOlderThanTheRetentionAndKeepsPendingOnes() {
		Instant longAgo = Instant.now().minus(Duration.ofDays(40));
		String oldSent = message(longAgo, longAgo, true);
		String recentSent = message(Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(2)),
				true);
		String oldPending = message(longAgo, Instant.now().plus(Duration.ofDays(3)), false);

		this.cleanup.deleteFinished();

		assertThat(exists(oldSent)).isFalse();
		assertThat(exists(recentSent)).isTrue();
		assertThat(exists(oldPending)).isTrue();
	}

	/** Writes a message created at the instant, and marks it sent then, in one transaction. */
	private String message(Instant created, Instant due, boolean sent) {
		String recipient = "kept-" + UUID.randomUUID() + "@mutuality.test";
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.outbox.add(MailKind.CONSULTATION_INVITATION, null, recipient,
					new MailRequest.Invitation(recipient, "Kept"), due, created);
			if (sent) {
				UUID id = this.jdbc.sql("select id from mail_outbox where recipient = ?")
					.params(recipient)
					.query(UUID.class)
					.single();
				this.outbox.markSent(id, 1, created);
			}
		});
		return recipient;
	}

	private boolean exists(String recipient) {
		return this.jdbc.sql("select count(*) from mail_outbox where recipient = ?")
			.params(recipient)
			.query(Long.class)
			.single() > 0;
	}

}
