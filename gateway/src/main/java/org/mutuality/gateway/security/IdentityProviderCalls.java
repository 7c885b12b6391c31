package org.mutuality.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's own calls to the identity provider's token endpoint: exchanging a login's
 * authorization code and refreshing a browser session's access token. Spring Security's defaults
 * have no time limit, so a Keycloak that accepts a connection and never answers would hold the
 * browser's request (and the page waiting on it) for as long as the connection lives. Here each
 * call has a bounded connect and response time; a stalled provider ends the request as a 503
 * problem+json ({@code ProblemErrorWebExceptionHandler}) that the browser can retry. Pooled
 * connections idle for a while are not reused, so a connection the provider has dropped is not
 * tried first.
 */
final class IdentityProviderCalls {

	private static final Duration MAX_IDLE = Duration.ofSeconds(20);

	private IdentityProviderCalls() {
	}

	static WebClientReactiveAuthorizationCodeTokenResponseClient authorizationCode(Duration timeout) {
		WebClientReactiveAuthorizationCodeTokenResponseClient client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
		client.setWebClient(webClient(timeout));
		return client;
	}

	static WebClientReactiveRefreshTokenTokenResponseClient refreshToken(Duration timeout) {
		WebClientReactiveRefreshTokenTokenResponseClient client = new WebClientReactiveRefreshTokenTokenResponseClient();
		client.setWebClient(webClient(timeout));
		return client;
	}

	private static WebClient webClient(Duration timeout) {
		ConnectionProvider connections = ConnectionProvider.builder("identity-provider").maxIdleTime(MAX_IDLE).build();
		HttpClient http = HttpClient.create(connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
			.responseTimeout(timeout);
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
