package org.mutuality.assessment.submissions;

import java.time.Clock;
import java.time.Duration;

import org.mutuality.platform.idempotency.IdempotencyKeys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The {@code Idempotency-Key}s of submissions ({@code submission_idempotency_keys}), kept for
 * {@code mutuality.assessment.idempotency-key-ttl} and forgotten by the hourly task that scheduling
 * turns on.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {

	@Bean
	IdempotencyKeys submissionIdempotencyKeys(JdbcClient jdbc, Clock clock,
			@Value("${mutuality.assessment.idempotency-key-ttl:24h}") Duration timeToLive) {
		return new IdempotencyKeys(jdbc, "submission_idempotency_keys", "submission_id", timeToLive, clock);
	}

}
