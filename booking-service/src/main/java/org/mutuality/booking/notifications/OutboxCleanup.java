package org.mutuality.booking.notifications;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the outbox's finished messages (sent, cancelled or given up) once they are older than the
 * retention, every hour: they hold names and addresses, which are kept no longer than needed.
 * Pending messages are never deleted. Running it on several instances at once is harmless.
 */
@Component
class OutboxCleanup {

	private static final Log log = LogFactory.getLog(OutboxCleanup.class);

	private final MailOutbox outbox;

	private final NotificationProperties properties;

	private final Clock clock;

	OutboxCleanup(MailOutbox outbox, NotificationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	void deleteFinished() {
		int deleted = this.outbox.deleteFinishedBefore(this.clock.instant().minus(this.properties.retention()));
		if (deleted > 0) {
			log.info("Deleted " + deleted + " finished emails older than " + this.properties.retention());
		}
	}

}
