package org.mutuality.assessment.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row waiting to be published: its id is the CloudEvents id, its creation time the
 * CloudEvents time, its payload the JSON data, its trace context that of the request that queued it.
 */
record PendingEvent(UUID id, String topic, String key, String type, String payload, Instant createdAt,
		TraceContextHeaders trace) {

	/** An event queued outside any trace. */
	PendingEvent(UUID id, String topic, String key, String type, String payload, Instant createdAt) {
		this(id, topic, key, type, payload, createdAt, TraceContextHeaders.NONE);
	}

}
