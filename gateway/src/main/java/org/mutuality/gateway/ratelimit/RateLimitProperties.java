package org.mutuality.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits per caller: the user (token subject) when a request is authenticated, the
 * client IP address otherwise.
 *
 * @param enabled whether requests are limited at all
 * @param paths the path patterns that are limited (the API; static files and actuator are not)
 * @param standard the limit of every limited request that is not a strict one
 * @param strict the limit of the requests that create things people act on
 * @param strictRequests the strict requests, as {@code METHOD /path/pattern}
 */
@ConfigurationProperties("mutuality.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("/api/**") List<String> paths,
		@DefaultValue({ "20", "1s", "40" }) Limit standard, @DefaultValue({ "10", "1m", "5" }) Limit strict,
		@DefaultValue({ "POST /api/bookings", "POST /api/assessments/*/submissions" }) List<String> strictRequests) {

	/**
	 * A token bucket: {@code requests} per {@code per} on average, with bursts of up to
	 * {@code burst} requests.
	 */
	record Limit(int requests, Duration per, int burst) {

		Limit {
			if (requests < 1 || burst < 1 || per.isNegative() || per.isZero()) {
				throw new IllegalArgumentException("A rate limit needs requests >= 1, burst >= 1 and a positive period");
			}
		}

		/**
		 * The same limit in the integer tokens-per-second terms of Spring Cloud Gateway's Redis
		 * script: each request costs {@code requestedTokens}, the bucket refills
		 * {@code replenishRate} tokens a second and holds {@code burstCapacity}.
		 */
		int requestedTokens() {
			return (int) Math.max(1, this.per.toSeconds());
		}

		int replenishRate() {
			return (this.per.toSeconds() >= 1) ? this.requests : (int) Math.ceil(this.requests * 1000.0 / this.per.toMillis());
		}

		int burstCapacity() {
			return this.burst * requestedTokens();
		}

	}

}
