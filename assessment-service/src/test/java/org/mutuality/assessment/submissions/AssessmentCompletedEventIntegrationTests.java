package org.mutuality.assessment.submissions;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.assessment.TopicReader;
import org.mutuality.platform.test.infra.kafka.KafkaServer;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code assessment.completed.v1} event as a consumer sees it on a real broker: key, CloudEvents
 * binary-mode headers exactly as API.md lists them, and the data.
 */
@TestPropertySource(properties = "mutuality.assessment.events.topic=" + AssessmentCompletedEventIntegrationTests.TOPIC)
class AssessmentCompletedEventIntegrationTests extends AssessmentIntegrationTestSupport {

	static final String TOPIC = "assessment.completed.v1.event-tests";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private KafkaServer kafka;

	@Test
	void publishesTheEventWithCloudEventsBinaryHeadersKeyedByClient() {
		DemoAccount client = DemoAccount.CLIENT2;
		TestHttp.Response response = this.http.post("/api/assessments/phq-9/submissions", phq9(2, 1),
				tokenFor(client));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode submission = response.json();
		String submissionId = submission.path("id").asString();

		try (TopicReader reader = new TopicReader(this.kafka.bootstrapServers(), TOPIC)) {
			ConsumerRecord<String, byte[]> record = reader.awaitRecord(
					(candidate) -> json.readTree(candidate.value()).path("submissionId").asString().equals(submissionId));

			assertThat(record.key()).isEqualTo(client.id());
			Map<String, String> headers = TopicReader.headers(record);
			assertThat(headers).containsEntry("ce_specversion", "1.0")
				.containsEntry("ce_source", "/assessment-service")
				.containsEntry("ce_type", "org.mutuality.assessment.completed.v1")
				.containsEntry("content-type", "application/json")
				.containsKeys("ce_id", "ce_time");
			assertThat(UUID.fromString(headers.get("ce_id"))).isNotNull();
			assertThat(OffsetDateTime.parse(headers.get("ce_time")).getOffset().getTotalSeconds()).isZero();

			JsonNode data = json.readTree(record.value());
			assertThat(data.path("submissionId").asString()).isEqualTo(submissionId);
			assertThat(data.path("assessmentId").asString()).isEqualTo("phq-9");
			assertThat(data.path("assessmentVersion").asInt()).isEqualTo(1);
			assertThat(data.path("clientId").asString()).isEqualTo(client.id());
			assertThat(data.path("clientName").asString()).isEqualTo(client.displayName());
			assertThat(data.path("clientEmail").asString()).isEqualTo(client.email());
			assertThat(data.path("totalScore").asInt()).isEqualTo(17);
			assertThat(data.path("bandCode").asString()).isEqualTo("MODERATELY_SEVERE");
			assertThat(data.path("riskFlags").get(0).asString()).isEqualTo("SELF_HARM_RISK");
			assertThat(data.path("riskFlags")).hasSize(1);
			assertThat(data.path("recommendation").asString()).isEqualTo("URGENT_SUPPORT");
			assertThat(data.path("consentToContact").asBoolean()).isTrue();
			assertThat(data.path("completedAt").asString()).isEqualTo(submission.path("submittedAt").asString());

			CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
			assertThat(event.getId()).isEqualTo(headers.get("ce_id"));
			assertThat(event.getType()).isEqualTo("org.mutuality.assessment.completed.v1");
			assertThat(event.getDataContentType()).isEqualTo("application/json");
		}
	}

}
