package org.mutuality.booking.followups;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ids of the events already processed, written in the transaction of their effect. Recording
 * an id that another transaction is recording waits for that one to end, so that of two concurrent
 * deliveries exactly one goes ahead.
 */
@Repository
class ProcessedEvents {

	private final JdbcClient jdbc;

	ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the event; answers {@code false} when it was processed before. */
	boolean record(String eventId, String eventType, Instant now) {
		return this.jdbc.sql("""
				insert into processed_events (event_id, event_type, processed_at) values (?, ?, ?)
				on conflict (event_id) do nothing""")
			.params(eventId, eventType, Timestamp.from(now))
			.update() == 1;
	}

}
