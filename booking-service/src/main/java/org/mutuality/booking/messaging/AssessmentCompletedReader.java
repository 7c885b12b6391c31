package org.mutuality.booking.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.mutuality.booking.followups.AssessmentCompleted;
import org.mutuality.platform.security.CurrentUser;
import org.mutuality.platform.text.PlainLine;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an {@code assessment.completed.v1} record (API.md, Events): CloudEvents binary mode, so the
 * event id is the {@code ce_id} header and the value is the event's JSON data. The data is read
 * leniently (unknown fields ignored, {@code recommendation} as a kind or as {@code {"kind"}}) but
 * what a follow-up needs must be there; otherwise the record is unreadable.
 */
final class AssessmentCompletedReader {

	static final String ID = "ce_id";

	static final String TYPE = "ce_type";

	/** The length of the follow-up's columns for the event's ids and band code. */
	private static final int ID_LENGTH = 100;

	private final JsonMapper json;

	AssessmentCompletedReader(JsonMapper json) {
		this.json = json;
	}

	/** The CloudEvents type of the record, or {@code null} when it has none. */
	static String type(ConsumerRecord<?, ?> record) {
		return header(record, TYPE);
	}

	AssessmentCompleted read(ConsumerRecord<String, String> record) {
		String eventId = header(record, ID);
		if (eventId == null || eventId.isBlank() || eventId.length() > 200) {
			throw new UnreadableEventException("The record has no valid ce_id header");
		}
		if (record.value() == null) {
			throw new UnreadableEventException("Event " + eventId + " has no data");
		}
		JsonNode data;
		try {
			data = this.json.readTree(record.value());
		}
		catch (JacksonException ex) {
			throw new UnreadableEventException("Event " + eventId + " is not JSON", ex);
		}
		if (data == null || !data.isObject()) {
			throw new UnreadableEventException("Event " + eventId + " is not a JSON object");
		}
		try {
			JsonNode recommendation = data.path("recommendation");
			String kind = recommendation.isObject() ? text(recommendation, "kind") : text(data, "recommendation");
			List<String> riskFlags = new ArrayList<>();
			data.path("riskFlags").valueStream().forEach((flag) -> riskFlags.add(flag.asString()));
			return new AssessmentCompleted(eventId, required(data, "submissionId", ID_LENGTH),
					required(data, "assessmentId", ID_LENGTH), UUID.fromString(required(data, "clientId", ID_LENGTH)),
					PlainLine.of(text(data, "clientName"), CurrentUser.MAX_NAME_LENGTH),
					data.path("totalScore").isNumber() ? data.path("totalScore").asInt() : null,
					bounded("bandCode", text(data, "bandCode"), ID_LENGTH), riskFlags,
					requireValue("recommendation", kind), instant(text(data, "completedAt")), text(data, "clientEmail"),
					data.path("consentToContact").asBoolean(false));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new UnreadableEventException("Event " + eventId + " has invalid data: " + ex.getMessage(), ex);
		}
	}

	private static String required(JsonNode data, String field, int maxLength) {
		return bounded(field, requireValue(field, text(data, field)), maxLength);
	}

	/** An id longer than its column is not one the assessment service sends; the record is unreadable. */
	private static String bounded(String field, String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
		}
		return value;
	}

	private static String requireValue(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is missing");
		}
		return value;
	}

	private static String text(JsonNode data, String field) {
		JsonNode node = data.path(field);
		return (node.isString() || node.isNumber()) ? node.asString() : null;
	}

	private static Instant instant(String text) {
		return (text != null) ? Instant.parse(text) : null;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
