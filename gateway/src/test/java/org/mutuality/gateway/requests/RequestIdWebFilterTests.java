package org.mutuality.gateway.requests;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * New request ids are random version 4 UUIDs in their usual form, and do not repeat; a request that
 * stays unanswered is logged while it still is, and once more when it ends; the requests in flight
 * are counted by a gauge.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdWebFilterTests {

	@Test
	void newIdsAreDistinctVersionFourUuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			String id = RequestIdWebFilter.newRequestId();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
			ids.add(id);
		}
		assertThat(ids).hasSize(100_000);
	}

	@Test
	void logsARequestThatNeverEndsWhileItIsUnansweredAndOnlyOnce(CapturedOutput output) {
		RequestIdWebFilter filter = new RequestIdWebFilter(Duration.ofMillis(200), Duration.ofMillis(50));
		try {
			MockServerWebExchange stalled = MockServerWebExchange
				.from(MockServerHttpRequest.get("/js/stalled.js").header(RequestIdWebFilter.HEADER, "stalled-1"));
			Disposable never = filter.filter(stalled, (exchange) -> Mono.never()).subscribe();
			MockServerWebExchange quick = MockServerWebExchange
				.from(MockServerHttpRequest.get("/js/quick.js").header(RequestIdWebFilter.HEADER, "quick-1"));
			filter.filter(quick, (exchange) -> Mono.empty()).block();

			await().atMost(Duration.ofSeconds(5))
				.until(() -> output.getOut()
					.contains("Slow request: GET /js/stalled.js still unanswered after"));
			filter.reportUnanswered();
			filter.reportUnanswered();
			assertThat(output.getOut()).containsOnlyOnce("/js/stalled.js still unanswered")
				.contains("(status not sent, request stalled-1)")
				.doesNotContain("/js/quick.js");

			never.dispose();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> output.getOut().contains("Slow request: GET /js/stalled.js took"));
			assertThat(output.getOut()).contains("(cancel, status null, request stalled-1)");
		}
		finally {
			filter.destroy();
		}
	}

	@Test
	void countsTheRequestsInFlight() {
		RequestIdWebFilter filter = new RequestIdWebFilter();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		filter.bindTo(registry);
		try {
			Disposable first = filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/articles")),
					(exchange) -> Mono.never()).subscribe();
			Disposable second = filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/topics")),
					(exchange) -> Mono.never()).subscribe();
			filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/feed")), (exchange) -> Mono.empty())
				.block();
			assertThat(registry.get(RequestIdWebFilter.IN_FLIGHT_GAUGE).gauge().value()).isEqualTo(2);

			first.dispose();
			second.dispose();
			assertThat(registry.get(RequestIdWebFilter.IN_FLIGHT_GAUGE).gauge().value()).isZero();
		}
		finally {
			filter.destroy();
		}
	}

}
