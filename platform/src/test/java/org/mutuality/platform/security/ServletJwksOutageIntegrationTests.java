package org.mutuality.platform.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mutuality.platform.test.security.TestIdentityProvider;
import org.mutuality.platform.testapps.TestHttp;
import org.mutuality.platform.testapps.servlet.ServletTestApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A servlet service through an outage of its identity provider, with a one-second key cache: 503
 * while no keys were ever fetched, then valid tokens keep being accepted after the JWKS goes away.
 */
@SpringBootTest(classes = ServletTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "mutuality.security.jwt.jwks-cache-ttl=1s")
class ServletJwksOutageIntegrationTests {

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
		ReactiveJwksOutageIntegrationTests.JwksOutageScenario.run(new TestHttp(this.port), idp);
	}

}
