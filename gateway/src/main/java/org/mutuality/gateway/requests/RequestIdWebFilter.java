package org.mutuality.gateway.requests;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the caller's, when it is a sensible token, or a new
 * UUID. The id is passed on to the service and echoed on the response, so one id names a request in
 * the caller's, the gateway's and the service's logs. A request that takes longer than
 * {@value #SLOW_MILLIS} ms to answer is logged as a warning with its id, so that a stall shows where
 * it happened (at the edge, or in the browser or network before it).
 */
class RequestIdWebFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

	static final long SLOW_MILLIS = 5_000;

	private static final Logger logger = LoggerFactory.getLogger(RequestIdWebFilter.class);

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requestId = requestIdOf(exchange.getRequest());
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> headers.set(HEADER, requestId)).build();
		exchange.getResponse().getHeaders().set(HEADER, requestId);
		ServerWebExchange mutated = exchange.mutate().request(request).build();
		mutated.getAttributes().put(ATTRIBUTE, requestId);
		long started = System.nanoTime();
		return chain.filter(mutated).doFinally((signal) -> {
			long millis = (System.nanoTime() - started) / 1_000_000;
			if (millis > SLOW_MILLIS) {
				logger.warn("Slow request: {} {} took {} ms ({}, status {}, request {})", request.getMethod(),
						request.getPath().value(), millis, signal, exchange.getResponse().getStatusCode(), requestId);
			}
		});
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
