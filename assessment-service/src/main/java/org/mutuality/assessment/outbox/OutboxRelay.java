package org.mutuality.assessment.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes pending outbox events to Kafka and marks them sent. Each round claims a batch with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} in one database transaction, sends every event as a
 * binary-mode CloudEvent (idempotent producer, {@code acks=all}), waits for the acknowledgements and
 * marks the acknowledged events published before committing. Any number of instances may run: a
 * row is locked by the one transaction that publishes it, so two relays never publish the same event
 * at the same time, and a relay that dies releases its rows to the others. An event is published
 * again only if its acknowledgement arrived but the commit did not (at least once; consumers drop
 * repeats by event id). Next to the CloudEvents headers, a record carries the {@code traceparent} (and
 * {@code tracestate}) stored with its event, never the relay's own: the relay's template has no
 * observation, which would replace them.
 *
 * <p>When Kafka is away, events stay pending, submissions go on, and the relay retries with a
 * growing back-off; a commit that queues an event wakes an idle relay at once. An event that fails
 * while others get through (Kafka refuses it for its size, say, or its partition has no leader) waits
 * for its own next attempt, later after each failure (up to {@code max-backoff} for Kafka's reasons,
 * {@code max-retry-delay} for the event's own), and the relay goes on with the other clients' events:
 * a client's later events wait behind it, so that each client's events reach Kafka in order (within a batch
 * too, when Kafka refuses the event at once; one refused after later events of its client were sent, which
 * takes a broker's refusal, can still be overtaken by them). It stays
 * pending (and counted in the backlog's metrics) until it goes through.
 */
class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);

	private final OutboxRepository repository;

	private final KafkaTemplate<String, byte[]> kafka;

	private final TransactionTemplate transactions;

	private final OutboxProperties properties;

	private final Clock clock;

	private final URI source;

	private final Object signal = new Object();

	private boolean woken;

	private volatile boolean running;

	private Thread thread;

	private Instant nextCleanup = Instant.MIN;

	private final Counter published;

	private final Counter failed;

	private final Timer lag;

	OutboxRelay(OutboxRepository repository, KafkaTemplate<String, byte[]> kafka, TransactionTemplate transactions,
			OutboxProperties properties, Clock clock, MeterRegistry meters) {
		this.published = Counter.builder("outbox.events.published")
			.description("Outbox events acknowledged by Kafka and marked published")
			.register(meters);
		this.failed = Counter.builder("outbox.events.failed")
			.description("Attempts to publish an outbox event that failed; the event stays pending")
			.register(meters);
		this.lag = Timer.builder("outbox.events.publish.lag")
			.description("From an event's commit to Kafka's acknowledgement of it")
			.register(meters);
		this.repository = repository;
		this.kafka = kafka;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.source = URI.create(properties.source());
	}

	/** Publishes one batch of pending events, if there are any. */
	BatchResult publishBatch() {
		BatchResult result = this.transactions.execute((status) -> {
			List<PendingEvent> batch = this.repository.claimPending(this.properties.batchSize(), this.clock.instant());
			if (batch.isEmpty()) {
				return BatchResult.EMPTY;
			}
			List<Send> sends = new ArrayList<>(batch.size());
			// keys with an event Kafka refused at once (too large, say): their later events in this batch are not sent,
			// and stay pending behind it, so that they do not reach Kafka before it
			Set<String> refused = new HashSet<>();
			int deferred = 0;
			boolean unreachable = false;
			for (PendingEvent event : batch) {
				if (refused.contains(event.key())) {
					deferred++;
					continue;
				}
				CompletableFuture<?> send = send(event);
				sends.add(new Send(event, send));
				if (kafkaUnreachable(send)) {
					// failed before reaching the network (no metadata: Kafka is away); the rest would too
					unreachable = true;
					break;
				}
				if (send.isCompletedExceptionally()) {
					refused.add(event.key());
				}
			}
			long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
			List<PendingEvent> published = new ArrayList<>(sends.size());
			int failedByKafka = 0;
			String firstError = null;
			for (Send send : sends) {
				PendingEvent event = send.event();
				try {
					send.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					published.add(event);
				}
				catch (ExecutionException | TimeoutException ex) {
					String error = describe(ex);
					firstError = (firstError != null) ? firstError : error;
					// an event refused for what it is (too large, say) waits longer between attempts; anything else
					// (no answer in time, a partition without a leader, and also refused credentials or permissions,
					// which someone fixes for all events at once) is Kafka's trouble and retried soon
					boolean kafkasFault = !recordsOwnFault(ex);
					failedByKafka += kafkasFault ? 1 : 0;
					this.repository.markFailed(event.id(), error, this.clock.instant(), this.properties.pollInterval(),
							kafkasFault ? this.properties.maxBackoff() : this.properties.maxRetryDelay());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			Instant now = this.clock.instant();
			this.repository.markPublished(published.stream().map(PendingEvent::id).toList(), now);
			published.forEach((event) -> this.lag.record(Duration.between(event.createdAt(), now)));
			boolean kafkaAway = unreachable || (published.isEmpty() && failedByKafka > 0);
			return new BatchResult(batch.size(), published.size(), batch.size() - published.size() - deferred,
					kafkaAway, firstError);
		});
		this.published.increment(result.published());
		this.failed.increment(result.failed());
		if (result.failed() > 0) {
			logger.warn("Published {} of {} outbox events; the others stay pending and are retried (first error: {})",
					result.published(), result.claimed(), result.firstError());
		}
		return result;
	}

	private CompletableFuture<?> send(PendingEvent event) {
		CloudEvent cloudEvent = CloudEventBuilder.v1()
			.withId(event.id().toString())
			.withSource(this.source)
			.withType(event.type())
			.withTime(event.createdAt().atOffset(ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withData(event.payload().getBytes(StandardCharsets.UTF_8))
			.build();
		ProducerRecord<String, byte[]> record = KafkaMessageFactory
			.createWriter(event.topic(), event.key())
			.writeBinary(cloudEvent);
		event.trace().addTo(record.headers());
		try {
			return this.kafka.send(record);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Whether the send failed at once for a reason that is not the record's own (a retriable one,
	 * such as no metadata within {@code max.block.ms}). A record that fails for its own reason (too
	 * large, say) is left pending with its error and does not hold up the others.
	 */
	private static boolean kafkaUnreachable(CompletableFuture<?> send) {
		if (!send.isCompletedExceptionally()) {
			return false;
		}
		try {
			send.join();
			return false;
		}
		catch (CompletionException | CancellationException ex) {
			return retriable(ex);
		}
	}

	/** Whether a send failed with a retriable error (no metadata, a partition without a leader). */
	private static boolean retriable(Exception ex) {
		return causedBy(ex, RetriableException.class);
	}

	/**
	 * Whether Kafka refused the record for what it is (its size, its form), which another attempt soon does not
	 * change; every other failure is Kafka's (or its configuration's) and affects all events alike.
	 */
	private static boolean recordsOwnFault(Exception ex) {
		return causedBy(ex, RecordTooLargeException.class, RecordBatchTooLargeException.class,
				InvalidRecordException.class, SerializationException.class);
	}

	private static boolean causedBy(Throwable ex, Class<?>... types) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			for (Class<?> type : types) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The innermost cause, which names what went wrong (the template wraps it in "Send failed"). */
	private static String describe(Exception ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/** Wakes an idle relay: called after a commit that queued an event. */
	void wakeUp() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	private void run() {
		Duration backoff = Duration.ZERO;
		while (this.running) {
			try {
				BatchResult result = publishBatch();
				if (result.kafkaAway()) {
					backoff = nextBackoff(backoff);
					pause(backoff, false);
					continue;
				}
				backoff = Duration.ZERO;
				if (result.claimed() < this.properties.batchSize()) {
					deleteOldPublishedEvents();
					pause(this.properties.pollInterval(), true);
				}
			}
			catch (RuntimeException ex) {
				backoff = nextBackoff(backoff);
				logger.warn("Outbox relay failed; retrying in {}", backoff, ex);
				pause(backoff, false);
			}
		}
	}

	private Duration nextBackoff(Duration backoff) {
		Duration next = backoff.isZero() ? this.properties.pollInterval() : backoff.multipliedBy(2);
		return (next.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : next;
	}

	/** Waits for the given time; an idle wait ends early when a commit wakes the relay. */
	private void pause(Duration duration, boolean wakeable) {
		long deadline = System.nanoTime() + duration.toNanos();
		synchronized (this.signal) {
			try {
				while (this.running && !(wakeable && this.woken)) {
					long remaining = deadline - System.nanoTime();
					if (remaining <= 0) {
						break;
					}
					TimeUnit.NANOSECONDS.timedWait(this.signal, remaining);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
			this.woken = false;
		}
	}

	private void deleteOldPublishedEvents() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextCleanup)) {
			return;
		}
		this.nextCleanup = now.plus(CLEANUP_INTERVAL);
		int deleted = this.transactions
			.execute((status) -> this.repository.deletePublishedBefore(now.minus(this.properties.retention())));
		if (deleted > 0) {
			logger.info("Deleted {} outbox events published more than {} ago", deleted, this.properties.retention());
		}
	}

	@Override
	public void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, "outbox-relay");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread relay = this.thread;
		if (relay == null) {
			return;
		}
		wakeUp();
		try {
			relay.join(this.properties.sendTimeout().toMillis() + 5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Started before the web server and stopped after its graceful shutdown (whose phase is
	 * {@code DEFAULT_PHASE - 1024}), so that the events of submissions that finish while requests drain are
	 * still sent before the relay stops.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.enabled();
	}

	/** An event handed to Kafka, and Kafka's acknowledgement of it to come. */
	private record Send(PendingEvent event, CompletableFuture<?> acknowledgement) {
	}

	/**
	 * What one round did: events claimed, published, and left pending after a failure or unsent because Kafka was
	 * away (the rest were not tried: held behind an earlier event of their key that Kafka refused at once); whether
	 * Kafka seems away
	 * (unreachable, or nothing got through and some events failed for Kafka's reasons), when the relay backs off
	 * before the next round; and the first failure's description. Events that failed for their own reasons wait
	 * for their own next attempt, and the relay goes on with the others.
	 */
	record BatchResult(int claimed, int published, int failed, boolean kafkaAway, String firstError) {

		static final BatchResult EMPTY = new BatchResult(0, 0, 0, false, null);

	}

}
