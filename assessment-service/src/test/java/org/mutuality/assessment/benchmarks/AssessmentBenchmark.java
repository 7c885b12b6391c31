package org.mutuality.assessment.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.platform.test.benchmark.Latencies;
import org.mutuality.platform.test.benchmark.ServiceTime;
import org.mutuality.platform.test.infra.kafka.KafkaServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The bars, measured on this machine and printed, never asserted (a benchmark, not a test:
 * its name keeps it out of {@code verify}). Run it alone:
 * {@code ./mvnw -o -pl assessment-service test -Dtest=AssessmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * <ul>
 * <li>submitting an assessment: latency seen by an HTTP client on the same machine (an upper bound of
 * the time at the service);
 * <li>submission committed to event on the topic: from the 201 answer to the record reaching a
 * consumer that is already polling;
 * <li>a backlog of 10,000 pending events drained by one relay.
 * </ul>
 */
@TestPropertySource(properties = "mutuality.assessment.events.topic=" + AssessmentBenchmark.TOPIC)
class AssessmentBenchmark extends AssessmentIntegrationTestSupport {

	static final String TOPIC = "assessment.completed.v1.benchmark";

	/** Submissions before measuring: each calls the hot methods many times, enough for C2 to compile the path. */
	static final int WARM_UP = 3_000;

	@Autowired
	private KafkaServer kafka;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ServiceTime serviceTime;

	@Test
	void measure() throws Exception {
		String token = newClientToken(UUID.randomUUID());
		Map<String, Long> arrivals = new ConcurrentHashMap<>();
		AtomicBoolean consuming = new AtomicBoolean(true);
		Thread consumer = new Thread(() -> consume(arrivals, consuming), "benchmark-consumer");
		consumer.start();
		try {
			for (int i = 0; i < WARM_UP; i++) {
				submit(token, i);
			}
			this.serviceTime.start();
			int count = 2_000;
			long[] latencies = new long[count];
			Map<String, Long> answered = new ConcurrentHashMap<>();
			for (int i = 0; i < count; i++) {
				long start = System.nanoTime();
				String id = submit(token, i);
				long end = System.nanoTime();
				latencies[i] = end - start;
				answered.put(id, end);
			}
			await().atMost(Duration.ofMinutes(2)).until(() -> arrivals.keySet().containsAll(answered.keySet()));
			long[] eventLatencies = answered.entrySet()
				.stream()
				.mapToLong((entry) -> Math.max(0, arrivals.get(entry.getKey()) - entry.getValue()))
				.toArray();
			long[] atTheService = this.serviceTime.stop();
			report("submit (HTTP round trip)", latencies);
			report("submit (at the service: the servlet filter chain, measured submissions only)", atTheService);
			report("committed -> event consumed", eventLatencies);
		}
		finally {
			consuming.set(false);
			consumer.join();
		}
		drain();
	}

	private void drain() {
		SmartLifecycle relay = (SmartLifecycle) this.context.getBean("outboxRelay");
		relay.stop();
		int backlog = 10_000;
		String payload = "{\"submissionId\":\"" + UUID.randomUUID()
				+ "\",\"assessmentId\":\"phq-9\",\"assessmentVersion\":1,\"clientName\":\"Benchmark Client\","
				+ "\"clientEmail\":\"benchmark@mutuality.test\",\"totalScore\":12,\"bandCode\":\"MODERATE\","
				+ "\"riskFlags\":[],\"recommendation\":\"BOOK_FREE_CONSULTATION\",\"consentToContact\":true}";
		this.jdbc.sql("""
				insert into outbox_events (id, topic, event_key, event_type, payload, created_at)
				select gen_random_uuid(), :topic, 'benchmark-' || (n % 100), 'org.mutuality.assessment.completed.v1',
				       cast(:payload as jsonb), now() + n * interval '1 microsecond'
				from generate_series(1, :backlog) as n
				""").param("topic", TOPIC).param("payload", payload).param("backlog", backlog).update();
		long start = System.nanoTime();
		relay.start();
		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.jdbc.sql("select count(*) from outbox_events where published_at is null")
				.query(Long.class)
				.single() == 0);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("BENCHMARK drain %d pending events: %.2f s = %.0f events/s%n", backlog, seconds,
				backlog / seconds);
	}

	private String submit(String token, int i) {
		String body = "{\"answers\":[" + String.join(",",
				java.util.stream.IntStream.rangeClosed(1, 7)
					.mapToObj((item) -> "{\"itemId\":\"q" + item + "\",\"value\":" + ((item + i) % 4) + "}")
					.toList())
				+ "],\"consentToContact\":true}";
		TestHttp.Response response = this.http.post("/api/assessments/gad-7/submissions", body, token);
		if (response.status() != 201) {
			throw new IllegalStateException(response.status() + " " + response.body());
		}
		return response.json().path("id").asString();
	}

	private void consume(Map<String, Long> arrivals, AtomicBoolean consuming) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers());
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> !consumer.partitionsFor(TOPIC).isEmpty());
			consumer.partitionsFor(TOPIC).forEach((info) -> partitions.add(new TopicPartition(TOPIC, info.partition())));
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			while (consuming.get()) {
				consumer.poll(Duration.ofMillis(20)).forEach((record) -> {
					long now = System.nanoTime();
					String json = new String(record.value(), StandardCharsets.UTF_8);
					int at = json.indexOf("\"submissionId\"");
					if (at >= 0) {
						int start = json.indexOf('"', json.indexOf(':', at) + 1) + 1;
						arrivals.putIfAbsent(json.substring(start, json.indexOf('"', start)), now);
					}
				});
			}
		}
	}

	private static void report(String what, long[] nanos) {
		System.out.println("BENCHMARK " + what + ", " + Latencies.of(nanos).summary());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		/** The submissions' time at the service, for the measured ones only. */
		@Bean
		ServiceTime submissionsAtTheService() {
			return new ServiceTime((request) -> "POST".equals(request.getMethod()));
		}

	}

}
