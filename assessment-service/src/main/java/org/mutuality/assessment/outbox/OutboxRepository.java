package org.mutuality.assessment.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_events} table, in SQL: claiming a batch needs PostgreSQL's
 * {@code FOR UPDATE SKIP LOCKED}, which JPA cannot express. Every method joins the caller's
 * transaction.
 */
@Repository
class OutboxRepository {

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String topic, String key, String type, String payload, Instant createdAt,
			TraceContextHeaders trace) {
		this.jdbc.sql("""
				insert into outbox_events (id, topic, event_key, event_type, payload, created_at, traceparent, tracestate)
				values (:id, :topic, :key, :type, cast(:payload as jsonb), :createdAt, :traceparent, :tracestate)
				""")
			.param("id", id)
			.param("topic", topic)
			.param("key", key)
			.param("type", type)
			.param("payload", payload)
			.param("createdAt", Timestamp.from(createdAt))
			.param("traceparent", trace.traceparent())
			.param("tracestate", trace.tracestate())
			.update();
	}

	/**
	 * Locks and returns up to {@code limit} pending events that are due (never failed, or their next attempt's time
	 * has come) and that no earlier pending event of the same key waits before, oldest first, skipping those another
	 * transaction holds: concurrent relays get disjoint batches, and a row stays locked until the claiming
	 * transaction marks it published (or rolls back). A key's events (one client's) are therefore published in the
	 * order they were queued, also when one of them failed and waits for its next attempt.
	 */
	List<PendingEvent> claimPending(int limit, Instant now) {
		return this.jdbc.sql("""
				select id, topic, event_key, event_type, payload::text as payload, created_at, traceparent, tracestate
				from outbox_events e
				where published_at is null and (retry_at is null or retry_at <= :now)
				    and not exists (select 1 from outbox_events earlier
				                    where earlier.event_key = e.event_key and earlier.published_at is null
				                        and earlier.retry_at > :now
				                        and (earlier.created_at, earlier.id) < (e.created_at, e.id))
				order by created_at, id
				limit :limit
				for update skip locked
				""")
			.param("limit", limit)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new PendingEvent(rs.getObject("id", UUID.class), rs.getString("topic"),
					rs.getString("event_key"), rs.getString("event_type"), rs.getString("payload"),
					rs.getTimestamp("created_at").toInstant(),
					new TraceContextHeaders(rs.getString("traceparent"), rs.getString("tracestate"))))
			.list();
	}

	void markPublished(List<UUID> ids, Instant publishedAt) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("update outbox_events set published_at = :at, attempts = attempts + 1 where id = any(:ids)")
			.param("at", Timestamp.from(publishedAt))
			.param("ids", ids.toArray(UUID[]::new))
			.update();
	}

	/**
	 * Records a failed attempt: the event stays pending and is due again after {@code firstDelay}, doubled for each
	 * earlier failure, at most {@code maxDelay} after {@code now}.
	 */
	void markFailed(UUID id, String error, Instant now, Duration firstDelay, Duration maxDelay) {
		this.jdbc.sql("""
				update outbox_events set attempts = attempts + 1, last_error = :error,
				    retry_at = cast(:now as timestamptz)
				        + make_interval(secs => least(:maxSeconds, :firstSeconds * power(2, least(attempts, 40))))
				where id = :id""")
			.param("id", id)
			.param("error", (error.length() > 1000) ? error.substring(0, 1000) : error)
			.param("now", Timestamp.from(now))
			.param("firstSeconds", firstDelay.toMillis() / 1000.0)
			.param("maxSeconds", maxDelay.toMillis() / 1000.0)
			.update();
	}

	int deletePublishedBefore(Instant cutoff) {
		return this.jdbc.sql("delete from outbox_events where published_at < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	Backlog backlog() {
		return this.jdbc.sql("select count(*) as pending, min(created_at) as oldest from outbox_events "
				+ "where published_at is null")
			.query((rs, row) -> {
				Timestamp oldest = rs.getTimestamp("oldest");
				return new Backlog(rs.getLong("pending"), (oldest != null) ? oldest.toInstant() : null);
			})
			.single();
	}

	/** How many events wait, and since when the oldest of them has ({@code null} when none waits). */
	record Backlog(long pending, Instant oldestCreatedAt) {
	}

}
