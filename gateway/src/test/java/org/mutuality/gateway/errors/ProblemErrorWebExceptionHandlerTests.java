package org.mutuality.gateway.errors;

import java.net.ConnectException;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;
import org.mutuality.gateway.security.IdentityProviderUnavailableException;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a 503 names: the route's service when the service could not be reached, the sign-in service
 * when it was the refresh of the session's access token that failed on the way there.
 */
class ProblemErrorWebExceptionHandlerTests {

	private final ProblemErrorWebExceptionHandler handler = new ProblemErrorWebExceptionHandler();

	@Test
	void aServiceThatCannotBeReachedIsNamed() {
		MockServerWebExchange exchange = bookingsRequest();

		this.handler.handle(exchange, new ConnectException("Connection refused")).block();

		assertUnavailable(exchange, "The booking-service is unavailable or too slow right now.");
	}

	@Test
	void aServiceThatClosedTheConnectionBeforeAnsweringIsUnavailable() {
		MockServerWebExchange exchange = bookingsRequest();

		this.handler.handle(exchange, PrematureCloseException.TEST_EXCEPTION).block();

		assertUnavailable(exchange, "The booking-service is unavailable or too slow right now.");
	}

	@Test
	void aTokenRefreshTheIdentityProviderDidNotAnswerNamesTheSignInService() {
		MockServerWebExchange exchange = bookingsRequest();

		this.handler.handle(exchange, new IdentityProviderUnavailableException(ReadTimeoutException.INSTANCE)).block();

		assertUnavailable(exchange, "The sign-in service is unavailable or too slow right now.");
		assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("booking-service is");
	}

	private static MockServerWebExchange bookingsRequest() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/bookings"));
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, Route.async()
				.id("booking-service")
				.uri("http://localhost:8083")
				.predicate((candidate) -> true)
				.build());
		return exchange;
	}

	private static void assertUnavailable(MockServerWebExchange exchange, String detail) {
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(exchange.getResponse().getBodyAsString().block()).contains(detail);
	}

}
