package org.mutuality.gateway.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route's breaker opens for the service's failures, not for requests its callers got wrong: a
 * client sending bodies over the size limit must not get everyone a 503.
 */
class ResilienceConfigurationTests {

	private final ResilienceProperties properties = new ResilienceProperties(Duration.ofSeconds(5), Map.of(), 20, 10,
			50, Duration.ofSeconds(5), 3);

	@Test
	void staysClosedForRequestsRefusedOnTheirWay() {
		CircuitBreaker breaker = CircuitBreaker.of("booking-service", ResilienceConfiguration.circuitBreaker(this.properties));

		for (int i = 0; i < 20; i++) {
			breaker.onError(1, TimeUnit.MILLISECONDS, new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
		}

		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void opensWhenTheServiceFails() {
		CircuitBreaker breaker = CircuitBreaker.of("booking-service", ResilienceConfiguration.circuitBreaker(this.properties));

		for (int i = 0; i < 5; i++) {
			breaker.onError(1, TimeUnit.MILLISECONDS, new ConnectException("Connection refused"));
			breaker.onError(1, TimeUnit.MILLISECONDS, new TimeoutException());
		}

		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

}
