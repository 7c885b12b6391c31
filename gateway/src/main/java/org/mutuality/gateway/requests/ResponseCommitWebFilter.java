package org.mutuality.gateway.requests;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Commits an answer that the handlers left uncommitted (a redirect, a 204) while the gateway's error
 * handler can still answer a failure. WebFlux would otherwise commit it after the error handlers
 * have run, and what runs at commit, such as saving the browser session to Redis, would fail into
 * Reactor Netty's bare 500; here it becomes the handler's problem+json (a 503 naming the session
 * store). An answer already committed (a proxied or static body) is left alone; the others get the
 * commit WebFlux would give them, only earlier.
 */
class ResponseCommitWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).then(Mono.defer(() -> exchange.getResponse().setComplete()));
	}

	/** Just inside the request-id filter, so that a slow commit counts in the request's time. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
