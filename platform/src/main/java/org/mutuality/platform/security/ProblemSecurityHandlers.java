package org.mutuality.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The servlet security layer's problem+json answers: the entry point (401 with
 * {@code WWW-Authenticate: Bearer}), the access-denied handler (403), and the bearer token filter's
 * failure handler, which answers 503 instead of 401 when the token could not be checked at all
 * because the identity provider's keys were unreachable.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
		AuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(ProblemSecurityHandlers.class);

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		write(response, SecurityProblems.unauthenticated(authException, request.getRequestURI()));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		write(response, SecurityProblems.accessDenied(request.getRequestURI()));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof AuthenticationServiceException) {
			logger.warn("A bearer token could not be checked: " + exception.getMessage());
			write(response, SecurityProblems.authenticationUnavailable(request.getRequestURI()));
			return;
		}
		commence(request, response, exception);
	}

	private static void write(HttpServletResponse response, SecurityProblems.Answer answer) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		byte[] body = answer.body();
		response.setStatus(answer.status().value());
		if (answer.wwwAuthenticate() != null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, answer.wwwAuthenticate());
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
