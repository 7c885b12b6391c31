package org.mutuality.booking.messaging;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mutuality.booking.support.AssessmentCompletedEvents;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The follow-up listener continues the trace of the submission that caused the event: a record of
 * {@code assessment.completed.v1} carrying a W3C {@code traceparent} (as assessment-service's outbox relay puts it
 * there) is handled in a child span of that same trace, so the follow-up's log line carries the submission's trace
 * id; a record without one is handled in a trace of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class AssessmentCompletedTracingIntegrationTests extends BookingServiceIntegrationTest {

	private static final SecureRandom random = new SecureRandom();

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void makesTheFollowUpInTheTraceOfTheSubmission(CapturedOutput output) throws Exception {
		String traceId = hex(16);
		String producerSpanId = hex(8);
		String eventId = UUID.randomUUID().toString();

		send(eventId, "00-" + traceId + "-" + producerSpanId + "-01");

		String line = awaitFollowUpLine(output, eventId);
		assertThat(line).contains(traceId).doesNotContain(producerSpanId);
		assertThat(followUpsOf(eventId)).isEqualTo(1);
	}

	@Test
	void startsATraceOfItsOwnForARecordWithoutTraceparent(CapturedOutput output) throws Exception {
		String eventId = UUID.randomUUID().toString();

		send(eventId, null);

		// [traceId-spanId] of a trace the listener started
		assertThat(awaitFollowUpLine(output, eventId)).containsPattern("\\[[0-9a-f]{32}-[0-9a-f]{16}]")
			.doesNotContain("[00000000000000000000000000000000-");
	}

	private String awaitFollowUpLine(CapturedOutput output, String eventId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> output.getOut()
				.lines()
				.filter((line) -> line.contains("made of event " + eventId))
				.findFirst()
				.orElse(null), (line) -> line != null);
	}

	private void send(String eventId, String traceparent) throws Exception {
		UUID client = UUID.randomUUID();
		try (KafkaProducer<String, String> producer = AssessmentCompletedEvents.producer(this.bootstrapServers)) {
			ProducerRecord<String, String> record = AssessmentCompletedEvents.record(client, eventId, data(client));
			if (traceparent != null) {
				AssessmentCompletedEvents.header(record, "traceparent", traceparent);
			}
			producer.send(record).get();
		}
	}

	private static String data(UUID client) {
		Map<String, Object> data = AssessmentCompletedEvents.data(client, "BOOK_FREE_CONSULTATION", List.of());
		data.put("clientName", "Traced Client");
		data.remove("clientEmail");
		data.put("consentToContact", false);
		return Http.json(data);
	}

	private long followUpsOf(String eventId) {
		return this.jdbc.sql("select count(*) from follow_ups where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single();
	}

	private static String hex(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

}
