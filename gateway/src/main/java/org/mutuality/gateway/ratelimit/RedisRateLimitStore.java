package org.mutuality.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, shared by every gateway instance, through Spring Cloud Gateway's
 * {@link RedisRateLimiter}: one atomic Lua script per request (one round trip, no lock).
 * <p>
 * When Redis cannot be reached or does not answer within its time limit
 * ({@code spring.data.redis.timeout}), the request is counted in this instance's own buckets
 * instead, as without Redis, so that a flood is still refused while Redis is away. A circuit
 * breaker ({@value #BREAKER}) stops asking Redis once half of the last calls failed, so that an
 * outage does not make every request wait for that time limit, and asks it again after a while.
 */
final class RedisRateLimitStore implements RateLimitStore {

	static final String BREAKER = "rate-limit-redis";

	/** What {@link RedisRateLimiter} answers as the tokens left when its script failed (it then allows the request). */
	private static final String SCRIPT_FAILED = "-1";

	private final RedisRateLimiter limiter;

	private final CircuitBreaker breaker;

	private final InMemoryRateLimitStore fallback = new InMemoryRateLimitStore();

	RedisRateLimitStore(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script,
			ConfigurationService configurationService, Map<String, RateLimitProperties.Limit> limits,
			CircuitBreakerRegistry breakers) {
		this.limiter = new RedisRateLimiter(redis, script, configurationService);
		this.breaker = breakers.circuitBreaker(BREAKER, CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.permittedNumberOfCallsInHalfOpenState(2)
			.build());
		limits.forEach((name, limit) -> this.limiter.getConfig()
			.put(name, new RedisRateLimiter.Config().setReplenishRate(limit.replenishRate())
				.setBurstCapacity(limit.burstCapacity())
				.setRequestedTokens(limit.requestedTokens())));
	}

	@Override
	public Mono<Decision> take(String key, RateLimitProperties.Limit limit) {
		int separator = key.indexOf(':');
		// the script's keys are request_rate_limiter.{<policy>.<caller>}.tokens and .timestamp
		return this.limiter.isAllowed(key.substring(0, separator), key.substring(separator + 1))
			.flatMap((response) -> {
				String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
				if (SCRIPT_FAILED.equals(remaining)) {
					return Mono.error(new RedisUnavailableException());
				}
				return Mono.just(response.isAllowed() ? Decision.ALLOWED
						: Decision.refused(limit.requestedTokens() - Math.max(0, parse(remaining)), limit.replenishRate()));
			})
			.transformDeferred(CircuitBreakerOperator.of(this.breaker))
			.onErrorResume((ex) -> ex instanceof RedisUnavailableException || ex instanceof CallNotPermittedException,
					(ex) -> this.fallback.take(key, limit));
	}

	private static long parse(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** Redis did not run the script: it could not be reached or did not answer in time. */
	private static final class RedisUnavailableException extends RuntimeException {

		RedisUnavailableException() {
			super("The rate limiter's Redis did not answer", null, false, false);
		}

	}

}
