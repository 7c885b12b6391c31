-- When an event that Kafka refused is tried again. Each failed event waits for its own next attempt, longer after
-- each failure, so that an event Kafka refuses for a reason of its own (too large for the topic, say) no longer
-- comes first in every batch and makes the relay back off for all the events queued behind it. Null: at once.
alter table outbox_events add column retry_at timestamptz;
