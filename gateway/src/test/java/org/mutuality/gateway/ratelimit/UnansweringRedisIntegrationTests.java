package org.mutuality.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.mutuality.gateway.StubService;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis that accepts connections and never answers (overloaded, or on the far side of a network
 * partition that drops packets): the gateway's Redis calls end after its configured time limit
 * (2 s, application.yaml) instead of Lettuce's default minute. The rate limits then hold in the
 * instance's own buckets, and once most calls to Redis have failed its breaker stops asking it; a
 * request whose session cannot be read, or a login start whose new session cannot be saved, is a
 * 503 problem+json naming the session store. The test clients give up after 10 s, well before the
 * default would end a call.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mutuality.gateway.rate-limit.standard.requests=10",
				"mutuality.gateway.rate-limit.standard.per=1m", "mutuality.gateway.rate-limit.standard.burst=10",
				"mutuality.gateway.rate-limit.strict.requests=2", "mutuality.gateway.rate-limit.strict.per=1m",
				"mutuality.gateway.rate-limit.strict.burst=2",
				// each call that fails before the breaker opens logs its stack trace at ERROR, some twenty here
				"logging.level.org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter=OFF" })
@AutoConfigureWebTestClient(timeout = "10s")
class UnansweringRedisIntegrationTests {

	static final StubService backend = StubService.start("backend");

	static final TestIdentityProvider identityProvider = TestIdentityProvider.shared();

	static final SilentServer redis = new SilentServer();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		backend.serveEveryRoute(registry);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", identityProvider::issuerUri);
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", redis::port);
	}

	@Autowired
	WebTestClient client;

	@Autowired
	RateLimitStore store;

	@Autowired
	CircuitBreakerRegistry breakers;

	@LocalServerPort
	int port;

	@AfterAll
	static void stop() {
		backend.close();
		redis.close();
	}

	@Test
	void aReadStillPassesTheRateLimiter() {
		this.client.get().uri("/api/articles").exchange().expectStatus().isOk();
	}

	@Test
	void floodGetsOnly429sAndOtherUsersAreUnaffectedAndRedisIsNoLongerAsked() {
		assertThat(this.store).isInstanceOf(RedisRateLimitStore.class);
		new RateLimitScenarios(WebClient.create("http://127.0.0.1:" + this.port), identityProvider)
			.floodGetsOnly429sAndOtherUsersAreUnaffected(DemoAccount.THERAPIST2, DemoAccount.ADMIN1);
		// the breaker opened: later requests were counted in memory without asking Redis
		assertThat(this.breakers.circuitBreaker(RedisRateLimitStore.BREAKER).getMetrics().getNumberOfNotPermittedCalls())
			.isPositive();
	}

	@Test
	void aRequestWithASessionIsA503NamingTheSessionStore() {
		expectSessionStoreUnavailable(this.client.get()
			.uri("/api/me")
			.cookie("SESSION", "4b1ed2e0-6f0a-4c4e-9d61-0c3f0f1d5a77")
			.exchange());
	}

	private static void expectSessionStoreUnavailable(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.doesNotExist(HttpHeaders.LOCATION)
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("session store"));
	}

	@Test
	void aLoginStartWhoseSessionCannotBeSavedIsA503NamingTheSessionStore() {
		expectSessionStoreUnavailable(this.client.get().uri("/oauth2/authorization/keycloak").exchange());
	}

	/** Accepts connections on a free local port and keeps them open without reading or writing a byte. */
	static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		SilentServer() {
			try {
				this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Thread acceptor = new Thread(this::accept, "silent-redis");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					this.accepted.add(this.socket.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		@Override
		public void close() {
			try {
				this.socket.close();
				for (Socket connection : this.accepted) {
					connection.close();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
