package org.mutuality.gateway.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token endpoint that accepts the connection and never answers (a stalled identity provider):
 * the session's token refresh fails with a read timeout, which the gateway answers as 503, instead
 * of holding the browser's request for as long as the connection lives.
 */
class IdentityProviderCallsTests {

	private ServerSocket silent;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startASilentTokenEndpoint() throws IOException {
		this.silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.silent.isClosed()) {
				try {
					this.accepted.add(this.silent.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "silent-token-endpoint");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@AfterEach
	void stop() throws IOException {
		this.silent.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	@Test
	void aRefreshTheProviderNeverAnswersEndsAsAReadTimeout() {
		ClientRegistration keycloak = ClientRegistration.withRegistrationId("keycloak")
			.clientId("mutuality-gateway")
			.clientSecret("secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("http://127.0.0.1:" + this.silent.getLocalPort() + "/auth")
			.tokenUri("http://127.0.0.1:" + this.silent.getLocalPort() + "/token")
			.build();
		Instant issued = Instant.now().minus(Duration.ofMinutes(10));
		OAuth2AccessToken expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired", issued,
				issued.plus(Duration.ofMinutes(5)));
		OAuth2RefreshTokenGrantRequest refresh = new OAuth2RefreshTokenGrantRequest(keycloak, expired,
				new OAuth2RefreshToken("refresh", issued));

		assertThatThrownBy(() -> IdentityProviderCalls.refreshToken(Duration.ofMillis(500))
			.getTokenResponse(refresh)
			.block(Duration.ofSeconds(30))).satisfies((ex) -> assertThat(causes(ex)).hasAtLeastOneElementOfType(ReadTimeoutException.class));
		assertThat(this.accepted).as("the refresh reached the endpoint").isNotEmpty();
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> causes = new java.util.ArrayList<>();
		for (Throwable cause = ex; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

}
