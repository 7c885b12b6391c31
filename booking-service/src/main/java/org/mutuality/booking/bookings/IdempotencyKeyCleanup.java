package org.mutuality.booking.bookings;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mutuality.booking.config.BookingProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets idempotency keys older than their time to live, every hour. Expired keys are already
 * treated as absent; this only keeps the table small. Running it on several instances at once is
 * harmless.
 */
@Component
class IdempotencyKeyCleanup {

	private static final Log log = LogFactory.getLog(IdempotencyKeyCleanup.class);

	private final IdempotencyKeys keys;

	private final BookingProperties properties;

	private final Clock clock;

	IdempotencyKeyCleanup(IdempotencyKeys keys, BookingProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	void deleteExpired() {
		int deleted = this.keys.deleteCreatedBefore(this.clock.instant().minus(this.properties.idempotencyKeyTtl()));
		if (deleted > 0) {
			log.info("Forgot " + deleted + " expired idempotency keys");
		}
	}

}
