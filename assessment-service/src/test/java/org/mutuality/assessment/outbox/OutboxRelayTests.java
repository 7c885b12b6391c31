package org.mutuality.assessment.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * One relay round with the database and Kafka mocked: what is sent, what is marked published, and
 * what stays pending.
 */
class OutboxRelayTests {

	private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");

	private final OutboxRepository repository = mock(OutboxRepository.class);

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private OutboxRelay relay;

	@BeforeEach
	void relay() {
		PlatformTransactionManager transactionManager = mock(PlatformTransactionManager.class);
		given(transactionManager.getTransaction(any())).willReturn(new SimpleTransactionStatus());
		OutboxProperties properties = new OutboxProperties(true, "/assessment-service", 10, Duration.ofMillis(100),
				Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofDays(7), Duration.ofHours(1));
		this.relay = new OutboxRelay(this.repository, this.kafka, new TransactionTemplate(transactionManager),
				properties, Clock.fixed(NOW, ZoneOffset.UTC), this.meters);
	}

	@Test
	void sendsABinaryModeCloudEventKeyedAsQueued() {
		PendingEvent event = event("client-1");
		claims(event);
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(acknowledged());

		OutboxRelay.BatchResult result = this.relay.publishBatch();

		assertThat(result).isEqualTo(new OutboxRelay.BatchResult(1, 1, 0, false, null));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
		then(this.kafka).should().send(sent.capture());
		ProducerRecord<String, byte[]> record = sent.getValue();
		assertThat(record.topic()).isEqualTo("events");
		assertThat(record.key()).isEqualTo("client-1");
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_id")).isEqualTo(event.id().toString());
		assertThat(header(record, "ce_source")).isEqualTo("/assessment-service");
		assertThat(header(record, "ce_type")).isEqualTo("org.mutuality.test.v1");
		assertThat(header(record, "ce_time")).isEqualTo("2026-11-22T03:59:59.5Z");
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(record.headers().lastHeader("traceparent")).isNull();
		then(this.repository).should().markPublished(List.of(event.id()), NOW);
		assertThat(this.meters.get("outbox.events.published").counter().count()).isEqualTo(1);
		assertThat(this.meters.get("outbox.events.publish.lag").timer().max(TimeUnit.MILLISECONDS)).isEqualTo(500);
	}

	@Test
	void putsTheTraceContextStoredWithTheEventOnTheRecord() {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		PendingEvent event = new PendingEvent(UUID.randomUUID(), "events", "client-1", "org.mutuality.test.v1",
				"{\"n\":1}", NOW.minusMillis(500), new TraceContextHeaders(traceparent, "vendor=value"));
		claims(event);
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(acknowledged());

		this.relay.publishBatch();

		@SuppressWarnings("unchecked")
		ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
		then(this.kafka).should().send(sent.capture());
		ProducerRecord<String, byte[]> record = sent.getValue();
		assertThat(header(record, "traceparent")).isEqualTo(traceparent);
		assertThat(header(record, "tracestate")).isEqualTo("vendor=value");
		assertThat(header(record, "ce_id")).isEqualTo(event.id().toString());
		assertThat(header(record, "ce_type")).isEqualTo("org.mutuality.test.v1");
	}

	@Test
	void marksOnlyAcknowledgedEventsPublishedAndLeavesTheOthersPending() {
		PendingEvent first = event("a");
		PendingEvent second = event("b");
		PendingEvent third = event("c");
		claims(first, second, third);
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(acknowledged(),
				failed(new RecordTooLargeException("record too large")), acknowledged());

		OutboxRelay.BatchResult result = this.relay.publishBatch();

		assertThat(result)
			.isEqualTo(new OutboxRelay.BatchResult(3, 2, 1, false, "RecordTooLargeException: record too large"));
		then(this.repository).should().markPublished(List.of(first.id(), third.id()), NOW);
		// refused for what it is: it waits up to max-retry-delay between attempts, and the relay does not back off
		then(this.repository).should()
			.markFailed(eq(second.id()), contains("record too large"), eq(NOW), eq(Duration.ofMillis(100)),
					eq(Duration.ofHours(1)));
		assertThat(this.meters.get("outbox.events.published").counter().count()).isEqualTo(2);
		assertThat(this.meters.get("outbox.events.failed").counter().count()).isEqualTo(1);
	}

	@Test
	void stopsSendingABatchOnceKafkaCannotBeReached() {
		claims(event("a"), event("b"), event("c"));
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(failed(new TimeoutException("no metadata")));

		OutboxRelay.BatchResult result = this.relay.publishBatch();

		assertThat(result).isEqualTo(new OutboxRelay.BatchResult(3, 0, 3, true, "TimeoutException: no metadata"));
		then(this.kafka).should(times(1)).send(any(ProducerRecord.class));
		then(this.repository).should().markPublished(List.of(), NOW);
	}

	@Test
	void goesOnWithoutBackingOffWhenOnlySomeEventsFailForKafkasReasons() {
		PendingEvent first = event("a");
		PendingEvent second = event("b");
		claims(first, second);
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(acknowledged(),
				failedLater(new NotLeaderOrFollowerException("no leader")));

		OutboxRelay.BatchResult result = this.relay.publishBatch();

		assertThat(result.published()).isEqualTo(1);
		assertThat(result.failed()).isEqualTo(1);
		assertThat(result.kafkaAway()).isFalse();
		then(this.repository).should().markPublished(List.of(first.id()), NOW);
		// Kafka's trouble passes: the event waits at most max-backoff between attempts
		then(this.repository).should()
			.markFailed(eq(second.id()), contains("no leader"), eq(NOW), eq(Duration.ofMillis(100)),
					eq(Duration.ofSeconds(1)));
	}

	@Test
	void backsOffWhenNothingGetsThroughForKafkasReasons() {
		claims(event("a"), event("b"));
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(failedLater(new NotLeaderOrFollowerException("a")),
				failedLater(new NotLeaderOrFollowerException("b")));

		OutboxRelay.BatchResult result = this.relay.publishBatch();

		assertThat(result.published()).isZero();
		assertThat(result.failed()).isEqualTo(2);
		assertThat(result.kafkaAway()).isTrue();
	}

	@Test
	void treatsRefusedPermissionsAsKafkasTroubleNotTheEvents() {
		PendingEvent event = event("a");
		claims(event);
		given(this.kafka.send(any(ProducerRecord.class)))
			.willReturn(failed(new TopicAuthorizationException(Set.of("events"))));

		OutboxRelay.BatchResult result = this.relay.publishBatch();

		// fixed for every event at once: retried within max-backoff, and the relay backs off meanwhile
		assertThat(result.kafkaAway()).isTrue();
		then(this.repository).should()
			.markFailed(eq(event.id()), contains("TopicAuthorizationException"), eq(NOW), eq(Duration.ofMillis(100)),
					eq(Duration.ofSeconds(1)));
	}

	@Test
	void doesNotBackOffForAnEventRefusedForItsOwnReason() {
		PendingEvent event = event("a");
		claims(event);
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(failed(new RecordTooLargeException("too large")));

		OutboxRelay.BatchResult result = this.relay.publishBatch();

		assertThat(result).isEqualTo(new OutboxRelay.BatchResult(1, 0, 1, false, "RecordTooLargeException: too large"));
		then(this.repository).should()
			.markFailed(eq(event.id()), contains("too large"), eq(NOW), eq(Duration.ofMillis(100)),
					eq(Duration.ofHours(1)));
	}

	@Test
	void leavesAKeysLaterEventsPendingWhenAnEarlierOneIsRefusedAtOnce() {
		PendingEvent refused = event("a");
		PendingEvent other = event("b");
		PendingEvent later = event("a");
		claims(refused, other, later);
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(failed(new RecordTooLargeException("too large")),
				acknowledged());

		OutboxRelay.BatchResult result = this.relay.publishBatch();

		// the later event is neither sent nor failed: it stays pending behind the refused one, which waits for its next
		// attempt, so the client's events still reach Kafka in order
		assertThat(result).isEqualTo(new OutboxRelay.BatchResult(3, 1, 1, false, "RecordTooLargeException: too large"));
		then(this.kafka).should(times(2)).send(any(ProducerRecord.class));
		then(this.repository).should().markPublished(List.of(other.id()), NOW);
		then(this.repository).should().markFailed(eq(refused.id()), any(), any(), any(), any());
		then(this.repository).should(never()).markFailed(eq(later.id()), any(), any(), any(), any());
	}

	@Test
	void doesNothingWhenNothingIsPending() {
		claims();

		assertThat(this.relay.publishBatch()).isEqualTo(OutboxRelay.BatchResult.EMPTY);
		then(this.kafka).should(never()).send(any(ProducerRecord.class));
		then(this.repository).should(never()).markPublished(anyList(), any());
	}

	/** The events the next round claims, in the order the database gives them. */
	private void claims(PendingEvent... events) {
		given(this.repository.claimPending(10, NOW)).willReturn(List.of(events));
	}

	private static PendingEvent event(String key) {
		return new PendingEvent(UUID.randomUUID(), "events", key, "org.mutuality.test.v1", "{\"n\":1}",
				NOW.minusMillis(500));
	}

	private static CompletableFuture<SendResult<String, byte[]>> acknowledged() {
		return CompletableFuture.completedFuture(null);
	}

	private static CompletableFuture<SendResult<String, byte[]>> failed(Exception ex) {
		return CompletableFuture.failedFuture(ex);
	}

	/** A send that fails after it reached the network, as a partition's trouble shows. */
	private static CompletableFuture<SendResult<String, byte[]>> failedLater(Exception ex) {
		CompletableFuture<SendResult<String, byte[]>> send = new CompletableFuture<>();
		CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS).execute(() -> send.completeExceptionally(ex));
		return send;
	}

	private static String header(ProducerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
