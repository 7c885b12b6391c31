package org.mutuality.gateway.requests;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Bounds request bodies in size and in time. Over the configured size is a 413: at once when
 * {@code Content-Length} says so, and as soon as a chunked body grows past the limit otherwise.
 * A body that has not arrived in full within the time limit of its being asked for is a 408: a
 * client that stalls, or sends a byte now and then, would otherwise hold its connection and the
 * request open for as long as it likes (the routes receive a body in full before they call their
 * service, to be able to send it again, so a slow body is not held against the service's time
 * limit or circuit breaker; it was held against nothing). Nothing over the limits reaches a service.
 */
class RequestBodyWebFilter implements WebFilter, Ordered {

	private final long maxBytes;

	private final Duration timeout;

	RequestBodyWebFilter(DataSize maxRequestSize, Duration timeout) {
		this.maxBytes = maxRequestSize.toBytes();
		this.timeout = timeout;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return Mono.error(tooLarge());
		}
		if (declared == 0) {
			return chain.filter(exchange);
		}
		// a body is on its way when its length is given or it comes in chunks; otherwise (HTTP/1.1 without either)
		// there is none, and the body is only bounded in size, as over HTTP/2 a body without a length is
		boolean expected = declared > 0 || request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
		ServerHttpRequest bounded = new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				Flux<DataBuffer> body = super.getBody();
				if (expected) {
					body = withinTime(body);
				}
				return (declared < 0) ? withinSize(body) : body;
			}

		};
		return chain.filter(exchange.mutate().request(bounded).build());
	}

	/** The body, or a 408 once the time limit has passed since it was asked for. */
	private Flux<DataBuffer> withinTime(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			long deadline = System.nanoTime() + this.timeout.toNanos();
			return body.timeout(Mono.delay(this.timeout),
					(buffer) -> Mono.delay(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))),
					Flux.error(this::tooSlow));
		});
	}

	/** The body, or a 413 as soon as it grows past the size limit. */
	private Flux<DataBuffer> withinSize(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			long[] seen = { 0 };
			return body.handle((buffer, sink) -> {
				seen[0] += buffer.readableByteCount();
				if (seen[0] > this.maxBytes) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		});
	}

	private ResponseStatusException tooLarge() {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + DataSize.ofBytes(this.maxBytes).toKilobytes() + " KiB.");
	}

	private ResponseStatusException tooSlow() {
		return new ResponseStatusException(HttpStatus.REQUEST_TIMEOUT,
				"The request body did not arrive in full within " + this.timeout.toSeconds() + " s.");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
