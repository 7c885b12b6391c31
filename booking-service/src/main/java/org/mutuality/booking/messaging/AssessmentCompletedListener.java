package org.mutuality.booking.messaging;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mutuality.booking.followups.AssessmentCompleted;
import org.mutuality.booking.followups.FollowUpService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code assessment.completed.v1} and hands each event to the follow-up service, which
 * makes at most one follow-up per event id. Records of other CloudEvents types are skipped; records
 * that cannot be read throw {@link UnreadableEventException} and go to the dead-letter topic; other
 * failures (the database away) are retried with back-off by the container's error handler.
 */
@Component
class AssessmentCompletedListener {

	private static final Log log = LogFactory.getLog(AssessmentCompletedListener.class);

	private final FollowUpService followUps;

	private final AssessmentCompletedReader reader;

	AssessmentCompletedListener(FollowUpService followUps, JsonMapper json) {
		this.followUps = followUps;
		this.reader = new AssessmentCompletedReader(json);
	}

	@KafkaListener(id = "follow-ups", topics = "${mutuality.booking.follow-ups.topic}")
	void onAssessmentCompleted(ConsumerRecord<String, String> record) {
		String type = AssessmentCompletedReader.type(record);
		if (type != null && !FollowUpService.EVENT_TYPE.equals(type)) {
			log.debug("Skipping a record of type " + type);
			return;
		}
		AssessmentCompleted event = this.reader.read(record);
		this.followUps.assessmentCompleted(event);
	}

}
