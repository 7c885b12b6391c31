package org.mutuality.gateway.resilience;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route's breaker opens for the service's failures, not for requests its callers got wrong: a
 * client sending bodies over the size limit must not get everyone a 503. Each route's time limit is
 * the gateway's response timeout for it.
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

	@Test
	void givesEachConfiguredRouteItsTimeLimitAsItsResponseTimeout() {
		ResilienceProperties properties = new ResilienceProperties(Duration.ofSeconds(5),
				Map.of("booking-service", Duration.ofMillis(1500)), 20, 10, 50, Duration.ofSeconds(5), 3);
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("resilience", properties));
		BeanPostProcessor timeLimits = ResilienceConfiguration
			.routeTimeLimits(beans.getBeanProvider(ResilienceProperties.class));
		GatewayProperties gateway = new GatewayProperties();
		gateway.setRoutes(List.of(route("content-service"), route("booking-service")));

		timeLimits.postProcessAfterInitialization(gateway, "gatewayProperties");

		assertThat(gateway.getRoutes()).extracting((route) -> route.getMetadata().get("response-timeout"))
			.containsExactly(5000L, 1500L);
	}

	private static RouteDefinition route(String id) {
		RouteDefinition route = new RouteDefinition();
		route.setId(id);
		route.setUri(URI.create("http://localhost:8080"));
		return route;
	}

}
