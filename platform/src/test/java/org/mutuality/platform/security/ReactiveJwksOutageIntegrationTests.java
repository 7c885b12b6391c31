package org.mutuality.platform.security;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;
import org.mutuality.platform.testapps.TestHttp;
import org.mutuality.platform.testapps.reactive.ReactiveTestApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reactive application through an outage of its identity provider, with a one-second key cache so
 * that the cache expires during the test: 503 while no keys were ever fetched, then valid tokens keep
 * being accepted after the JWKS goes away.
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "mutuality.security.jwt.jwks-cache-ttl=1s" })
class ReactiveJwksOutageIntegrationTests {

	private static final TestIdentityProvider idp = TestIdentityProvider.start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp::issuerUri);
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@Test
	void survivesAnOutageOfTheIdentityProvider() {
		JwksOutageScenario.run(new TestHttp(this.port), idp);
	}

	/** The scenario, shared with the servlet application's test. */
	static final class JwksOutageScenario {

		private JwksOutageScenario() {
		}

		static void run(TestHttp http, TestIdentityProvider idp) {
			// Keycloak is down before any key was fetched: the token cannot be checked, which is not its fault
			idp.setAvailable(false);
			TestHttp.Response unavailable = http.get("/me", idp.tokenFor(DemoAccount.CLIENT1));
			unavailable.assertProblem(503, "/me");
			assertThat(unavailable.header("WWW-Authenticate")).isNull();

			idp.setAvailable(true);
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(http.get("/me", idp.tokenFor(DemoAccount.CLIENT1)).status()).isEqualTo(200));
			int fetchesBeforeOutage = idp.jwksRequests();

			// Keycloak goes down after the keys were fetched: once the cache has expired and a fetch has
			// failed, valid tokens are still accepted and bad ones still refused
			idp.setAvailable(false);
			await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				TestHttp.Response response = http.get("/me", idp.tokenFor(DemoAccount.THERAPIST1));
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				assertThat(idp.jwksRequests()).isGreaterThan(fetchesBeforeOutage);
			});
			assertThat(http.get("/me", idp.tokenFor(DemoAccount.ADMIN1)).status()).isEqualTo(200);
			http.get("/me", idp.token(DemoAccount.ADMIN1).signedWithForeignKey().build()).assertProblem(401, "/me");
			http.get("/me", idp.token(DemoAccount.ADMIN1).expired(Duration.ofMinutes(1)).build()).assertProblem(401, "/me");
		}

	}

}
