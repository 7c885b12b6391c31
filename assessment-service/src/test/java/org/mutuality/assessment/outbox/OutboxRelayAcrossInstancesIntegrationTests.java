package org.mutuality.assessment.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentServiceApplication;
import org.mutuality.assessment.TestHttp;
import org.mutuality.assessment.TopicReader;
import org.mutuality.platform.test.infra.Infrastructure;
import org.mutuality.platform.test.infra.postgres.Database;
import org.mutuality.platform.test.security.TestIdentityProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay with two instances of the application, as two replicas run it: two Spring Boot applications in
 * this JVM, each with its own port, connection pool, Kafka producer and relay thread, sharing one PostgreSQL
 * database and one Kafka broker. Every outbox row reaches the topic exactly once, read back with a plain consumer
 * and counted by event id, also when one instance stops while events are flowing.
 */
class OutboxRelayAcrossInstancesIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelayAcrossInstancesIntegrationTests.class);

	private static final String TOPIC = "assessment.completed.v1";

	private static final TestIdentityProvider idp = TestIdentityProvider.shared();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void publishesEverySubmissionOnceWhileTwoInstancesRelay() throws Exception {
		Database database = Infrastructure.postgres().createDatabase("assessment");
		ConfigurableApplicationContext first = start(database, "first", 500);
		ConfigurableApplicationContext second = start(database, "second", 500);
		List<TestHttp> apis = List.of(http(first), http(second));
		List<UUID> clients = IntStream.range(0, 10).mapToObj((i) -> UUID.randomUUID()).toList();
		Map<UUID, String> tokens = clients.stream().collect(Collectors.toMap(Function.identity(), this::clientToken));

		// 50 submissions, half through each instance, four at a time
		int submissions = 50;
		ExecutorService callers = Executors.newFixedThreadPool(4);
		List<CompletableFuture<String>> submitted = new ArrayList<>();
		try {
			for (int i = 0; i < submissions; i++) {
				TestHttp api = apis.get(i % 2);
				String token = tokens.get(clients.get(i % clients.size()));
				String body = gad7(i % 4);
				submitted.add(CompletableFuture.supplyAsync(() -> {
					TestHttp.Response response = api.post("/api/assessments/gad-7/submissions", body, token);
					assertThat(response.status()).as(response.body()).isEqualTo(201);
					return response.json().path("id").asString();
				}, callers));
			}
			CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		finally {
			callers.shutdownNow();
		}
		Set<String> submissionIds = submitted.stream().map(CompletableFuture::join).collect(Collectors.toSet());
		assertThat(submissionIds).hasSize(submissions);

		JdbcClient jdbc = first.getBean(JdbcClient.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(jdbc) == 0);
		Set<String> outboxIds = publishedOnce(jdbc, submissions);

		List<ConsumerRecord<String, byte[]>> events = readTopic(
				clients.stream().map(UUID::toString).collect(Collectors.toSet()));
		assertThat(countByEventId(events)).as("records per event id").containsOnlyKeys(outboxIds).allSatisfy(
				(id, count) -> assertThat(count).as("records of event %s", id).isOne());
		assertThat(events.stream()
			.map((record) -> new String(record.value(), StandardCharsets.UTF_8))
			.map((json) -> json.replaceAll(".*\"submissionId\": ?\"([^\"]+)\".*", "$1"))
			.collect(Collectors.toSet())).isEqualTo(submissionIds);
		double byFirst = publishedCounter(first).count();
		double bySecond = publishedCounter(second).count();
		assertThat(byFirst + bySecond).isEqualTo(submissions);
		logger.info("Two relays published {} submissions: {} by the first, {} by the second", submissions,
				(long) byFirst, (long) bySecond);
	}

	@Test
	void keepsRelayingEveryEventOnceWhenOneInstanceStopsMidway() throws Exception {
		Database database = Infrastructure.postgres().createDatabase("assessment");
		// small batches, so that both relays take turns at a backlog rather than one taking it all at once
		ConfigurableApplicationContext first = start(database, "first", 10);
		ConfigurableApplicationContext second = start(database, "second", 10);
		Outbox outbox = second.getBean(Outbox.class);
		TransactionTemplate transactions = new TransactionTemplate(second.getBean(PlatformTransactionManager.class));
		JdbcClient jdbc = second.getBean(JdbcClient.class);
		String key = "scale-out-" + UUID.randomUUID();
		Counter firstPublished = publishedCounter(first);
		Counter secondPublished = publishedCounter(second);

		// events keep coming (ten per transaction, through the second instance) while the first one stops
		AtomicInteger appended = new AtomicInteger();
		AtomicBoolean firstStopped = new AtomicBoolean();
		int feedLimit = 3000;
		CompletableFuture<Void> feeder = CompletableFuture.runAsync(() -> {
			while (!firstStopped.get() && appended.get() < feedLimit) {
				append(transactions, outbox, key, 10);
				appended.addAndGet(10);
			}
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> firstPublished.count() >= 100 || feeder.isDone());
		assertThat(feeder).as("the first relay published too little before the feed ended").isNotDone();
		first.close();
		firstStopped.set(true);
		long pendingAtStop = pendingFor(jdbc, key);
		double byFirst = firstPublished.count();
		feeder.get(30, TimeUnit.SECONDS);

		// after the stop, only the second instance relays
		append(transactions, outbox, key, 200);
		int total = appended.get() + 200;
		await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(jdbc, key) == 0);

		Set<String> outboxIds = publishedOnce(jdbc, total);
		List<ConsumerRecord<String, byte[]>> events = readTopic(Set.of(key));
		assertThat(countByEventId(events)).as("records per event id").containsOnlyKeys(outboxIds).allSatisfy(
				(id, count) -> assertThat(count).as("records of event %s", id).isOne());
		assertThat(firstPublished.count()).as("published by the first instance after it stopped").isEqualTo(byFirst);
		assertThat(byFirst).isPositive();
		assertThat(byFirst + secondPublished.count()).isEqualTo(total);
		logger.info("{} events relayed once each: {} by the first instance before it stopped ({} were pending then), "
				+ "{} by the second", total, (long) byFirst, pendingAtStop, (long) secondPublished.count());
	}

	/** Starts an instance; its relay and request threads log under its name. */
	private ConfigurableApplicationContext start(Database database, String name, int batchSize) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AssessmentServiceApplication.class)
			.main(AssessmentServiceApplication.class)
			.run(
				"--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.kafka.bootstrap-servers=" + Infrastructure.kafka().bootstrapServers(),
				"--spring.kafka.producer.client-id=" + name + "-outbox",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + idp.issuerUri(),
				"--spring.security.oauth2.resourceserver.jwt.audiences=" + TestIdentityProvider.AUDIENCE,
				"--mutuality.outbox.batch-size=" + batchSize, "--mutuality.outbox.max-backoff=1s",
				"--mutuality.outbox.send-timeout=15s", "--logging.level.org.apache.kafka=WARN",
				"--logging.level.kafka=WARN", "--spring.main.banner-mode=off");
		this.instances.add(context);
		return context;
	}

	private static TestHttp http(ConfigurableApplicationContext context) {
		return new TestHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	private static Counter publishedCounter(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class).get("outbox.events.published").counter();
	}

	private static void append(TransactionTemplate transactions, Outbox outbox, String key, int count) {
		transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < count; i++) {
				outbox.append(TOPIC, key, "org.mutuality.test.v1", Map.of("n", i));
			}
		});
	}

	/**
	 * Asserts that the outbox holds the expected number of events, each published and marked so once (a relay counts
	 * an attempt each time it marks an event), and answers their ids.
	 */
	private static Set<String> publishedOnce(JdbcClient jdbc, int expected) {
		List<Map<String, Object>> rows = jdbc.sql("select id, attempts, published_at from outbox_events")
			.query()
			.listOfRows();
		assertThat(rows).hasSize(expected).allSatisfy((row) -> {
			assertThat(row.get("published_at")).isNotNull();
			assertThat(row.get("attempts")).isEqualTo(1);
		});
		return rows.stream().map((row) -> row.get("id").toString()).collect(Collectors.toSet());
	}

	private static long pending(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from outbox_events where published_at is null").query(Long.class).single();
	}

	private static long pendingFor(JdbcClient jdbc, String key) {
		return jdbc.sql("select count(*) from outbox_events where event_key = :key and published_at is null")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	/** Everything on the topic with one of the keys, read to its end by a plain consumer. */
	private static List<ConsumerRecord<String, byte[]>> readTopic(Set<String> keys) {
		try (TopicReader reader = new TopicReader(Infrastructure.kafka().bootstrapServers(), TOPIC)) {
			return reader.readToEnd().stream().filter((record) -> keys.contains(record.key())).toList();
		}
	}

	private static Map<String, Long> countByEventId(List<ConsumerRecord<String, byte[]>> events) {
		return events.stream()
			.collect(Collectors.groupingBy((record) -> TopicReader.headers(record).get("ce_id"), Collectors.counting()));
	}

	private String clientToken(UUID id) {
		return idp.token()
			.subject(id.toString())
			.username("client-" + id)
			.email("client-" + id + "@mutuality.test")
			.name("Client " + id.toString().substring(0, 8))
			.roles("client")
			.build();
	}

	/** A GAD-7 body with every item answered with {@code value}. */
	private static String gad7(int value) {
		String answers = IntStream.rangeClosed(1, 7)
			.mapToObj((item) -> "{\"itemId\":\"q" + item + "\",\"value\":" + value + "}")
			.collect(Collectors.joining(","));
		return "{\"answers\":[" + answers + "],\"consentToContact\":false}";
	}

}
