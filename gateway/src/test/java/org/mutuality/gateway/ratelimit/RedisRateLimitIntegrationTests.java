package org.mutuality.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.mutuality.gateway.StubService;
import org.mutuality.platform.test.infra.redis.LocalRedis;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits and sessions with Redis configured: the machine's Redis on 127.0.0.1:6379, the one
 * the dev and CI machines run. Skips, saying so, when it cannot be reached.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.data.redis.host=" + LocalRedis.HOST,
		"spring.data.redis.port=" + LocalRedis.PORT, "mutuality.gateway.rate-limit.standard.requests=10",
		"mutuality.gateway.rate-limit.standard.per=1m", "mutuality.gateway.rate-limit.standard.burst=10",
		"mutuality.gateway.rate-limit.strict.requests=2", "mutuality.gateway.rate-limit.strict.per=1m",
		"mutuality.gateway.rate-limit.strict.burst=2" })
@EnabledIf(value = "org.mutuality.gateway.ratelimit.RedisRateLimitIntegrationTests#redisReachableOrSayWhy",
		disabledReason = "No Redis on 127.0.0.1:6379")
class RedisRateLimitIntegrationTests {

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

	@Autowired
	ReactiveStringRedisTemplate redis;

	static boolean redisReachableOrSayWhy() {
		return LocalRedis.reachableOrSayWhy("RedisRateLimitIntegrationTests");
	}

	@AfterAll
	static void stop() {
		backend.close();
	}

	RateLimitScenarios scenarios() {
		return new RateLimitScenarios(WebClient.create("http://127.0.0.1:" + this.port), identityProvider);
	}

	@Test
	void usesTheRedisStore() {
		assertThat(this.store).isInstanceOf(RedisRateLimitStore.class);
	}

	@Test
	void floodGetsOnly429sAndOtherUsersAreUnaffected() {
		scenarios().floodGetsOnly429sAndOtherUsersAreUnaffected(DemoAccount.THERAPIST2, DemoAccount.ADMIN1);
		String bucket = "request_rate_limiter.{standard.user:" + DemoAccount.THERAPIST2.id() + "}.tokens";
		assertThat(this.redis.hasKey(bucket).block(Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void bookingsAndSubmissionsHaveAStricterLimit() {
		scenarios().bookingsAndSubmissionsHaveAStricterLimit(DemoAccount.CLIENT2);
	}

	@Test
	void keepsBrowserSessionsInRedis() {
		// starting a login stores the authorization request (state, PKCE verifier) in the new session
		ResponseCookie session = WebClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/oauth2/authorization/keycloak")
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.cookies().getFirst("SESSION")))
			.block(Duration.ofSeconds(30));
		assertThat(session).isNotNull();
		assertThat(this.redis.hasKey("mutuality:gateway:session:sessions:" + session.getValue()).block(Duration.ofSeconds(5)))
			.isTrue();
	}

}
