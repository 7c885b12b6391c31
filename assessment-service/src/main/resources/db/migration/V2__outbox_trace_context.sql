-- The W3C trace context of the request that queued an event (traceparent, tracestate), so that the relay can put
-- it on the Kafka record and the consumer continues the request's trace. Null for events queued outside a trace.
alter table outbox_events add column traceparent varchar(128);
alter table outbox_events add column tracestate varchar(512);
