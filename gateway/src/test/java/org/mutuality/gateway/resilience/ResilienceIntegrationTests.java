package org.mutuality.gateway.resilience;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mutuality.gateway.StubService;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * A service that stops, comes back, or answers too slowly, behind the gateway's per-route circuit
 * breakers and time limits: every method gets a problem+json 503 with {@code Retry-After} at once
 * (the calls to the stopped service use a 2 s client timeout, the bound), and traffic
 * recovers by itself once the service listens again on its port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mutuality.gateway.resilience.sliding-window-size=4",
				"mutuality.gateway.resilience.minimum-number-of-calls=4",
				"mutuality.gateway.resilience.wait-in-open-state=1s",
				"mutuality.gateway.resilience.timeouts.booking-service=1s" })
@AutoConfigureWebTestClient(timeout = "20s")
class ResilienceIntegrationTests {

	static StubService content = StubService.start("content");

	static final StubService booking = StubService.start("booking");

	static final int contentPort = content.port();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("CONTENT_SERVICE_URI", () -> "http://127.0.0.1:" + contentPort);
		registry.add("ASSESSMENT_SERVICE_URI", booking::uri);
		registry.add("BOOKING_SERVICE_URI", booking::uri);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIdentityProvider.shared()::issuerUri);
	}

	@Autowired
	WebTestClient client;

	@AfterAll
	static void stop() {
		content.close();
		booking.close();
	}

	@Test
	void stoppedServiceAnswers503QuicklyForEveryMethodAndRecoversWhenItIsBack() {
		this.client.get().uri("/api/articles").exchange().expectStatus().isOk();
		content.close();
		WebTestClient quick = this.client.mutate().responseTimeout(Duration.ofSeconds(2)).build();
		for (int i = 0; i < 3; i++) {
			for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE }) {
				quick.method(method)
					.uri("/api/articles/some-article")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{}")
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectHeader()
					.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
					.expectHeader()
					.exists("Retry-After")
					.expectBody()
					.jsonPath("$.status")
					.isEqualTo(503)
					.jsonPath("$.detail")
					.value((String detail) -> org.assertj.core.api.Assertions.assertThat(detail).contains("content-service"));
			}
		}
		content = StubService.start("content", contentPort);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> this.client.get().uri("/api/articles").exchange().expectStatus().isOk());
		this.client.post()
			.uri("/api/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("content");
	}

	@Test
	void slowServiceAnswers503AfterTheRoutesTimeLimit() {
		booking.delay(Duration.ofSeconds(4));
		try {
			this.client.post()
				.uri("/api/bookings")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.exists("Retry-After")
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		finally {
			booking.delay(Duration.ZERO);
		}
	}

}
