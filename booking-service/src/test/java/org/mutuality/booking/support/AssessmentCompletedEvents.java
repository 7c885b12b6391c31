package org.mutuality.booking.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records of {@code assessment.completed.v1} as assessment-service sends them: keyed by the client, the data as
 * JSON, and the CloudEvents binary-mode headers ({@code ce_specversion}, {@code ce_id}, {@code ce_source},
 * {@code ce_type}, {@code ce_time}, {@code content-type}). A test that means to send an unreadable record starts
 * from one of these and breaks it in plain sight.
 */
public final class AssessmentCompletedEvents {

	/** The topic booking-service reads unless configured otherwise. */
	public static final String TOPIC = "assessment.completed.v1";

	private AssessmentCompletedEvents() {
	}

	/** A record of the event on {@link #TOPIC}. */
	public static ProducerRecord<String, String> record(UUID client, String eventId, String data) {
		return record(TOPIC, client, eventId, data);
	}

	/** A record of the event on the topic, its value the data as given. */
	public static ProducerRecord<String, String> record(String topic, UUID client, String eventId, String data) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, client.toString(), data);
		header(record, "ce_specversion", "1.0");
		header(record, "ce_id", eventId);
		header(record, "ce_source", "/assessment-service");
		header(record, "ce_type", "org.mutuality.assessment.completed.v1");
		header(record, "ce_time", Instant.now().toString());
		header(record, "content-type", "application/json");
		return record;
	}

	/**
	 * The data of a PHQ-9 the client completed (a moderate score, consent to contact given), in the order
	 * assessment-service writes it; a test changes what it is about before writing it as JSON.
	 */
	public static Map<String, Object> data(UUID client, String recommendation, List<String> riskFlags) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("submissionId", UUID.randomUUID().toString());
		data.put("assessmentId", "phq-9");
		data.put("assessmentVersion", 1);
		data.put("clientId", client.toString());
		data.put("clientName", "Test Client");
		data.put("clientEmail", "client@mutuality.test");
		data.put("totalScore", 14);
		data.put("bandCode", "MODERATE");
		data.put("riskFlags", riskFlags);
		data.put("recommendation", recommendation);
		data.put("consentToContact", true);
		data.put("completedAt", Instant.now().toString());
		return data;
	}

	/** A producer to the broker that waits for every replica to have a record. */
	public static KafkaProducer<String, String> producer(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
	}

	/** Adds a header with the text in UTF-8. */
	public static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
