package org.mutuality.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated Keycloak access token into an authentication: each realm role in
 * {@code realm_access.roles} becomes a {@code ROLE_<role>} authority, so that
 * {@code hasRole("therapist")} works, and the authentication's name is the token's {@code sub}.
 * Client roles ({@code resource_access}) and scopes are not authorities in Mutuality.
 */
final class KeycloakJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
	}

	static Collection<GrantedAuthority> authorities(Jwt jwt) {
		if (!(jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess)
				|| !(realmAccess.get("roles") instanceof Collection<?> roles)) {
			return List.of();
		}
		return roles.stream()
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.filter((role) -> !role.isBlank())
			.distinct()
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority(CurrentUser.ROLE_PREFIX + role))
			.toList();
	}

}
