package org.mutuality.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker and time limit of each route (one breaker per route id).
 *
 * @param timeout how long a service may take to begin its answer before the gateway answers 503
 * @param timeouts per-route exceptions to {@code timeout}, by route id
 * @param slidingWindowSize how many recent calls the failure rate is computed over
 * @param minimumNumberOfCalls how many calls the breaker needs before it may open
 * @param failureRateThreshold the percentage of failed calls (errors and timeouts) that opens it
 * @param waitInOpenState how long an open breaker answers 503 at once before it lets trial calls
 * through (also the {@code Retry-After} of those answers)
 * @param permittedCallsInHalfOpenState how many trial calls decide whether it closes again
 */
@ConfigurationProperties("mutuality.gateway.resilience")
record ResilienceProperties(@DefaultValue("5s") Duration timeout, @DefaultValue Map<String, Duration> timeouts,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
		@DefaultValue("50") float failureRateThreshold, @DefaultValue("5s") Duration waitInOpenState,
		@DefaultValue("3") int permittedCallsInHalfOpenState) {

	Duration timeoutOf(String routeId) {
		return this.timeouts.getOrDefault(routeId, this.timeout);
	}

	/** The longest of the routes' time limits. */
	Duration longestTimeout() {
		return this.timeouts.values().stream().reduce(this.timeout, (a, b) -> (a.compareTo(b) >= 0) ? a : b);
	}

}
