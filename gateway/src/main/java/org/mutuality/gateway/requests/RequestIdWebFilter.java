package org.mutuality.gateway.requests;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the caller's, when it is a sensible token, or a new
 * UUID. The id is passed on to the service and echoed on the response, so one id names a request in
 * the caller's, the gateway's and the service's logs.
 */
class RequestIdWebFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requestId = requestIdOf(exchange.getRequest());
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> headers.set(HEADER, requestId)).build();
		exchange.getResponse().getHeaders().set(HEADER, requestId);
		ServerWebExchange mutated = exchange.mutate().request(request).build();
		mutated.getAttributes().put(ATTRIBUTE, requestId);
		return chain.filter(mutated);
	}

	private static String requestIdOf(ServerHttpRequest request) {
		String given = request.getHeaders().getFirst(HEADER);
		return (given != null && ACCEPTABLE.matcher(given).matches()) ? given : newRequestId();
	}

	/**
	 * A random (version 4) UUID from the event loop thread's own generator. A request id must be
	 * unique, not unguessable, and {@code UUID.randomUUID()} draws from the one shared
	 * {@code SecureRandom}, whose lock every request would contend for.
	 */
	static String newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
		long leastSignificant = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant).toString();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
