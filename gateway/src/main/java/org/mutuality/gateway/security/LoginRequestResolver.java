package org.mutuality.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the redirect to Keycloak's authorization endpoint for {@code /oauth2/authorization/keycloak}:
 * authorization code with PKCE (S256) even though the gateway is a confidential client,
 * {@code prompt=create} when the person asked to register (Keycloak then shows its registration
 * page), and the page to come back to remembered in the session.
 */
final class LoginRequestResolver implements ServerOAuth2AuthorizationRequestResolver {

	static final String PROMPT = "prompt";

	static final String CREATE = "create";

	private final DefaultServerOAuth2AuthorizationRequestResolver delegate;

	LoginRequestResolver(ReactiveClientRegistrationRepository registrations) {
		this.delegate = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
		this.delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
		return this.delegate.resolve(exchange).flatMap((request) -> customize(exchange, request));
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
		return this.delegate.resolve(exchange, clientRegistrationId).flatMap((request) -> customize(exchange, request));
	}

	private Mono<OAuth2AuthorizationRequest> customize(ServerWebExchange exchange, OAuth2AuthorizationRequest request) {
		boolean register = CREATE.equals(exchange.getRequest().getQueryParams().getFirst(PROMPT));
		OAuth2AuthorizationRequest customized = register ? OAuth2AuthorizationRequest.from(request)
			.additionalParameters((parameters) -> parameters.put(PROMPT, CREATE))
			.build() : request;
		String returnTo = ReturnTo.of(exchange);
		return exchange.getSession().doOnNext((session) -> {
			if (returnTo != null) {
				session.getAttributes().put(ReturnTo.SESSION_ATTRIBUTE, returnTo);
			}
			else {
				session.getAttributes().remove(ReturnTo.SESSION_ATTRIBUTE);
			}
		}).thenReturn(customized);
	}

}
