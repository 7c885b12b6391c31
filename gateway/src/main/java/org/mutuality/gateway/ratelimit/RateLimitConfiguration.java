package org.mutuality.gateway.ratelimit;

import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.mutuality.gateway.redis.ConditionalOnRedis;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The API's rate limits ({@link RateLimitProperties}): buckets in Redis when Redis is configured, so
 * that a limit holds across all gateway instances (and in each instance's memory while Redis is
 * away), in memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "mutuality.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	RateLimitWebFilter rateLimitWebFilter(RateLimitStore store, RateLimitProperties properties) {
		return new RateLimitWebFilter(store, properties);
	}

	@Bean
	LoginStartRateLimitWebFilter loginStartRateLimitWebFilter(RateLimitStore store, RateLimitProperties properties) {
		return new LoginStartRateLimitWebFilter(store, properties);
	}

	@Bean
	@ConditionalOnRedis(false)
	InMemoryRateLimitStore inMemoryRateLimitStore() {
		return new InMemoryRateLimitStore();
	}

	@Bean
	@ConditionalOnRedis
	RedisRateLimitStore redisRateLimitStore(ReactiveStringRedisTemplate redis,
			@Qualifier("redisRequestRateLimiterScript") RedisScript<List<Long>> script,
			ConfigurationService configurationService, RateLimitProperties properties, CircuitBreakerRegistry breakers) {
		return new RedisRateLimitStore(redis, script, configurationService,
				Map.of(RateLimitWebFilter.STANDARD, properties.standard(), RateLimitWebFilter.STRICT, properties.strict()),
				breakers);
	}

}
