package org.mutuality.gateway.resilience;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

/**
 * One Resilience4j circuit breaker and one time limit per route, from {@link ResilienceProperties}.
 * The routes use the breakers through the {@code CircuitBreaker} default filter (application.yaml) with no
 * fallback URI: an open breaker, a timeout or a refused connection ends as an error that
 * {@code ProblemErrorWebExceptionHandler} answers with a problem+json 503 and {@code Retry-After},
 * the same for every method. Only the service's failures count: its own 4xx and 5xx answers pass
 * through, and a request the gateway refused on the way is not held against it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
class ResilienceConfiguration {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(ResilienceProperties properties) {
		CircuitBreakerConfig circuitBreaker = circuitBreaker(properties);
		return (factory) -> factory.configureDefault((routeId) -> new Resilience4JConfigBuilder(routeId)
			.circuitBreakerConfig(circuitBreaker)
			.build());
	}

	/**
	 * Gives each configured route its time limit ({@link ResilienceProperties#timeoutOf}) as the gateway's own
	 * {@code response-timeout}: a service that has not begun to answer by then fails the call inside the route's
	 * breaker, which counts it, and the answer is a 503. Resilience4j's time limiter is off (application.yaml): it
	 * timed the same call a second time, on a shared scheduler, at a cost of about a tenth of the gateway's
	 * throughput (gateway/BENCHMARKS.md).
	 */
	@Bean
	static BeanPostProcessor routeTimeLimits(ObjectProvider<ResilienceProperties> properties) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof GatewayProperties gateway) {
					ResilienceProperties resilience = properties.getObject();
					for (RouteDefinition route : gateway.getRoutes()) {
						route.getMetadata()
							.put(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, resilience.timeoutOf(route.getId()).toMillis());
					}
				}
				return bean;
			}

		};
	}

	/**
	 * A service that sent its headers and then stops sending its body: once nothing has been read from it for the
	 * longest route time limit, Reactor Netty ends the answer there and closes the connection (the route's own limit
	 * runs until the headers arrive), so a stalled body holds neither the connection nor its caller for ever.
	 */
	@Bean
	HttpClientCustomizer stalledAnswers(ResilienceProperties properties) {
		Duration limit = properties.longestTimeout();
		return (client) -> client.responseTimeout(limit);
	}

	/**
	 * A route's breaker. It records the service's failures only: a request the gateway refused on
	 * its way (a body that grew past the size limit, 413) is the caller's doing, and a few of them
	 * must not open the breaker for everyone.
	 */
	static CircuitBreakerConfig circuitBreaker(ResilienceProperties properties) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.recordException(ResilienceConfiguration::isServiceFailure)
			.build();
	}

	private static boolean isServiceFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
				return false;
			}
		}
		return true;
	}

}
