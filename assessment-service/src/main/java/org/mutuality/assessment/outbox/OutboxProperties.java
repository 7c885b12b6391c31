package org.mutuality.assessment.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay.
 *
 * @param enabled whether this instance runs a relay (any number of instances may)
 * @param source the CloudEvents {@code source} of the events this service publishes
 * @param batchSize how many pending events one relay claims and publishes at a time
 * @param pollInterval how long an idle relay waits before looking again (a commit wakes it sooner)
 * @param maxBackoff the longest wait between attempts while Kafka or the database is failing
 * @param sendTimeout how long a batch waits for Kafka's acknowledgements before the unacknowledged
 * events are left pending for the next attempt
 * @param retention how long published events are kept before they are deleted
 * @param maxRetryDelay the longest an event that Kafka refused for a reason of its own (its size, say) waits
 * between attempts: it is tried until it goes through, and the others go on meanwhile
 */
@ConfigurationProperties("mutuality.outbox")
record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("/assessment-service") String source,
		@DefaultValue("500") int batchSize, @DefaultValue("100ms") Duration pollInterval,
		@DefaultValue("10s") Duration maxBackoff, @DefaultValue("45s") Duration sendTimeout,
		@DefaultValue("7d") Duration retention, @DefaultValue("1h") Duration maxRetryDelay) {
}
