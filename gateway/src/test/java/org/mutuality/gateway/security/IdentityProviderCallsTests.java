package org.mutuality.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mutuality.gateway.StubService;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token endpoint that answers only after the time limit (a stalled identity provider): a
 * session's token refresh fails with a read timeout, which the gateway answers as a 503 naming the
 * sign-in service ({@code ProblemErrorWebExceptionHandlerTests}), and a login's
 * code exchange fails as an authorization error and an ID token whose keys do not arrive in time as
 * a bad token, both of which end the login on its failure page; none holds the browser's request for
 * as long as the connection lives.
 */
class IdentityProviderCallsTests {

	private final StubService keycloak = StubService.start("keycloak");

	private final IdentityProviderCalls calls = new IdentityProviderCalls(Duration.ofMillis(500));

	private final ClientRegistration registration = ClientRegistration.withRegistrationId("keycloak")
		.clientId("mutuality-gateway")
		.clientSecret("secret")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
		.authorizationUri(this.keycloak.uri() + "/auth")
		.tokenUri(this.keycloak.uri() + "/token")
		.jwkSetUri(this.keycloak.uri() + "/certs")
		.build();

	@AfterEach
	void stop() {
		this.calls.destroy();
		this.keycloak.close();
	}

	@Test
	void aRefreshTheProviderDoesNotAnswerInTimeEndsAsAReadTimeout() {
		this.keycloak.delay(Duration.ofSeconds(5));
		Instant issued = Instant.now().minus(Duration.ofMinutes(10));
		OAuth2AccessToken expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired", issued,
				issued.plus(Duration.ofMinutes(5)));
		OAuth2RefreshTokenGrantRequest refresh = new OAuth2RefreshTokenGrantRequest(this.registration, expired,
				new OAuth2RefreshToken("refresh", issued));

		assertThatThrownBy(() -> this.calls.refreshToken().getTokenResponse(refresh).block(Duration.ofSeconds(30)))
			.isInstanceOf(IdentityProviderUnavailableException.class)
			.hasRootCauseInstanceOf(ReadTimeoutException.class);
	}

	@Test
	void aCodeExchangeTheProviderDoesNotAnswerInTimeFailsTheLogin() {
		this.keycloak.delay(Duration.ofSeconds(5));
		OAuth2AuthorizationRequest authorization = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(this.keycloak.uri() + "/auth")
			.clientId("mutuality-gateway")
			.redirectUri("http://localhost/login/oauth2/code/keycloak")
			.state("state")
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code")
			.redirectUri("http://localhost/login/oauth2/code/keycloak")
			.state("state")
			.build();
		OAuth2AuthorizationCodeGrantRequest exchange = new OAuth2AuthorizationCodeGrantRequest(this.registration,
				new OAuth2AuthorizationExchange(authorization, response));

		assertThatThrownBy(() -> this.calls.authorizationCode().getTokenResponse(exchange).block(Duration.ofSeconds(30)))
			.isInstanceOf(OAuth2AuthorizationException.class)
			.hasRootCauseInstanceOf(ReadTimeoutException.class);
	}

	@Test
	void anIdTokenWhoseKeysDoNotArriveInTimeFailsTheLogin() {
		this.keycloak.delay(Duration.ofSeconds(5));
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String idToken = base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"login\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + base64.encodeToString("{\"sub\":\"client1\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(new byte[256]);

		assertThatThrownBy(
				() -> this.calls.idTokens().createDecoder(this.registration).decode(idToken).block(Duration.ofSeconds(30)))
			.isInstanceOf(JwtException.class)
			.hasMessageContaining("could not be read within");
	}

}
