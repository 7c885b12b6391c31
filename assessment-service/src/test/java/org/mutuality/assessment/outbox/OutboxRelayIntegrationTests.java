package org.mutuality.assessment.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.assessment.TopicReader;
import org.mutuality.platform.test.infra.kafka.KafkaServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay against a real broker and real PostgreSQL: nothing is lost while Kafka is away,
 * and two relays working the same table publish every event exactly once.
 */
@TestPropertySource(properties = { "mutuality.assessment.events.topic=" + OutboxRelayIntegrationTests.TOPIC,
		"mutuality.outbox.max-backoff=1s", "mutuality.outbox.send-timeout=15s", "mutuality.outbox.batch-size=50",
		"spring.kafka.producer.properties.max.block.ms=2000",
		"spring.kafka.producer.properties.request.timeout.ms=2000",
		"spring.kafka.producer.properties.delivery.timeout.ms=8000" })
class OutboxRelayIntegrationTests extends AssessmentIntegrationTestSupport {

	static final String TOPIC = "assessment.completed.v1.relay-tests";

	@Autowired
	private KafkaServer kafka;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxRelay relay;

	@Autowired
	private OutboxRepository repository;

	@Autowired
	private OutboxProperties properties;

	@Autowired
	private KafkaProperties kafkaProperties;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void keepsTakingSubmissionsWhileKafkaIsDownAndPublishesEachExactlyOnceWhenItReturns() {
		UUID client = UUID.randomUUID();
		String token = newClientToken(client);
		Set<String> submissionIds = new HashSet<>();
		this.kafka.stop();
		try {
			for (int i = 0; i < 50; i++) {
				TestHttp.Response response = this.http.post("/api/assessments/gad-7/submissions", gad7(i % 4), token);
				assertThat(response.status()).as(response.body()).isEqualTo(201);
				submissionIds.add(response.json().path("id").asString());
			}
			assertThat(pendingFor(client)).isEqualTo(50);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.meters.get("outbox.events.pending").gauge().value())
					.isGreaterThanOrEqualTo(50));
			assertThat(this.meters.get("outbox.events.oldest.pending.age").timeGauge().value()).isPositive();
		}
		finally {
			this.kafka.start();
		}

		await().atMost(Duration.ofSeconds(90)).until(() -> pendingFor(client) == 0);
		try (TopicReader reader = new TopicReader(this.kafka.bootstrapServers(), TOPIC)) {
			List<ConsumerRecord<String, byte[]>> events = reader.readToEnd()
				.stream()
				.filter((record) -> client.toString().equals(record.key()))
				.toList();
			assertThat(events).hasSize(50);
			assertThat(events.stream().map((record) -> TopicReader.headers(record).get("ce_id")).distinct())
				.hasSize(50);
			assertThat(events.stream()
				.map((record) -> new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
				.map((json) -> json.replaceAll(".*\"submissionId\": ?\"([^\"]+)\".*", "$1"))
				.collect(Collectors.toSet())).isEqualTo(submissionIds);
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.meters.get("outbox.events.pending").gauge().value()).isZero());
	}

	@Test
	void twoRelaysPublishEveryEventOnce() {
		DefaultKafkaProducerFactory<String, byte[]> producer = (DefaultKafkaProducerFactory<String, byte[]>) new OutboxConfiguration()
			.outboxProducerFactory(this.kafkaProperties);
		OutboxRelay second = new OutboxRelay(this.repository, new KafkaTemplate<>(producer),
				new TransactionTemplate(this.transactionManager), this.properties, Clock.systemUTC(),
				new SimpleMeterRegistry());
		second.start();
		String key = "relay-test-" + UUID.randomUUID();
		int count = 600;
		try {
			TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
			for (int batch = 0; batch < count / 50; batch++) {
				transactions.executeWithoutResult((status) -> {
					for (int i = 0; i < 50; i++) {
						this.outbox.append(TOPIC, key, "org.mutuality.test.v1", Map.of("n", i));
					}
				});
			}
			await().atMost(Duration.ofSeconds(90)).until(() -> pendingForKey(key) == 0);
		}
		finally {
			second.stop();
			producer.destroy();
		}
		try (TopicReader reader = new TopicReader(this.kafka.bootstrapServers(), TOPIC)) {
			List<ConsumerRecord<String, byte[]>> events = reader.readToEnd()
				.stream()
				.filter((record) -> key.equals(record.key()))
				.toList();
			assertThat(events).hasSize(count);
			assertThat(events.stream().map((record) -> TopicReader.headers(record).get("ce_id")).distinct())
				.hasSize(count);
		}
	}

	@Test
	void skipsEventsThatAnotherRelayHoldsAndTakesThemOverWhenThatRelayDies() throws Exception {
		this.relay.stop();
		DefaultKafkaProducerFactory<String, byte[]> producer = (DefaultKafkaProducerFactory<String, byte[]>) new OutboxConfiguration()
			.outboxProducerFactory(this.kafkaProperties);
		OutboxRelay other = new OutboxRelay(this.repository, new KafkaTemplate<>(producer),
				new TransactionTemplate(this.transactionManager), this.properties, Clock.systemUTC(),
				new SimpleMeterRegistry());
		String key = "claim-test-" + UUID.randomUUID();
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			transactions.executeWithoutResult((status) -> {
				for (int i = 0; i < 10; i++) {
					this.outbox.append(TOPIC, key, "org.mutuality.test.v1", Map.of("n", i));
				}
			});
			CompletableFuture<Integer> dyingRelay = CompletableFuture.supplyAsync(() -> transactions.execute((status) -> {
				int held = this.repository.claimPending(4, Instant.now()).size();
				claimed.countDown();
				awaitLatch(release);
				status.setRollbackOnly();
				return held;
			}));
			assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

			OutboxRelay.BatchResult first = other.publishBatch();
			assertThat(first.claimed()).isEqualTo(6);
			assertThat(first.published()).isEqualTo(6);
			assertThat(pendingForKey(key)).isEqualTo(4);

			release.countDown();
			assertThat(dyingRelay.get(30, TimeUnit.SECONDS)).isEqualTo(4);
			OutboxRelay.BatchResult second = other.publishBatch();
			assertThat(second.claimed()).isEqualTo(4);
			assertThat(second.published()).isEqualTo(4);
			assertThat(pendingForKey(key)).isZero();
		}
		finally {
			release.countDown();
			producer.destroy();
			this.relay.start();
		}
		try (TopicReader reader = new TopicReader(this.kafka.bootstrapServers(), TOPIC)) {
			List<ConsumerRecord<String, byte[]>> events = reader.readToEnd()
				.stream()
				.filter((record) -> key.equals(record.key()))
				.toList();
			assertThat(events).hasSize(10);
			assertThat(events.stream().map((record) -> TopicReader.headers(record).get("ce_id")).distinct()).hasSize(10);
		}
	}

	@Test
	void anEventKafkaRefusesDoesNotHoldBackTheEventsQueuedAfterIt() {
		this.relay.stop();
		DefaultKafkaProducerFactory<String, byte[]> producer = (DefaultKafkaProducerFactory<String, byte[]>) new OutboxConfiguration()
			.outboxProducerFactory(this.kafkaProperties);
		// polls often and could back off for half a minute: a relay that backed off for every failed round would,
		// after the refused event's tenth attempt, wait 5 s before it looked at the next event
		OutboxProperties quick = new OutboxProperties(true, this.properties.source(), 50, Duration.ofMillis(10),
				Duration.ofSeconds(30), Duration.ofSeconds(15), this.properties.retention(), Duration.ofHours(1));
		OutboxRelay other = new OutboxRelay(this.repository, new KafkaTemplate<>(producer),
				new TransactionTemplate(this.transactionManager), quick, Clock.systemUTC(), new SimpleMeterRegistry());
		String tooLarge = "too-large-" + UUID.randomUUID();
		String next = "after-too-large-" + UUID.randomUUID();
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		try {
			// more than the producer's max.request.size (1 MiB): Kafka refuses the record for what it is
			String megabytes = String.join("", Collections.nCopies(40_000, UUID.randomUUID().toString()));
			transactions.executeWithoutResult(
					(status) -> this.outbox.append(TOPIC, tooLarge, "org.mutuality.test.v1", Map.of("text", megabytes)));
			other.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> attempts(tooLarge) >= 10);

			transactions.executeWithoutResult(
					(status) -> this.outbox.append(TOPIC, next, "org.mutuality.test.v1", Map.of("n", 1)));
			await().atMost(Duration.ofSeconds(2)).until(() -> pendingForKey(next) == 0);

			assertThat(pendingForKey(tooLarge)).isEqualTo(1);
			Map<String, Object> refused = this.jdbc
				.sql("select last_error, retry_at > now() as later from outbox_events where event_key = :key")
				.param("key", tooLarge)
				.query()
				.singleRow();
			assertThat((String) refused.get("last_error")).startsWith("RecordTooLargeException");
			assertThat(refused.get("later")).isEqualTo(true);
		}
		finally {
			other.stop();
			producer.destroy();
			this.jdbc.sql("delete from outbox_events where event_key = :key").param("key", tooLarge).update();
			this.relay.start();
		}
	}

	@Test
	void aKeysLaterEventsWaitWhileAnEarlierOneWaitsForItsNextAttempt() {
		this.relay.stop();
		String key = "order-" + UUID.randomUUID();
		String other = "order-other-" + UUID.randomUUID();
		Instant now = Instant.now();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID unrelated = UUID.randomUUID();
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		try {
			transactions.executeWithoutResult((status) -> {
				this.repository.insert(first, TOPIC, key, "org.mutuality.test.v1", "{}", now.minusSeconds(3),
						TraceContextHeaders.NONE);
				this.repository.insert(second, TOPIC, key, "org.mutuality.test.v1", "{}", now.minusSeconds(2),
						TraceContextHeaders.NONE);
				this.repository.insert(unrelated, TOPIC, other, "org.mutuality.test.v1", "{}", now.minusSeconds(1),
						TraceContextHeaders.NONE);
				this.repository.markFailed(first, "RecordTooLargeException: too large", now, Duration.ofMinutes(1),
						Duration.ofMinutes(1));
			});

			assertThat(claimedIds(now)).contains(unrelated).doesNotContain(first, second);
			List<UUID> later = claimedIds(now.plus(Duration.ofMinutes(2)));
			assertThat(later).contains(first, second, unrelated);
			assertThat(later.indexOf(first)).isLessThan(later.indexOf(second));
		}
		finally {
			this.jdbc.sql("delete from outbox_events where event_key in (:keys)")
				.param("keys", List.of(key, other))
				.update();
			this.relay.start();
		}
	}

	/** The ids a relay would claim at the instant, in order; nothing is sent (the transaction rolls back). */
	private List<UUID> claimedIds(Instant now) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> {
			status.setRollbackOnly();
			return this.repository.claimPending(1000, now).stream().map(PendingEvent::id).toList();
		});
	}

	private int attempts(String key) {
		return this.jdbc.sql("select attempts from outbox_events where event_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long pendingFor(UUID client) {
		return pendingForKey(client.toString());
	}

	private long pendingForKey(String key) {
		return this.jdbc.sql("select count(*) from outbox_events where event_key = :key and published_at is null")
			.param("key", key)
			.query(Long.class)
			.single();
	}

}
