package org.mutuality.assessment.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row waiting to be published: its id is the CloudEvents id, its creation time the
 * CloudEvents time, its payload the JSON data.
 */
record PendingEvent(UUID id, String topic, String key, String type, String payload, Instant createdAt) {
}
