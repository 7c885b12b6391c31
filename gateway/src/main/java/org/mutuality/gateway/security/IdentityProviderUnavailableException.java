package org.mutuality.gateway.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The identity provider could not be reached in time while the gateway refreshed a browser
 * session's access token: the request ends as a 503 that names the sign-in service, not the
 * service the request was for, which is fine.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public final class IdentityProviderUnavailableException extends RuntimeException {

	public IdentityProviderUnavailableException(Throwable cause) {
		super("The identity provider could not be reached: " + cause.getMessage(), cause);
	}

}
