package org.mutuality.assessment.outbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where application services put the events they publish: {@link #append} writes the event into the
 * caller's transaction, so that it is stored exactly when what it announces is, and the relay
 * publishes it to Kafka after the commit (at least once, with its id as CloudEvents id so that
 * consumers can drop a repeat). The event keeps the W3C trace context of the span that queued it, and
 * the record carries it as {@code traceparent}, so that the consumer continues the request's trace.
 */
@Component
public class Outbox {

	private final OutboxRepository repository;

	private final JsonMapper json;

	private final Clock clock;

	private final OutboxRelay relay;

	private final Tracer tracer;

	private final Propagator propagator;

	Outbox(OutboxRepository repository, JsonMapper json, Clock clock, OutboxRelay relay,
			ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.repository = repository;
		this.json = json;
		this.clock = clock;
		this.relay = relay;
		this.tracer = tracer.getIfAvailable();
		this.propagator = propagator.getIfAvailable();
	}

	/**
	 * Queues an event in the current transaction, which must exist.
	 * @param topic the Kafka topic
	 * @param key the record key (events of one key keep their order on one partition)
	 * @param type the CloudEvents type, such as {@code org.mutuality.assessment.completed.v1}
	 * @param data the event data, written as JSON
	 * @return the event id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID append(String topic, String key, String type, Object data) {
		UUID id = UUID.randomUUID();
		this.repository.insert(id, topic, key, type, this.json.writeValueAsString(data),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS),
				TraceContextHeaders.current(this.tracer, this.propagator));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.relay.wakeUp();
			}
		});
		return id;
	}

}
