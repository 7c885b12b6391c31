package org.mutuality.gateway.security;

import java.util.List;

/**
 * {@code GET /api/me}: who is calling, from their session or bearer token.
 *
 * @param id the Keycloak user id (the token's {@code sub}), the id the services use
 * @param username the login name ({@code preferred_username})
 * @param email the email address, when known
 * @param name the display name, when known
 * @param roles the platform's realm roles the user holds ({@code client}, {@code therapist},
 * {@code admin}), sorted
 */
record MeResponse(String id, String username, String email, String name, List<String> roles) {

}
