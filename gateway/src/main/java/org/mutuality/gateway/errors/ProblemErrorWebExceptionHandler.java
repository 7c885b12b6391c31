package org.mutuality.gateway.errors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import org.mutuality.gateway.security.IdentityProviderUnavailableException;
import org.mutuality.platform.problem.Problems;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;

/**
 * Answers every error the gateway itself raises as RFC 9457 problem+json, never as an HTML page or
 * with internals. A service that refuses connections, cannot be reached in time or answers too
 * slowly, or whose circuit breaker is open, is a 503 naming the service (the session store when
 * Redis is the one), so clients can tell "try again shortly" from a bug; this is the fallback of
 * every route, for every method. The one exception is a browser asking for a page the site does
 * not have: it gets the site's 404 page.
 */
@Order(-2)
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

	private static final String RETRY_AFTER_SECONDS = "5";

	private static final String SESSION_STORE = "session store";

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private static final byte[] NOT_FOUND_PAGE = readNotFoundPage();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		String instance = exchange.getRequest().getPath().value();
		if (isNotFound(ex) && wantsPage(exchange)) {
			response.setStatusCode(HttpStatus.NOT_FOUND);
			response.getHeaders().setContentType(HTML);
			return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(NOT_FOUND_PAGE)));
		}
		// a redirect whose commit failed (its session could not be saved) left its target behind
		response.getHeaders().remove(HttpHeaders.LOCATION);
		ProblemDetail problem;
		if (isUnavailable(ex)) {
			String unavailable = unavailable(exchange, ex);
			if (unavailable.equals(SESSION_STORE)) {
				// and the cookie of a session that was not saved
				response.getCookies().clear();
			}
			problem = Problems.forStatus(HttpStatus.SERVICE_UNAVAILABLE,
					"The " + unavailable + " is unavailable or too slow right now. Please try again shortly.", instance);
			problem.setTitle("Service unavailable");
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			logger.warn("{} {} -> 503: {}", exchange.getRequest().getMethod(), instance, ex.toString());
		}
		else if (isExpiredLogin(ex)) {
			problem = Problems.forStatus(HttpStatus.UNAUTHORIZED, "The session's login has expired. Please log in again.",
					instance);
			logger.info("{} {} -> 401: {}", exchange.getRequest().getMethod(), instance, ex.toString());
		}
		else if (ex instanceof ResponseStatusException statusException
				&& !statusException.getStatusCode().is5xxServerError()) {
			String reason = statusException.getReason();
			problem = (reason != null) ? Problems.forStatus(statusException.getStatusCode(), reason, instance)
					: Problems.forStatus(statusException.getStatusCode(), instance);
		}
		else {
			logger.error("{} {} failed", exchange.getRequest().getMethod(), instance, ex);
			problem = Problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR, instance);
		}
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(Problems.toJson(problem))));
	}

	private static boolean isNotFound(Throwable ex) {
		return ex instanceof ResponseStatusException statusException
				&& statusException.getStatusCode().value() == HttpStatus.NOT_FOUND.value();
	}

	/**
	 * A browser navigating to a page the site does not have: it asks for HTML by name (API clients,
	 * scripts and {@code *}{@code /*} get problem+json) and the path is not the API's.
	 */
	private static boolean wantsPage(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		if (path.equals("/api") || path.startsWith("/api/") || !HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
			return false;
		}
		return exchange.getRequest().getHeaders().getAccept().stream().anyMatch(HTML::equalsTypeAndSubtype);
	}

	private static byte[] readNotFoundPage() {
		try (InputStream page = new ClassPathResource("static/404.html").getInputStream()) {
			return page.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The gateway's static/404.html is missing", ex);
		}
	}

	private static boolean isUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			// PrematureCloseException: the service closed the connection before it answered (it stopped, or a
			// pooled connection it had dropped); a POST is not retried, so this reaches the caller
			if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
					|| cause instanceof TimeoutException || cause instanceof ReadTimeoutException
					|| cause instanceof PrematureCloseException || cause instanceof CallNotPermittedException) {
				return true;
			}
			// Redis, where the sessions live, could not be reached, did not answer in time, dropped the connection
			// or refused the command (still loading after a restart, read-only, out of memory)
			if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof RedisSystemException) {
				return true;
			}
			ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(cause.getClass(), ResponseStatus.class);
			if (annotated != null && (annotated.code() == HttpStatus.SERVICE_UNAVAILABLE
					|| annotated.code() == HttpStatus.GATEWAY_TIMEOUT)) {
				// such as the gateway's ServiceUnavailableException for an open circuit breaker
				return true;
			}
			if (cause instanceof ResponseStatusException statusException) {
				int status = statusException.getStatusCode().value();
				if (status == HttpStatus.SERVICE_UNAVAILABLE.value() || status == HttpStatus.GATEWAY_TIMEOUT.value()) {
					return true;
				}
			}
		}
		return false;
	}

	/** A browser session whose tokens could not be refreshed (the Keycloak session ended or expired). */
	private static boolean isExpiredLogin(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OAuth2AuthorizationException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What could not be reached: the sign-in service when a session's token refresh failed, the session
	 * store when a session could not be read or saved, else the route's service.
	 */
	private static String unavailable(ServerWebExchange exchange, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof IdentityProviderUnavailableException) {
				return "sign-in service";
			}
			if (cause instanceof DataAccessException) {
				return SESSION_STORE;
			}
		}
		return serviceName(exchange);
	}

	private static String serviceName(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : "service";
	}

}
