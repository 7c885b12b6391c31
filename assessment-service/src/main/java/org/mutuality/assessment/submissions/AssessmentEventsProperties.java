package org.mutuality.assessment.submissions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the completed-assessment events go.
 *
 * @param topic the Kafka topic of {@code assessment.completed.v1}
 */
@ConfigurationProperties("mutuality.assessment.events")
record AssessmentEventsProperties(@DefaultValue("assessment.completed.v1") String topic) {
}
