package org.mutuality.gateway.ratelimit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mutuality.gateway.StubService;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits with the in-memory store (no Redis configured), the single-instance default. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "mutuality.gateway.rate-limit.standard.requests=10",
		"mutuality.gateway.rate-limit.standard.per=1m", "mutuality.gateway.rate-limit.standard.burst=10",
		"mutuality.gateway.rate-limit.strict.requests=2", "mutuality.gateway.rate-limit.strict.per=1m",
		"mutuality.gateway.rate-limit.strict.burst=2" })
class RateLimitIntegrationTests {

	static final StubService backend = StubService.start("backend");

	static final TestIdentityProvider identityProvider = TestIdentityProvider.shared();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		backend.serveEveryRoute(registry);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", identityProvider::issuerUri);
	}

	@LocalServerPort
	int port;

	@Autowired
	RateLimitStore store;

	@AfterAll
	static void stop() {
		backend.close();
	}

	RateLimitScenarios scenarios() {
		return new RateLimitScenarios(WebClient.create("http://127.0.0.1:" + this.port), identityProvider);
	}

	@Test
	void usesTheInMemoryStore() {
		assertThat(this.store).isInstanceOf(InMemoryRateLimitStore.class);
	}

	@Test
	void floodGetsOnly429sAndOtherUsersAreUnaffected() {
		scenarios().floodGetsOnly429sAndOtherUsersAreUnaffected(DemoAccount.CLIENT1, DemoAccount.CLIENT2);
	}

	@Test
	void anonymousCallersAreLimitedByAddress() {
		scenarios().anonymousCallersAreLimitedByAddress(DemoAccount.THERAPIST1);
	}

	@Test
	void bookingsAndSubmissionsHaveAStricterLimit() {
		scenarios().bookingsAndSubmissionsHaveAStricterLimit(DemoAccount.CLIENT3);
	}

	@Test
	void browserLoginStartsAreLimitedByAddress() {
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		for (int i = 0; i < 2; i++) {
			assertThat(loginStart(client)).isEqualTo(302);
		}
		assertThat(loginStart(client)).isEqualTo(429);
	}

	private static int loginStart(WebClient client) {
		return client.get()
			.uri("/oauth2/authorization/keycloak")
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block();
	}

}
