package org.mutuality.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import org.mutuality.platform.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Limits the API requests of each caller: the user when the request is authenticated (bearer token
 * or browser session), the client's IP address otherwise. It runs after the security filters, so
 * it knows who is calling; a refused request ends here with a problem+json 429 and
 * {@code Retry-After}, before it costs a service anything.
 */
final class RateLimitWebFilter implements WebFilter, Ordered {

	static final String STANDARD = "standard";

	static final String STRICT = "strict";

	private final RateLimitStore store;

	private final RateLimitProperties properties;

	private final List<PathPattern> paths;

	private final List<StrictRequest> strictRequests;

	RateLimitWebFilter(RateLimitStore store, RateLimitProperties properties) {
		this.store = store;
		this.properties = properties;
		PathPatternParser parser = PathPatternParser.defaultInstance;
		this.paths = properties.paths().stream().map(parser::parse).toList();
		this.strictRequests = properties.strictRequests().stream().map((text) -> StrictRequest.parse(text, parser)).toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		if (this.paths.stream().noneMatch((pattern) -> pattern.matches(path))) {
			return chain.filter(exchange);
		}
		boolean strict = this.strictRequests.stream().anyMatch((request) -> request.matches(exchange.getRequest(), path));
		String policy = strict ? STRICT : STANDARD;
		RateLimitProperties.Limit limit = strict ? this.properties.strict() : this.properties.standard();
		return exchange.getPrincipal()
			.filter((principal) -> principal instanceof Authentication authentication && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken))
			.map((principal) -> "user:" + principal.getName())
			.switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddress(exchange.getRequest())))
			.flatMap((caller) -> this.store.take(policy + ":" + caller, limit))
			.flatMap((decision) -> decision.allowed() ? chain.filter(exchange)
					: tooManyRequests(exchange, decision.retryAfterSeconds()));
	}

	static String clientAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	static Mono<Void> tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds) {
		ServerHttpResponse response = exchange.getResponse();
		ProblemDetail problem = Problems.forStatus(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests. Please try again in " + retryAfterSeconds + " s.", exchange.getRequest().getPath().value());
		problem.setTitle("Too many requests");
		byte[] body = Problems.toJson(problem);
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	@Override
	public int getOrder() {
		// after Spring Security's WebFilterChainProxy (-100), which establishes who is calling
		return 0;
	}

	private record StrictRequest(HttpMethod method, PathPattern pattern) {

		static StrictRequest parse(String text, PathPatternParser parser) {
			String[] parts = text.trim().split("\\s+", 2);
			if (parts.length != 2) {
				throw new IllegalArgumentException("A strict request is 'METHOD /path/pattern', not '" + text + "'");
			}
			return new StrictRequest(HttpMethod.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)), parser.parse(parts[1]));
		}

		boolean matches(ServerHttpRequest request, PathContainer path) {
			return this.method.equals(request.getMethod()) && this.pattern.matches(path);
		}

	}

}
