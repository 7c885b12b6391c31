package org.mutuality.booking.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the booking emails under {@code mutuality.booking.notifications}. The SMTP server is
 * Spring's own {@code spring.mail.*}.
 *
 * @param from the address the emails come from, also the organizer of their calendar invitations
 * @param fromName the name shown with it
 * @param siteBaseUrl where people reach the site: the base of the links in the emails
 * @param reminders how long before a consultation its client is reminded, one email each (those
 * already past when booking are skipped)
 * @param sender the sender's settings
 * @param retention how long sent, cancelled and failed messages are kept (they hold names and
 * addresses) before they are deleted
 */
@ConfigurationProperties("mutuality.booking.notifications")
record NotificationProperties(@DefaultValue("bookings@mutuality.test") String from,
		@DefaultValue("Mutuality") String fromName, @DefaultValue("http://localhost:8080") URI siteBaseUrl,
		@DefaultValue("24h") List<Duration> reminders, @DefaultValue Sender sender,
		@DefaultValue("30d") Duration retention) {

	/** The site's address without a trailing slash. */
	String site() {
		return this.siteBaseUrl.toString().replaceAll("/+$", "");
	}

	/**
	 * @param interval the pause between two runs of the sender
	 * @param batchSize how many messages one run sends at most
	 * @param initialBackoff the wait before the first retry of a message that failed; each further
	 * retry waits twice as long
	 * @param maxBackoff the longest wait between two attempts
	 * @param maxAttempts the attempts after which a message is given up as failed
	 */
	record Sender(@DefaultValue("5s") Duration interval, @DefaultValue("50") int batchSize,
			@DefaultValue("1m") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
			@DefaultValue("10") int maxAttempts) {

		/** The wait after the given number of failed attempts: doubling from the first, capped. */
		Duration backoff(int failedAttempts) {
			Duration wait = this.initialBackoff;
			for (int i = 1; i < failedAttempts && wait.compareTo(this.maxBackoff) < 0; i++) {
				wait = wait.multipliedBy(2);
			}
			return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
		}

	}

}
