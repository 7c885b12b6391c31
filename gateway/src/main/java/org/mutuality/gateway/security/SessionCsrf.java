package org.mutuality.gateway.security;

import java.util.Set;

import org.mutuality.platform.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CSRF protection for requests that ride on the session cookie, in the pattern single-page
 * applications use: the token is in the {@code XSRF-TOKEN} cookie, which scripts may read, and
 * comes back in the {@code X-XSRF-TOKEN} header (or the {@code _csrf} form field of a plain form
 * such as the logout button). A request is checked when its method changes state and it carries the
 * session cookie but no bearer token: a bearer token is never sent by a browser on its own, and a
 * request without the session cookie has no session to abuse.
 */
final class SessionCsrf {

	static final String COOKIE = "XSRF-TOKEN";

	static final String HEADER = "X-XSRF-TOKEN";

	private static final String ME_PATH = "/api/me";

	private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	private SessionCsrf() {
	}

	static CookieServerCsrfTokenRepository tokenRepository(boolean secureCookies) {
		CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookieName(COOKIE);
		repository.setHeaderName(HEADER);
		repository.setCookiePath("/");
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax").secure(secureCookies));
		return repository;
	}

	/** Whether a request must carry the token. */
	static ServerWebExchangeMatcher requiresProtection() {
		return (exchange) -> {
			ServerHttpRequest request = exchange.getRequest();
			boolean protect = !SAFE_METHODS.contains(request.getMethod()) && !hasBearerToken(request)
					&& request.getCookies().containsKey(SessionConfiguration.SESSION_COOKIE);
			return protect ? MatchResult.match() : MatchResult.notMatch();
		};
	}

	static boolean hasBearerToken(ServerHttpRequest request) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	/** 403 problem+json for a missing or wrong token. */
	static Mono<Void> denied(ServerWebExchange exchange, AccessDeniedException denied) {
		ServerHttpResponse response = exchange.getResponse();
		ProblemDetail problem = Problems.forStatus(HttpStatus.FORBIDDEN,
				"The request is missing its CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.",
				exchange.getRequest().getPath().value());
		problem.setTitle("CSRF token missing or invalid");
		byte[] body = Problems.toJson(problem);
		response.setStatusCode(HttpStatus.FORBIDDEN);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	/**
	 * Makes sure the {@code XSRF-TOKEN} cookie reaches browsers: Spring Security creates the token
	 * lazily, so it is only written when something asks for it. It is asked for on every request of
	 * a browser session (one with the session cookie) and on {@code GET /api/me}, which the web UI
	 * calls on every page; API clients and anonymous reads, which need none, do not pay for one.
	 */
	static WebFilter cookieIssuer() {
		return (ServerWebExchange exchange, WebFilterChain chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			ServerHttpRequest request = exchange.getRequest();
			boolean browser = request.getCookies().containsKey(SessionConfiguration.SESSION_COOKIE)
					|| ME_PATH.equals(request.getPath().pathWithinApplication().value());
			if (token == null || !browser || hasBearerToken(request)) {
				return chain.filter(exchange);
			}
			return token.then(chain.filter(exchange));
		};
	}

}
