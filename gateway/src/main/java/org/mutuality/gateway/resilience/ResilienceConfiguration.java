package org.mutuality.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Resilience4j circuit breaker and time limiter per route, from {@link ResilienceProperties}.
 * The routes use them through the {@code CircuitBreaker} default filter (application.yaml) with no
 * fallback URI: an open breaker, a timeout or a refused connection ends as an error that
 * {@code ProblemErrorWebExceptionHandler} answers with a problem+json 503 and {@code Retry-After},
 * the same for every method. Only failures count: a service's own 4xx and 5xx answers pass through.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
class ResilienceConfiguration {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(ResilienceProperties properties) {
		CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.build();
		return (factory) -> factory.configureDefault((routeId) -> new Resilience4JConfigBuilder(routeId)
			.circuitBreakerConfig(circuitBreaker)
			.timeLimiterConfig(TimeLimiterConfig.custom()
				.timeoutDuration(properties.timeoutOf(routeId))
				.cancelRunningFuture(true)
				.build())
			.build());
	}

}
