package org.mutuality.platform.security;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The reactive security layer's problem+json answers, the same as the servlet ones: 401 with
 * {@code WWW-Authenticate: Bearer}, 403, and 503 when the token could not be checked because the
 * identity provider's keys were unreachable.
 */
final class ReactiveProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
		ServerAuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(ReactiveProblemSecurityHandlers.class);

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		return write(exchange, SecurityProblems.unauthenticated(ex, path(exchange)));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return write(exchange, SecurityProblems.accessDenied(path(exchange)));
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		if (exception instanceof AuthenticationServiceException) {
			logger.warn("A bearer token could not be checked: " + exception.getMessage());
			return write(exchange, SecurityProblems.authenticationUnavailable(path(exchange)));
		}
		return commence(exchange, exception);
	}

	private static String path(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value();
	}

	private static Mono<Void> write(ServerWebExchange exchange, SecurityProblems.Answer answer) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		byte[] body = answer.body();
		response.setStatusCode(answer.status());
		HttpHeaders headers = response.getHeaders();
		if (answer.wwwAuthenticate() != null) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, answer.wwwAuthenticate());
		}
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
