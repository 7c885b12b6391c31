package org.mutuality.booking.bookings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.mutuality.platform.problem.ValidationProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code Idempotency-Key}s of {@code POST /api/bookings}, per client. A key is claimed in the
 * transaction that books, and its answer stored in the same transaction, so a key has an answer
 * exactly when its booking exists; a failed attempt leaves nothing behind and may be retried. A
 * second request with a key that is being claimed waits on the row until the first one ends, then
 * sees its answer. Keys older than the time to live count as absent and are reused.
 */
@Repository
class IdempotencyKeys {

	static final String HEADER = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static void validate(String key) {
		if (!KEY.matcher(key).matches()) {
			throw ValidationProblem.of(HEADER, "must be 1 to 200 visible ASCII characters");
		}
	}

	/**
	 * Claims the key for a new request, or answers what the live request before it with this key
	 * stored (its request hash and answer).
	 */
	Optional<Stored> claim(UUID clientId, String key, String requestHash, Instant now, Instant expiredBefore) {
		int claimed = this.jdbc.sql("""
				insert into idempotency_keys (client_id, idempotency_key, request_hash, created_at)
				values (?, ?, ?, ?)
				on conflict (client_id, idempotency_key) do update
				set request_hash = excluded.request_hash, response_status = null, response_body = null,
				    booking_id = null, created_at = excluded.created_at
				where idempotency_keys.created_at < ?""")
			.params(clientId, key, requestHash, Timestamp.from(now), Timestamp.from(expiredBefore))
			.update();
		if (claimed == 1) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select request_hash, response_status, response_body, booking_id from idempotency_keys
				where client_id = ? and idempotency_key = ?""")
			.params(clientId, key)
			.query((rs, row) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3),
					rs.getObject(4, UUID.class)))
			.optional();
	}

	void storeAnswer(UUID clientId, String key, int status, String body, UUID bookingId) {
		this.jdbc.sql("""
				update idempotency_keys set response_status = ?, response_body = ?, booking_id = ?
				where client_id = ? and idempotency_key = ?""")
			.params(status, body, bookingId, clientId, key)
			.update();
	}

	/** Forgets the keys created before the given instant; answers how many. */
	int deleteCreatedBefore(Instant instant) {
		return this.jdbc.sql("delete from idempotency_keys where created_at < ?")
			.params(Timestamp.from(instant))
			.update();
	}

	/**
	 * What a request with a key stored.
	 *
	 * @param requestHash the hash of the request
	 * @param status the status of its answer
	 * @param body the body of its answer
	 * @param bookingId the booking it made
	 */
	record Stored(String requestHash, int status, String body, UUID bookingId) {
	}

}
