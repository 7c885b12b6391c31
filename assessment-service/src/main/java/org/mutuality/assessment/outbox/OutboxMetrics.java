package org.mutuality.assessment.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox backlog as gauges: {@code outbox.events.pending} (events not yet published) and
 * {@code outbox.events.oldest.pending.age} (how long the oldest of them has waited; zero when none
 * waits). Both come from one query, run at most once a second however often they are read.
 */
class OutboxMetrics implements MeterBinder {

	private static final Duration MAX_STALENESS = Duration.ofSeconds(1);

	private final OutboxRepository repository;

	private final Clock clock;

	private OutboxRepository.Backlog backlog = new OutboxRepository.Backlog(0, null);

	private long readAt;

	private boolean read;

	OutboxMetrics(OutboxRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("outbox.events.pending", this, (metrics) -> metrics.backlog().pending())
			.description("Outbox events not yet published to Kafka")
			.baseUnit("events")
			.register(registry);
		TimeGauge.builder("outbox.events.oldest.pending.age", this, TimeUnit.MILLISECONDS,
				OutboxMetrics::oldestPendingAgeMillis)
			.description("How long the oldest unpublished outbox event has waited")
			.register(registry);
	}

	private double oldestPendingAgeMillis() {
		OutboxRepository.Backlog current = backlog();
		if (current.oldestCreatedAt() == null) {
			return 0;
		}
		return Math.max(0, Duration.between(current.oldestCreatedAt(), this.clock.instant()).toMillis());
	}

	synchronized OutboxRepository.Backlog backlog() {
		long now = System.nanoTime();
		if (!this.read || now - this.readAt > MAX_STALENESS.toNanos()) {
			this.backlog = this.repository.backlog();
			this.readAt = now;
			this.read = true;
		}
		return this.backlog;
	}

}
