package org.mutuality.booking.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mutuality.booking.followups.AssessmentCompleted;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading {@code assessment.completed.v1} records: CloudEvents binary headers and lenient JSON data,
 * with everything a follow-up needs required.
 */
class AssessmentCompletedReaderTests {

	private static final UUID CLIENT = UUID.fromString("2f4e3c1a-0d6b-4c8e-9a51-7c3d0e1a0001");

	private final AssessmentCompletedReader reader = new AssessmentCompletedReader(JsonMapper.builder().build());

	@Test
	void readsTheEventIdFromTheHeaderAndTheDataFromTheValue() {
		AssessmentCompleted event = this.reader.read(record("event-1", """
				{"submissionId": "7b1c", "assessmentId": "phq-9", "assessmentVersion": 1,
				 "clientId": "%s", "clientName": "Alex Morgan", "clientEmail": "a@x.test", "totalScore": 21,
				 "bandCode": "SEVERE", "riskFlags": ["SELF_HARM_RISK"], "recommendation": "URGENT_SUPPORT",
				 "recommendationMessage": "Call", "consentToContact": true, "completedAt": "2026-11-22T10:00:00Z",
				 "somethingNew": 1}""".formatted(CLIENT)));

		assertThat(event.eventId()).isEqualTo("event-1");
		assertThat(event.clientId()).isEqualTo(CLIENT);
		assertThat(event.totalScore()).isEqualTo(21);
		assertThat(event.riskFlags()).containsExactly("SELF_HARM_RISK");
		assertThat(event.recommendation()).isEqualTo("URGENT_SUPPORT");
		assertThat(event.needsFollowUp()).isTrue();
		assertThat(event.clientEmail()).isEqualTo("a@x.test");
		assertThat(event.consentToContact()).isTrue();
	}

	@Test
	void acceptsARecommendationObject() {
		AssessmentCompleted event = this.reader.read(record("event-2", """
				{"submissionId": "s", "assessmentId": "gad-7", "clientId": "%s",
				 "recommendation": {"kind": "SELF_GUIDED", "message": "Read on"}}""".formatted(CLIENT)));

		assertThat(event.recommendation()).isEqualTo("SELF_GUIDED");
		assertThat(event.needsFollowUp()).isFalse();
		assertThat(event.riskFlags()).isEmpty();
		// no consent given is no consent
		assertThat(event.consentToContact()).isFalse();
		assertThat(event.clientEmail()).isNull();
	}

	@Test
	void takesTheClientsNameAsOnePlainLineThatFitsItsColumn() {
		AssessmentCompleted event = this.reader.read(record("event-3", "{\"submissionId\": \"s\", "
				+ "\"assessmentId\": \"gad-7\", \"clientId\": \"" + CLIENT + "\", \"clientName\": \"Alex\\u000b"
				+ "Morgan ".repeat(40) + "\", \"recommendation\": \"BOOK_FREE_CONSULTATION\"}"));

		assertThat(event.clientName()).hasSize(200).startsWith("Alex Morgan Morgan");
	}

	@Test
	void refusesIdsLongerThanTheFollowUpsColumns() {
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.reader.read(record("e",
				"{\"submissionId\": \"" + "s".repeat(101) + "\", \"assessmentId\": \"gad-7\", \"clientId\": \""
						+ CLIENT + "\", \"recommendation\": \"BOOK_FREE_CONSULTATION\"}")));
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.reader.read(record("e",
				"{\"submissionId\": \"s\", \"assessmentId\": \"gad-7\", \"clientId\": \"" + CLIENT
						+ "\", \"bandCode\": \"" + "B".repeat(101) + "\", \"recommendation\": \"URGENT_SUPPORT\"}")));
	}

	@Test
	void refusesARecordWithoutEventId() {
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.reader
			.read(new ConsumerRecord<>("t", 0, 0, "k", "{\"submissionId\": \"s\"}")));
	}

	@Test
	void refusesDataThatIsNotJsonOrLacksWhatAFollowUpNeeds() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e", "{ nope")));
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e", "[1, 2]")));
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e", "{\"assessmentId\": \"phq-9\", \"clientId\": \"" + CLIENT
					+ "\", \"recommendation\": \"SELF_GUIDED\"}")));
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.reader.read(record("e",
				"{\"submissionId\": \"s\", \"assessmentId\": \"phq-9\", \"clientId\": \"not-a-uuid\", \"recommendation\": \"SELF_GUIDED\"}")));
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.reader.read(record("e",
				"{\"submissionId\": \"s\", \"assessmentId\": \"phq-9\", \"clientId\": \"" + CLIENT
						+ "\", \"recommendation\": \"SELF_GUIDED\", \"completedAt\": \"yesterday\"}")));
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e", null)));
	}

	private static ConsumerRecord<String, String> record(String eventId, String value) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("assessment.completed.v1", 0, 0,
				CLIENT.toString(), value);
		record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_type", "org.mutuality.assessment.completed.v1".getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
