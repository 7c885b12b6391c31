package org.mutuality.gateway.requests;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the caller's, when it is a sensible token, or a new
 * UUID. The id is passed on to the service and echoed on the response, so one id names a request in
 * the caller's, the gateway's and the service's logs.
 * <p>
 * A request that takes longer than {@code slow} (5 s) is logged as a warning with its id, so that a
 * stall shows where it happened (at the edge, or in the browser or network before it): once while it
 * is still unanswered, by a check every second of the requests in flight (a request that never ends
 * would otherwise never be logged), and again when it ends, with how long it took and how it ended.
 * <p>
 * The number of requests in flight is the gauge {@code gateway.requests.in.flight}, an untagged count: the
 * gateway keeps no long-task timers (application.yaml), whose {@code http.server.requests.active} gave that
 * count by method, status and outcome, with how long the oldest had been under way, at a cost on every request.
 */
class RequestIdWebFilter implements WebFilter, Ordered, DisposableBean, MeterBinder {

	static final String IN_FLIGHT_GAUGE = "gateway.requests.in.flight";

	static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

	static final Duration SLOW = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(RequestIdWebFilter.class);

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final long slowNanos;

	/** The requests begun and not yet ended, by their exchange (compared by identity), which has their id. */
	private final Map<ServerWebExchange, InFlight> inFlight = new ConcurrentHashMap<>();

	private final Disposable watch;

	RequestIdWebFilter() {
		this(SLOW, Duration.ofSeconds(1));
	}

	RequestIdWebFilter(Duration slow, Duration checkEvery) {
		this.slowNanos = slow.toNanos();
		this.watch = Schedulers.parallel()
			.schedulePeriodically(this::reportUnanswered, checkEvery.toNanos(), checkEvery.toNanos(),
					TimeUnit.NANOSECONDS);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requestId = requestIdOf(exchange.getRequest());
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> headers.set(HEADER, requestId)).build();
		exchange.getResponse().getHeaders().set(HEADER, requestId);
		ServerWebExchange mutated = exchange.mutate().request(request).build();
		mutated.getAttributes().put(ATTRIBUTE, requestId);
		// in flight from when the request's handling is subscribed to until it ends, so that a Mono never subscribed to
		// is never counted
		return Mono.defer(() -> {
			long started = System.nanoTime();
			this.inFlight.put(mutated, new InFlight(started, false));
			return chain.filter(mutated).doFinally((signal) -> {
				this.inFlight.remove(mutated);
				long took = System.nanoTime() - started;
				if (took > this.slowNanos) {
					logger.warn("Slow request: {} {} took {} ms ({}, status {}, request {})", request.getMethod(),
							request.getPath().value(), TimeUnit.NANOSECONDS.toMillis(took), signal,
							exchange.getResponse().getStatusCode(), requestId);
				}
			});
		});
	}

	/** Logs, once each, the requests in flight for longer than {@code slow}. */
	void reportUnanswered() {
		long now = System.nanoTime();
		this.inFlight.replaceAll((exchange, request) -> {
			if (request.reported() || now - request.startedNanos() <= this.slowNanos) {
				return request;
			}
			logger.warn("Slow request: {} {} still unanswered after {} ms (status {}, request {})",
					exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
					TimeUnit.NANOSECONDS.toMillis(now - request.startedNanos()),
					exchange.getResponse().isCommitted() ? exchange.getResponse().getStatusCode() + " sent"
							: "not sent",
					exchange.getAttribute(ATTRIBUTE));
			return new InFlight(request.startedNanos(), true);
		});
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(IN_FLIGHT_GAUGE, this.inFlight, Map::size)
			.description("Requests the gateway has begun and not yet answered")
			.register(registry);
	}

	@Override
	public void destroy() {
		this.watch.dispose();
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

	/** When a request in flight began, and whether it has been logged as unanswered. */
	private record InFlight(long startedNanos, boolean reported) {
	}

}
