package org.mutuality.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of token validation beyond Spring Boot's standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} keys, all with defaults that suit Keycloak.
 *
 * @param clockSkew how far {@code exp} and {@code nbf} may be off from this machine's clock
 * @param jwksCacheTtl how long the keys fetched from the JWKS are used before they are fetched again
 * @param jwksOutageTolerance how long the last keys fetched keep being used while the JWKS cannot be
 * reached; zero turns outage tolerance off
 */
@ConfigurationProperties("mutuality.security.jwt")
record KeycloakJwtProperties(@DefaultValue("30s") Duration clockSkew, @DefaultValue("5m") Duration jwksCacheTtl,
		@DefaultValue("15m") Duration jwksOutageTolerance) {

	static KeycloakJwtProperties defaults() {
		return new KeycloakJwtProperties(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15));
	}

}
