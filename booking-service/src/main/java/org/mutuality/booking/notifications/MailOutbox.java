package org.mutuality.booking.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table: emails waiting to be sent, each written in the transaction of the
 * change that causes it, so a message exists exactly when its change was committed. A row keeps
 * what its message is to say ({@link MailRequest}, as JSON); the sender renders it. The sender
 * claims one due row at a time with {@code FOR UPDATE SKIP LOCKED}: an instance never waits for a
 * row another instance is sending, and never sees it again once it is marked sent.
 */
@Repository
class MailOutbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	MailOutbox(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void add(MailKind kind, UUID bookingId, String recipient, MailRequest request, Instant dueAt, Instant now) {
		this.jdbc.sql("""
				insert into mail_outbox (id, kind, booking_id, recipient, request, status, due_at, created_at)
				values (?, ?, ?, ?, cast(? as jsonb), 'PENDING', ?, ?)""")
			.params(UUID.randomUUID(), kind.name(), bookingId, recipient,
					this.json.writeValueAsString(request), Timestamp.from(dueAt), Timestamp.from(now))
			.update();
	}

	/** Cancels the booking's messages of that kind that are not sent yet; answers how many. */
	int cancelPending(UUID bookingId, MailKind kind) {
		return this.jdbc.sql("""
				update mail_outbox set status = 'CANCELLED'
				where booking_id = ? and kind = ? and status = 'PENDING'""")
			.params(bookingId, kind.name())
			.update();
	}

	/**
	 * The oldest due message no other transaction holds, its row locked until the current
	 * transaction ends.
	 */
	Optional<QueuedMail> claimNextDue(Instant now) {
		return this.jdbc.sql("""
				select id, kind, recipient, request, subject, text_body, html_body, ics, ics_method, attempts
				from mail_outbox
				where status = 'PENDING' and due_at <= ?
				order by due_at, created_at
				limit 1
				for update skip locked""")
			.params(Timestamp.from(now))
			.query(MailOutbox::queued)
			.optional();
	}

	void markSent(UUID id, int attempts, Instant now) {
		this.jdbc.sql("""
				update mail_outbox set status = 'SENT', attempts = ?, last_attempt_at = ?, sent_at = ?, last_error = null
				where id = ?""")
			.params(attempts, Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	void markRetry(UUID id, int attempts, Instant now, Instant nextAttempt, String error) {
		this.jdbc.sql("""
				update mail_outbox set attempts = ?, last_attempt_at = ?, due_at = ?, last_error = ?
				where id = ?""")
			.params(attempts, Timestamp.from(now), Timestamp.from(nextAttempt), truncate(error), id)
			.update();
	}

	void markFailed(UUID id, int attempts, Instant now, String error) {
		this.jdbc.sql("""
				update mail_outbox set status = 'FAILED', attempts = ?, last_attempt_at = ?, last_error = ?
				where id = ?""")
			.params(attempts, Timestamp.from(now), truncate(error), id)
			.update();
	}

	/** Deletes the messages that were sent, cancelled or given up before the instant; answers how many. */
	int deleteFinishedBefore(Instant instant) {
		return this.jdbc.sql("""
				delete from mail_outbox
				where status <> 'PENDING' and coalesce(sent_at, last_attempt_at, created_at) < ?""")
			.params(Timestamp.from(instant))
			.update();
	}

	/** The messages that are due and not sent yet. */
	long countDue(Instant now) {
		return this.jdbc.sql("select count(*) from mail_outbox where status = 'PENDING' and due_at <= ?")
			.params(Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** A claimed message's request, read back from its JSON. */
	MailRequest read(String request) {
		return this.json.readValue(request, MailRequest.class);
	}

	private static QueuedMail queued(ResultSet rs, int row) throws SQLException {
		String request = rs.getString("request");
		OutgoingMail rendered = (request != null) ? null
				: new OutgoingMail(rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
						rs.getString("html_body"), rs.getString("ics"), rs.getString("ics_method"));
		return new QueuedMail(rs.getObject("id", UUID.class), MailKind.valueOf(rs.getString("kind")), request, rendered,
				rs.getInt("attempts"));
	}

	private static String truncate(String error) {
		if (error == null) {
			return null;
		}
		return (error.length() > 1000) ? error.substring(0, 1000) : error;
	}

	/**
	 * A claimed message.
	 *
	 * @param id its id, also the base of its {@code Message-ID}
	 * @param kind what it is about
	 * @param request what the email is to say ({@link MailRequest} as JSON), or {@code null} for a row
	 * queued before messages were rendered when sent
	 * @param rendered such a row's message, as it was rendered when queued; otherwise {@code null}
	 * @param attempts the attempts before this one
	 */
	record QueuedMail(UUID id, MailKind kind, String request, OutgoingMail rendered, int attempts) {
	}

}
