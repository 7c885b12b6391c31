package org.mutuality.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * The browser session's security context, looked up only for requests that carry the session
 * cookie. API clients and anonymous visitors never have one, and asking the session manager would
 * create a throw-away session for each of their requests (an id from {@code SecureRandom} on a
 * blocking-capable thread): measurable on the hot path of every public read.
 */
final class SessionCookieSecurityContextRepository implements ServerSecurityContextRepository {

	private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return this.sessions.save(exchange, context);
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		if (!exchange.getRequest().getCookies().containsKey(SessionConfiguration.SESSION_COOKIE)) {
			return Mono.empty();
		}
		return this.sessions.load(exchange);
	}

}
