package org.mutuality.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The gateway's own calls to the identity provider: a login's code exchange, user-info request and
 * ID-token keys, and the refresh of a browser session's access token. Spring Security's defaults
 * have no time limit, so a Keycloak that accepts a connection and never answers would hold the
 * browser's request (and the page waiting on it) for as long as the connection lives. Here all but
 * the keys (read by Spring Security's own client, bounded by {@link #idTokens()}) share one
 * connection pool with a bounded connect and response time: a login that times out ends on the
 * login-failure page like any failed login, a refresh that times out ends the request as a 503
 * problem+json naming the sign-in service ({@code ProblemErrorWebExceptionHandler}) that the
 * browser can retry. Pooled connections idle for a while are not reused, so a connection the
 * provider has dropped is not tried first.
 */
final class IdentityProviderCalls implements DisposableBean {

	private static final Duration MAX_IDLE = Duration.ofSeconds(20);

	private final ConnectionProvider connections = ConnectionProvider.builder("identity-provider")
		.maxIdleTime(MAX_IDLE)
		.build();

	private final Duration timeout;

	private final WebClient webClient;

	IdentityProviderCalls(Duration timeout) {
		this.timeout = timeout;
		HttpClient http = HttpClient.create(this.connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
			.responseTimeout(timeout);
		this.webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	/** A login's code exchange; a provider that cannot be reached fails the login, not the request. */
	ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCode() {
		WebClientReactiveAuthorizationCodeTokenResponseClient client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
		client.setWebClient(this.webClient);
		return (request) -> client.getTokenResponse(request)
			.onErrorMap(WebClientRequestException.class, (ex) -> new OAuth2AuthorizationException(
					new OAuth2Error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE,
							"The identity provider could not be reached: " + ex.getMessage(), null),
					ex));
	}

	/** A session's token refresh; a provider that cannot be reached ends the request as a 503 naming it. */
	ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshToken() {
		WebClientReactiveRefreshTokenTokenResponseClient client = new WebClientReactiveRefreshTokenTokenResponseClient();
		client.setWebClient(this.webClient);
		return (request) -> client.getTokenResponse(request)
			.onErrorMap(WebClientRequestException.class, IdentityProviderUnavailableException::new);
	}

	/**
	 * The decoder of a login's ID token: Spring Security's, whose first use fetches the provider's key
	 * set with a client of its own that has no time limit. Past the limit the ID token counts as not
	 * verified, which ends the login on its failure page.
	 */
	ReactiveJwtDecoderFactory<ClientRegistration> idTokens() {
		ReactiveOidcIdTokenDecoderFactory decoders = new ReactiveOidcIdTokenDecoderFactory();
		return (registration) -> {
			ReactiveJwtDecoder decoder = decoders.createDecoder(registration);
			return (token) -> decoder.decode(token)
				.timeout(this.timeout, Mono.error(() -> new JwtException(
						"The identity provider's keys could not be read within " + this.timeout)));
		};
	}

	DefaultReactiveOAuth2UserService userInfo() {
		DefaultReactiveOAuth2UserService userInfo = new DefaultReactiveOAuth2UserService();
		userInfo.setWebClient(this.webClient);
		return userInfo;
	}

	@Override
	public void destroy() {
		this.connections.dispose();
	}

}
