package org.mutuality.platform.idempotency;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mutuality.platform.problem.ConflictException;
import org.mutuality.platform.problem.ValidationProblem;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The {@code Idempotency-Key}s of one kind of request, per client, in a table of the service's own:
 * {@code (client_id, idempotency_key)} as its key, then {@code request_hash}, {@code response_status},
 * {@code response_body}, the id of the resource the request made, and {@code created_at}.
 *
 * <p>A key is claimed in the transaction that does the work, and its answer stored in the same
 * transaction, so a key has an answer exactly when its work is done; a failed attempt leaves nothing
 * behind and may be retried. A second request with a key that is being claimed waits on the row
 * until the first one ends, then sees its answer. Keys older than the time to live count as absent
 * and are reused, and are deleted every hour (where the service schedules tasks; running on several
 * instances at once is harmless).
 */
public class IdempotencyKeys {

	/** The request header. */
	public static final String HEADER = "Idempotency-Key";

	private static final Log log = LogFactory.getLog(IdempotencyKeys.class);

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final JdbcClient jdbc;

	private final String table;

	private final String resourceColumn;

	private final Duration timeToLive;

	private final Clock clock;

	/**
	 * @param table the table, a name of the service's own (never a request's)
	 * @param resourceColumn the column of the id of the resource a request made
	 */
	public IdempotencyKeys(JdbcClient jdbc, String table, String resourceColumn, Duration timeToLive, Clock clock) {
		this.jdbc = jdbc;
		this.table = table;
		this.resourceColumn = resourceColumn;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	/**
	 * Claims the key for a new request (empty), or answers what the live request before it with this
	 * key stored, to be replayed.
	 * @throws ValidationProblem naming the header unless the key is 1 to 200 visible ASCII characters
	 * @throws ConflictException {@code idempotency-key-reused} if that request was another one
	 */
	public Optional<Stored> claim(UUID clientId, String key, String requestHash) {
		if (!KEY.matcher(key).matches()) {
			throw ValidationProblem.of(HEADER, "must be 1 to 200 visible ASCII characters");
		}
		Instant now = this.clock.instant();
		int claimed = this.jdbc.sql("insert into " + this.table
				+ " (client_id, idempotency_key, request_hash, created_at) values (?, ?, ?, ?)"
				+ " on conflict (client_id, idempotency_key) do update set request_hash = excluded.request_hash,"
				+ " response_status = null, response_body = null, " + this.resourceColumn + " = null,"
				+ " created_at = excluded.created_at where " + this.table + ".created_at < ?")
			.params(clientId, key, requestHash, Timestamp.from(now), Timestamp.from(now.minus(this.timeToLive)))
			.update();
		if (claimed == 1) {
			return Optional.empty();
		}
		return this.jdbc.sql("select request_hash, response_status, response_body, " + this.resourceColumn + " from "
				+ this.table + " where client_id = ? and idempotency_key = ?")
			.params(clientId, key)
			.query((rs, row) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3),
					rs.getObject(4, UUID.class)))
			.optional()
			.map((stored) -> {
				if (!stored.requestHash().equals(requestHash)) {
					throw new ConflictException("idempotency-key-reused",
							"This Idempotency-Key was used for another request");
				}
				return stored;
			});
	}

	/** Stores the answer of the request that claimed the key, in its transaction. */
	public void storeAnswer(UUID clientId, String key, int status, String body, UUID resourceId) {
		this.jdbc.sql("update " + this.table + " set response_status = ?, response_body = ?, " + this.resourceColumn
				+ " = ? where client_id = ? and idempotency_key = ?")
			.params(status, body, resourceId, clientId, key)
			.update();
	}

	/** Forgets the keys older than their time to live (they already count as absent); answers how many. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public int deleteExpired() {
		int deleted = this.jdbc.sql("delete from " + this.table + " where created_at < ?")
			.params(Timestamp.from(this.clock.instant().minus(this.timeToLive)))
			.update();
		if (deleted > 0) {
			log.info("Forgot " + deleted + " expired idempotency keys of " + this.table);
		}
		return deleted;
	}

	/**
	 * What a request with a key stored.
	 *
	 * @param requestHash the hash of the request
	 * @param status the status of its answer
	 * @param body the body of its answer
	 * @param resourceId the resource it made
	 */
	public record Stored(String requestHash, int status, String body, UUID resourceId) {

		/**
		 * The stored answer again, saying it is a replay ({@code Idempotent-Replayed: true}), located where
		 * {@code location} puts its resource.
		 */
		public ResponseEntity<String> replay(Function<UUID, URI> location) {
			return ResponseEntity.status(this.status)
				.location(location.apply(this.resourceId))
				.header("Idempotent-Replayed", "true")
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.body);
		}

	}

}
