package org.mutuality.gateway.security;

import java.net.URI;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The page a person returns to after logging in, given as {@code ?returnTo=/path} to
 * {@code /login}, {@code /register} or {@code /oauth2/authorization/keycloak}. Only local paths are
 * accepted, so the parameter cannot be used to send someone to another site (no open redirect).
 */
final class ReturnTo {

	static final String PARAMETER = "returnTo";

	static final String SESSION_ATTRIBUTE = ReturnTo.class.getName();

	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e]{0,500}");

	private ReturnTo() {
	}

	/** The request's {@code returnTo} when it is a local path, otherwise {@code null}. */
	static String of(ServerWebExchange exchange) {
		return sanitize(exchange.getRequest().getQueryParams().getFirst(PARAMETER));
	}

	static String sanitize(String value) {
		if (value == null || !LOCAL_PATH.matcher(value).matches() || value.contains("\\")) {
			return null;
		}
		try {
			URI uri = URI.create(value);
			return (uri.getScheme() == null && uri.getRawAuthority() == null) ? value : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
