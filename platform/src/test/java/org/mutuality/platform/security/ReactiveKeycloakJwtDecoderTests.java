package org.mutuality.platform.security;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reactive decoder for Keycloak tokens: the same rules and the same cached, outage-tolerant
 * keys as the servlet one, and a bad token is a {@link BadJwtException} (401), never the
 * "authentication service" error that would become a 503.
 */
class ReactiveKeycloakJwtDecoderTests {

	private TestIdentityProvider own;

	@AfterEach
	void stopOwnProvider() {
		if (this.own != null) {
			this.own.close();
		}
	}

	@Test
	void decodesAValidKeycloakToken() {
		TestIdentityProvider idp = TestIdentityProvider.shared();
		ReactiveJwtDecoder decoder = decoder(idp, KeycloakJwtProperties.defaults());

		StepVerifier.create(decoder.decode(idp.tokenFor(DemoAccount.THERAPIST1)))
			.assertNext((jwt) -> assertThat(jwt.getSubject()).isEqualTo(DemoAccount.THERAPIST1.id()))
			.verifyComplete();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.mutuality.platform.testapps.BadTokens#all")
	void refusesABadTokenAsABadToken(String kind, String token) {
		ReactiveJwtDecoder decoder = decoder(TestIdentityProvider.shared(), KeycloakJwtProperties.defaults());

		StepVerifier.create(decoder.decode(token)).expectError(BadJwtException.class).verify(Duration.ofSeconds(10));
	}

	@Test
	void doesNotContactTheIssuerUntilATokenArrivesAndThenCachesTheKeys() {
		this.own = TestIdentityProvider.start();
		ReactiveJwtDecoder decoder = decoder(this.own, KeycloakJwtProperties.defaults());
		assertThat(this.own.jwksRequests()).isZero();

		for (DemoAccount account : DemoAccount.values()) {
			StepVerifier.create(decoder.decode(this.own.tokenFor(account))).expectNextCount(1).verifyComplete();
		}

		assertThat(this.own.jwksRequests()).isOne();
	}

	@Test
	void keepsAcceptingValidTokensAfterTheJwksBecomesUnavailable() {
		this.own = TestIdentityProvider.start();
		ReactiveJwtDecoder decoder = decoder(this.own, KeycloakJwtDecodersTests.shortCache(Duration.ofHours(1)));
		StepVerifier.create(decoder.decode(this.own.tokenFor(DemoAccount.CLIENT2))).expectNextCount(1).verifyComplete();

		this.own.setAvailable(false);

		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			assertThat(decoder.decode(this.own.tokenFor(DemoAccount.CLIENT2)).block(Duration.ofSeconds(10)).getSubject())
				.isEqualTo(DemoAccount.CLIENT2.id());
			assertThat(this.own.jwksRequests()).isGreaterThan(1);
		});
	}

	@Test
	void reportsUnreachableKeysAsAnOutageRatherThanABadToken() {
		this.own = TestIdentityProvider.start();
		this.own.setAvailable(false);
		ReactiveJwtDecoder decoder = decoder(this.own, KeycloakJwtProperties.defaults());

		StepVerifier.create(decoder.decode(this.own.tokenFor(DemoAccount.CLIENT1)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(JwtException.class)
				.isNotInstanceOf(BadJwtException.class))
			.verify(Duration.ofSeconds(10));
	}

	private static ReactiveJwtDecoder decoder(TestIdentityProvider idp, KeycloakJwtProperties properties) {
		return ReactiveKeycloakJwtDecoder.create(KeycloakJwtDecodersTests.decoders(idp, properties));
	}

}
