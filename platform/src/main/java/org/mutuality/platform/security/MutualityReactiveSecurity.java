package org.mutuality.platform.security;

import java.util.Collection;

import reactor.core.publisher.Mono;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The resource-server security of a reactive Mutuality application (the gateway), the counterpart
 * of {@link MutualitySecurity}: bearer JWTs checked by the platform's {@code ReactiveJwtDecoder},
 * Keycloak realm roles as {@code ROLE_*} authorities, no session-held security context, no CSRF,
 * HTTP Basic, form login or logout, and problem+json answers for 401 (with
 * {@code WWW-Authenticate: Bearer}), 403 and 503. A request with a bad token is 401 even on a public
 * path. The application adds only its own rules:
 *
 * <pre class="code">
 * &#64;Bean
 * SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
 *     return MutualityReactiveSecurity.resourceServer(http)
 *         .authorizeExchange((exchanges) -&gt; exchanges
 *             .pathMatchers("/actuator/health/**", "/actuator/info").permitAll()
 *             .anyExchange().permitAll())
 *         .build();
 * }
 * </pre>
 */
public final class MutualityReactiveSecurity {

	private MutualityReactiveSecurity() {
	}

	/** Applies the resource-server defaults to {@code http} and returns it for the application's rules. */
	public static ServerHttpSecurity resourceServer(ServerHttpSecurity http) {
		ReactiveProblemSecurityHandlers handlers = new ReactiveProblemSecurityHandlers();
		return http
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(
						new ReactiveJwtAuthenticationConverterAdapter(new KeycloakJwtAuthenticationConverter())))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers)
				.authenticationFailureHandler(handlers))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable);
	}

	/**
	 * The {@code ROLE_*} authorities of a validated Keycloak access token's realm roles, the same the
	 * resource server grants: for applications that hold the token themselves (the gateway's browser
	 * login) and need the roles of the person it was issued to.
	 */
	public static Collection<GrantedAuthority> realmRoleAuthorities(Jwt accessToken) {
		return KeycloakJwtAuthenticationConverter.authorities(accessToken);
	}

	/** The current user of the reactive security context; empty when the exchange is anonymous. */
	public static Mono<CurrentUser> currentUser() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.flatMap((authentication) -> Mono.justOrEmpty(CurrentUser.from(authentication)));
	}

}
