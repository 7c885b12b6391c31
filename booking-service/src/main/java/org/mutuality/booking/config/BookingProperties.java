package org.mutuality.booking.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of booking-service under {@code mutuality.booking}.
 *
 * @param publicBaseUrl where users reach the API (the gateway): the base of calendar subscription URLs
 * @param idempotencyKeyTtl how long an {@code Idempotency-Key} of {@code POST /api/bookings} is kept
 * @param followUps the follow-up consumer's settings
 */
@ConfigurationProperties("mutuality.booking")
public record BookingProperties(@DefaultValue("http://localhost:8080") URI publicBaseUrl,
		@DefaultValue("24h") Duration idempotencyKeyTtl, @DefaultValue FollowUps followUps) {

	/**
	 * @param topic the topic of completed assessments
	 */
	public record FollowUps(@DefaultValue("assessment.completed.v1") String topic) {

		/** The dead-letter topic of records that cannot be read. */
		public String deadLetterTopic() {
			return this.topic + ".DLT";
		}

	}

}
