package org.mutuality.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Limits the starts of a browser login ({@code GET /oauth2/authorization/...}) per client address,
 * with the strict limit. Each start stores a new session holding the authorization request, and
 * Spring Security answers the path itself, ahead of {@link RateLimitWebFilter}: unlimited, one
 * address could fill the in-memory session store (10,000 sessions) and stop everyone's logins.
 */
final class LoginStartRateLimitWebFilter implements WebFilter, Ordered {

	private static final PathPattern LOGIN_START = PathPatternParser.defaultInstance.parse("/oauth2/authorization/**");

	private final RateLimitStore store;

	private final RateLimitProperties.Limit limit;

	LoginStartRateLimitWebFilter(RateLimitStore store, RateLimitProperties properties) {
		this.store = store;
		this.limit = properties.strict();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())
				|| !LOGIN_START.matches(exchange.getRequest().getPath().pathWithinApplication())) {
			return chain.filter(exchange);
		}
		String caller = "login-ip:" + RateLimitWebFilter.clientAddress(exchange.getRequest());
		return this.store.take(RateLimitWebFilter.STRICT + ":" + caller, this.limit)
			.flatMap((decision) -> decision.allowed() ? chain.filter(exchange)
					: RateLimitWebFilter.tooManyRequests(exchange, decision.retryAfterSeconds()));
	}

	@Override
	public int getOrder() {
		// before Spring Security's WebFilterChainProxy (-100), which answers the login start itself
		return -200;
	}

}
