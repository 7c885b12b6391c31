-- A key's pending events in order: a relay skips an event while an earlier one of the same key waits for its next
-- attempt (retry_at), so that one client's events reach Kafka in the order they were queued.
create index outbox_events_pending_key on outbox_events (event_key, created_at, id) where published_at is null;
