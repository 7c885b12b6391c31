package org.mutuality.booking.bookings;

import java.time.Clock;

import org.mutuality.booking.config.BookingProperties;
import org.mutuality.platform.idempotency.IdempotencyKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code Idempotency-Key}s of {@code POST /api/bookings} ({@code idempotency_keys}), kept for
 * {@code mutuality.booking.idempotency-key-ttl}.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	@Bean
	IdempotencyKeys bookingIdempotencyKeys(JdbcClient jdbc, BookingProperties properties, Clock clock) {
		return new IdempotencyKeys(jdbc, "idempotency_keys", "booking_id", properties.idempotencyKeyTtl(), clock);
	}

}
