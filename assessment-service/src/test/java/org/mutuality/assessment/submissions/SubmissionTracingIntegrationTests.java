package org.mutuality.assessment.submissions;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.assessment.TopicReader;
import org.mutuality.platform.test.infra.kafka.KafkaServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A submission's trace crosses Kafka: the W3C {@code traceparent} of the request travels with the outbox row and
 * reaches the {@code assessment.completed.v1} record read back from a real broker (next to the unchanged
 * CloudEvents headers), so that a consumer continues the same trace; the service's log lines carry its trace id.
 * The consumer here is set up as booking-service's must be: a {@code @KafkaListener} with
 * {@code spring.kafka.listener.observation-enabled=true}.
 */
@TestPropertySource(properties = { "mutuality.assessment.events.topic=" + SubmissionTracingIntegrationTests.TOPIC,
		"logging.level.org.mutuality.assessment.submissions=DEBUG", "spring.kafka.listener.observation-enabled=true",
		"spring.kafka.consumer.auto-offset-reset=earliest" })
@Import(SubmissionTracingIntegrationTests.Consumer.class)
@ExtendWith(OutputCaptureExtension.class)
class SubmissionTracingIntegrationTests extends AssessmentIntegrationTestSupport {

	static final String TOPIC = "assessment.completed.v1.tracing-tests";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final SecureRandom random = new SecureRandom();

	@Autowired
	private KafkaServer kafka;

	@Autowired
	private TracedConsumer consumer;

	@Test
	void carriesTheTraceOfTheSubmittingRequestOntoTheKafkaRecord(CapturedOutput output) {
		String traceId = hex(16);
		String callerSpanId = hex(8);
		TestHttp.Response response = this.http.post("/api/assessments/gad-7/submissions", gad7(2),
				newClientToken(UUID.randomUUID()), Map.of("traceparent", "00-" + traceId + "-" + callerSpanId + "-01"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String submissionId = response.json().path("id").asString();

		Map<String, String> headers = TopicReader.headers(recordOf(submissionId));

		assertThat(headers.get("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
			.doesNotContain(callerSpanId);
		assertThat(headers).containsEntry("ce_specversion", "1.0")
			.containsEntry("ce_source", "/assessment-service")
			.containsEntry("ce_type", "org.mutuality.assessment.completed.v1")
			.containsEntry("content-type", "application/json")
			.containsKeys("ce_id", "ce_time");
		assertThat(output.getOut().lines().filter((line) -> line.contains("Stored submission " + submissionId)))
			.singleElement()
			.asString()
			.contains(traceId);
		String consumerTraceId = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.consumer.traceIds.get(submissionId), (found) -> found != null);
		assertThat(consumerTraceId).isEqualTo(traceId);
	}

	@Test
	void startsATraceOfItsOwnForASubmissionThatCarriesNone() {
		TestHttp.Response response = this.http.post("/api/assessments/gad-7/submissions", gad7(0),
				newClientToken(UUID.randomUUID()));
		assertThat(response.status()).as(response.body()).isEqualTo(201);

		Map<String, String> headers = TopicReader.headers(recordOf(response.json().path("id").asString()));

		// flags 01: sampled; 03: sampled, with a random trace id (W3C Trace Context level 2)
		assertThat(headers.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]")
			.doesNotStartWith("00-00000000000000000000000000000000");
		assertThat(headers).containsEntry("ce_type", "org.mutuality.assessment.completed.v1");
	}

	private ConsumerRecord<String, byte[]> recordOf(String submissionId) {
		try (TopicReader reader = new TopicReader(this.kafka.bootstrapServers(), TOPIC)) {
			return reader.awaitRecord(
					(candidate) -> json.readTree(candidate.value()).path("submissionId").asString().equals(submissionId));
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Consumer {

		@Bean
		TracedConsumer tracedConsumer(Tracer tracer) {
			return new TracedConsumer(tracer);
		}

	}

	/** A consumer of the events that notes the trace each one was handled in, by submission id. */
	static class TracedConsumer {

		private final Map<String, String> traceIds = new ConcurrentHashMap<>();

		private final Tracer tracer;

		TracedConsumer(Tracer tracer) {
			this.tracer = tracer;
		}

		@KafkaListener(topics = TOPIC, groupId = "tracing-tests")
		void onEvent(ConsumerRecord<String, String> record) {
			String submissionId = json.readTree(record.value()).path("submissionId").asString();
			this.traceIds.put(submissionId, this.tracer.currentSpan().context().traceId());
		}

	}

	private static String hex(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

}
