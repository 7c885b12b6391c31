package org.mutuality.gateway.security;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;

/** After a login, back to the page the person started from ({@link ReturnTo}), or to the home page. */
final class ReturnToSuccessHandler implements ServerAuthenticationSuccessHandler {

	private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		return exchange.getSession()
			.map((session) -> {
				Object target = session.getAttributes().remove(ReturnTo.SESSION_ATTRIBUTE);
				return (target instanceof String path && ReturnTo.sanitize(path) != null) ? path : "/";
			})
			.defaultIfEmpty("/")
			.flatMap((target) -> this.redirects.sendRedirect(exchange, URI.create(target)));
	}

}
