package org.mutuality.gateway.ratelimit;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, shared by every gateway instance, through Spring Cloud Gateway's
 * {@link RedisRateLimiter}: one atomic Lua script per request (one round trip, no lock), and when
 * Redis cannot be reached it lets the request pass rather than fail it.
 */
final class RedisRateLimitStore implements RateLimitStore {

	private final RedisRateLimiter limiter;

	RedisRateLimitStore(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script,
			ConfigurationService configurationService, Map<String, RateLimitProperties.Limit> limits) {
		this.limiter = new RedisRateLimiter(redis, script, configurationService);
		limits.forEach((name, limit) -> this.limiter.getConfig()
			.put(name, new RedisRateLimiter.Config().setReplenishRate(limit.replenishRate())
				.setBurstCapacity(limit.burstCapacity())
				.setRequestedTokens(limit.requestedTokens())));
	}

	@Override
	public Mono<Decision> take(String key, RateLimitProperties.Limit limit) {
		int separator = key.indexOf(':');
		// the script's keys are request_rate_limiter.{<policy>.<caller>}.tokens and .timestamp
		return this.limiter.isAllowed(key.substring(0, separator), key.substring(separator + 1)).map((response) -> {
			if (response.isAllowed()) {
				return Decision.ALLOWED;
			}
			long remaining = parse(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER));
			return Decision.refused(limit.requestedTokens() - Math.max(0, remaining), limit.replenishRate());
		});
	}

	private static long parse(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
