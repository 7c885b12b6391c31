package org.mutuality.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.mutuality.gateway.GatewayApplication;
import org.mutuality.gateway.StubService;
import org.mutuality.platform.test.infra.redis.LocalRedis;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances behind one address share their rate limits through the machine's Redis
 * (127.0.0.1:6379): a user's requests spread over both draw on one quota, as they would behind a load
 * balancer. Separate quotas would let twice as many through. Skips, saying so, without Redis.
 */
@EnabledIf(value = "org.mutuality.gateway.ratelimit.TwoGatewaysRateLimitIntegrationTests#redisReachableOrSayWhy",
		disabledReason = "No Redis on 127.0.0.1:6379")
class TwoGatewaysRateLimitIntegrationTests {

	static final int QUOTA = 10;

	static final StubService backend = StubService.start("backend");

	static final TestIdentityProvider identityProvider = TestIdentityProvider.shared();

	static List<ConfigurableApplicationContext> gateways;

	static boolean redisReachableOrSayWhy() {
		return LocalRedis.reachableOrSayWhy("TwoGatewaysRateLimitIntegrationTests");
	}

	@BeforeAll
	static void start() {
		gateways = List.of(gateway(), gateway());
	}

	@AfterAll
	static void stop() {
		if (gateways != null) {
			gateways.forEach(ConfigurableApplicationContext::close);
		}
		backend.close();
	}

	@Test
	void aUsersRequestsSpreadOverBothInstancesShareOneQuota() {
		DemoAccount user = DemoAccount.THERAPIST1;
		StringRedisTemplate redis = gateways.get(0).getBean(StringRedisTemplate.class);
		redis.delete(redis.keys("request_rate_limiter.{standard.user:" + user.id() + "}.*"));
		String token = identityProvider.tokenFor(user);
		// each instance's first request waits for lazy set-up (the identity provider's keys, the Redis connection,
		// the route): another user's requests do it first, or one instance could take the whole quota meanwhile
		DemoAccount other = DemoAccount.THERAPIST2;
		redis.delete(redis.keys("request_rate_limiter.{standard.user:" + other.id() + "}.*"));
		String otherToken = identityProvider.tokenFor(other);
		for (ConfigurableApplicationContext gateway : gateways) {
			WebClient.create(url(gateway))
				.get()
				.uri("/api/articles")
				.headers((headers) -> headers.setBearerAuth(otherToken))
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(30));
		}

		Flood.Result flood = Flood.send(gateways.stream().map((gateway) -> WebClient.create(url(gateway))).toList(),
				4 * QUOTA,
				(client) -> client.get().uri("/api/articles").headers((headers) -> headers.setBearerAuth(token)));
		long refills = flood.took().toSeconds() / 6 + 1;

		// separate quotas would let QUOTA through each instance: 2 * QUOTA in all
		assertThat(flood.count(200)).isBetween((long) QUOTA, QUOTA + refills);
		assertThat(flood.byClient().values()).hasSize(2).allSatisfy((instance) -> {
			assertThat(instance.byStatus().keySet()).containsOnly(200, 429);
			assertThat(instance.count(429)).isPositive();
		});
	}

	private static ConfigurableApplicationContext gateway() {
		return new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + identityProvider.issuerUri(),
				"--CONTENT_SERVICE_URI=" + backend.uri(), "--ASSESSMENT_SERVICE_URI=" + backend.uri(),
				"--BOOKING_SERVICE_URI=" + backend.uri(), "--spring.data.redis.host=" + LocalRedis.HOST,
				"--spring.data.redis.port=" + LocalRedis.PORT, "--mutuality.gateway.rate-limit.standard.requests=" + QUOTA,
				"--mutuality.gateway.rate-limit.standard.per=1m", "--mutuality.gateway.rate-limit.standard.burst=" + QUOTA);
	}

	private static String url(ConfigurableApplicationContext gateway) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort();
	}

}
