package org.mutuality.platform.security;

import org.mutuality.platform.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * The answers of the security layer, shared by the servlet and the reactive handlers: 401 with an
 * RFC 6750 {@code WWW-Authenticate: Bearer} challenge, 403, and 503 when the token could not be
 * checked because the identity provider's keys were unreachable. Details and error descriptions are
 * fixed texts: what exactly was wrong with a token (or which library said so) is never sent.
 */
final class SecurityProblems {

	static final String BEARER = "Bearer";

	private SecurityProblems() {
	}

	/** The answer to a request that is not authenticated: no token, or a bad one. */
	static Answer unauthenticated(AuthenticationException ex, String instance) {
		if (!(ex instanceof OAuth2AuthenticationException oauth2)) {
			// no credentials at all: RFC 6750 section 3.1 says no error code then
			return new Answer(HttpStatus.UNAUTHORIZED, BEARER, Problems.forStatus(HttpStatus.UNAUTHORIZED,
					"A bearer access token is required", instance));
		}
		String code = oauth2.getError().getErrorCode();
		HttpStatus status;
		String description;
		if (BearerTokenErrorCodes.INVALID_REQUEST.equals(code)) {
			status = HttpStatus.BAD_REQUEST;
			description = "The access token is not presented the way RFC 6750 allows";
		}
		else if (BearerTokenErrorCodes.INSUFFICIENT_SCOPE.equals(code)) {
			status = HttpStatus.FORBIDDEN;
			description = "The access token does not allow this request";
		}
		else {
			// a bad token of any kind: which check it failed is not told
			code = BearerTokenErrorCodes.INVALID_TOKEN;
			status = HttpStatus.UNAUTHORIZED;
			description = "The access token is invalid or has expired";
		}
		String challenge = BEARER + " error=\"" + code + "\", error_description=\"" + description + "\"";
		return new Answer(status, challenge, Problems.forStatus(status, description, instance));
	}

	/** The answer to an authenticated request that its roles do not allow. */
	static Answer accessDenied(String instance) {
		return new Answer(HttpStatus.FORBIDDEN, null, Problems.forStatus(HttpStatus.FORBIDDEN, instance));
	}

	/** The answer when a token could not be checked because the keys could not be fetched. */
	static Answer authenticationUnavailable(String instance) {
		return new Answer(HttpStatus.SERVICE_UNAVAILABLE, null, Problems.forStatus(HttpStatus.SERVICE_UNAVAILABLE,
				"The access token cannot be checked right now; try again shortly", instance));
	}

	/**
	 * One answer: its status, its {@code WWW-Authenticate} header (or {@code null}) and its problem.
	 */
	record Answer(HttpStatusCode status, String wwwAuthenticate, ProblemDetail problem) {

		byte[] body() {
			return Problems.toJson(this.problem);
		}

	}

}
