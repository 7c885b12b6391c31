package org.mutuality.platform.security;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The servlet {@link JwtDecoder} for Keycloak tokens, against a real JWKS over HTTP: what it accepts,
 * what it refuses, and how it fetches and caches the keys.
 */
class KeycloakJwtDecodersTests {

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

		Jwt jwt = decoders(idp, KeycloakJwtProperties.defaults()).jwtDecoder().decode(idp.tokenFor(DemoAccount.ADMIN1));

		assertThat(jwt.getSubject()).isEqualTo(DemoAccount.ADMIN1.id());
		assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("admin1");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.mutuality.platform.testapps.BadTokens#all")
	void refusesABadTokenAsABadToken(String kind, String token) {
		JwtDecoder decoder = decoders(TestIdentityProvider.shared(), KeycloakJwtProperties.defaults()).jwtDecoder();

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@Test
	void doesNotContactTheIssuerUntilATokenArrives() {
		this.own = TestIdentityProvider.start();

		JwtDecoder decoder = decoders(this.own, KeycloakJwtProperties.defaults()).jwtDecoder();

		assertThat(decoder).isNotNull();
		assertThat(this.own.jwksRequests()).isZero();
	}

	@Test
	void fetchesTheKeysOnceAndUsesThemForManyTokens() {
		this.own = TestIdentityProvider.start();
		JwtDecoder decoder = decoders(this.own, KeycloakJwtProperties.defaults()).jwtDecoder();

		for (DemoAccount account : DemoAccount.values()) {
			decoder.decode(this.own.tokenFor(account));
			decoder.decode(this.own.tokenFor(account));
		}

		assertThat(this.own.jwksRequests()).isOne();
	}

	@Test
	void keepsAcceptingValidTokensWhileTheJwksIsUnavailable() {
		this.own = TestIdentityProvider.start();
		JwtDecoder decoder = decoders(this.own, shortCache(Duration.ofHours(1))).jwtDecoder();
		decoder.decode(this.own.tokenFor(DemoAccount.CLIENT1));
		assertThat(this.own.jwksRequests()).isOne();

		this.own.setAvailable(false);

		// once the cache has expired the decoder tries the JWKS again, fails, and still accepts the token
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			assertThat(decoder.decode(this.own.tokenFor(DemoAccount.CLIENT1)).getSubject())
				.isEqualTo(DemoAccount.CLIENT1.id());
			assertThat(this.own.jwksRequests()).isGreaterThan(1);
		});
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder.decode(this.own.token(DemoAccount.CLIENT1).signedWithForeignKey().build()));
	}

	@Test
	void stopsAcceptingTokensWhenTheCacheExpiresDuringAnOutageWithoutOutageTolerance() {
		this.own = TestIdentityProvider.start();
		JwtDecoder decoder = decoders(this.own, shortCache(Duration.ZERO)).jwtDecoder();
		decoder.decode(this.own.tokenFor(DemoAccount.CLIENT1));

		this.own.setAvailable(false);

		// the decoder reports an outage (503), not a bad token, once the cached keys have expired
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> catchThrowable(() -> decoder.decode(this.own.tokenFor(DemoAccount.CLIENT1))),
					(failure) -> failure instanceof JwtException && !(failure instanceof BadJwtException));
	}

	@Test
	void reportsUnreachableKeysAsAnOutageRatherThanABadToken() {
		this.own = TestIdentityProvider.start();
		this.own.setAvailable(false);
		JwtDecoder decoder = decoders(this.own, KeycloakJwtProperties.defaults()).jwtDecoder();

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(this.own.tokenFor(DemoAccount.CLIENT1)))
			.isNotInstanceOf(BadJwtException.class);
	}

	@Test
	void keepsRefusingForgedKeyIdsAsBadTokensPastTheJwksRateLimit() {
		this.own = TestIdentityProvider.start();
		JwtDecoder decoder = decoders(this.own, KeycloakJwtProperties.defaults()).jwtDecoder();

		for (int i = 0; i < 5; i++) {
			String forged = this.own.token(DemoAccount.CLIENT1).signedWithForeignKey().build();
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(forged));
		}
		assertThat(this.own.jwksRequests()).isLessThanOrEqualTo(3);
		assertThat(decoder.decode(this.own.tokenFor(DemoAccount.CLIENT1))).isNotNull();
	}

	@Test
	void findsKeycloaksJwksUnderTheIssuerUnlessOneIsConfigured() {
		KeycloakJwtDecoders byIssuer = new KeycloakJwtDecoders("http://localhost:8180/realms/mutuality/", null, List.of(),
				List.of("RS256"), KeycloakJwtProperties.defaults(), List.of());
		KeycloakJwtDecoders configured = new KeycloakJwtDecoders("http://localhost:8180/realms/mutuality",
				"http://keycloak:8080/realms/mutuality/protocol/openid-connect/certs", List.of(), List.of("RS256"),
				KeycloakJwtProperties.defaults(), List.of());

		assertThat(byIssuer.jwkSetUrl()).hasToString("http://localhost:8180/realms/mutuality/protocol/openid-connect/certs");
		assertThat(configured.jwkSetUrl()).hasToString("http://keycloak:8080/realms/mutuality/protocol/openid-connect/certs");
	}

	@Test
	void requiresTheMutualityAudienceWhenNoneIsConfigured() {
		TestIdentityProvider idp = TestIdentityProvider.shared();
		KeycloakJwtDecoders decoders = new KeycloakJwtDecoders(idp.issuerUri(), null, List.of(), List.of("RS256"),
				KeycloakJwtProperties.defaults(), List.of());
		JwtDecoder decoder = decoders.jwtDecoder();

		assertThat(decoders.audiences()).containsExactly("mutuality-api");
		assertThat(decoder.decode(idp.tokenFor(DemoAccount.CLIENT1))).isNotNull();
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder.decode(idp.token(DemoAccount.CLIENT1).audience("account").build()));
	}

	@Test
	void acceptsAConfiguredAudienceInsteadOfTheDefault() {
		TestIdentityProvider idp = TestIdentityProvider.shared();
		JwtDecoder decoder = new KeycloakJwtDecoders(idp.issuerUri(), null, List.of("booking-api"), List.of("RS256"),
				KeycloakJwtProperties.defaults(), List.of())
			.jwtDecoder();

		assertThat(decoder.decode(idp.token(DemoAccount.CLIENT1).audience("account", "booking-api").build())).isNotNull();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(idp.tokenFor(DemoAccount.CLIENT1)));
	}

	@Test
	void widensSpringBootsDefaultAlgorithmToTheAsymmetricOnesKeycloakUses() {
		KeycloakJwtDecoders decoders = new KeycloakJwtDecoders("http://localhost:8180/realms/mutuality", null, List.of(),
				List.of("RS256"), KeycloakJwtProperties.defaults(), List.of());

		assertThat(decoders.algorithms()).extracting(Object::toString)
			.containsExactlyInAnyOrder("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
	}

	@Test
	void refusesToStartWithASymmetricOrNoAlgorithm() {
		for (String algorithm : List.of("HS256", "none")) {
			assertThatIllegalStateException()
				.isThrownBy(() -> new KeycloakJwtDecoders("http://localhost:8180/realms/mutuality", null, List.of(),
						List.of(algorithm), KeycloakJwtProperties.defaults(), List.of()))
				.withMessageContaining(algorithm);
		}
	}

	@Test
	void refusesToStartWithoutAnIssuer() {
		assertThatIllegalStateException().isThrownBy(() -> new KeycloakJwtDecoders(null, null, List.of(), List.of(),
				KeycloakJwtProperties.defaults(), List.of()));
	}

	static KeycloakJwtDecoders decoders(TestIdentityProvider idp, KeycloakJwtProperties properties) {
		return new KeycloakJwtDecoders(idp.issuerUri(), null, List.of(TestIdentityProvider.AUDIENCE), List.of("RS256"),
				properties, List.of());
	}

	static KeycloakJwtProperties shortCache(Duration outageTolerance) {
		return new KeycloakJwtProperties(Duration.ofSeconds(30), Duration.ofSeconds(1), outageTolerance);
	}

}
