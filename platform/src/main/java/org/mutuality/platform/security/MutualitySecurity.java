package org.mutuality.platform.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The resource-server security of a Mutuality servlet service, as one Spring Security DSL: bearer
 * JWTs checked by the platform's {@code JwtDecoder}, Keycloak realm roles as {@code ROLE_*}
 * authorities and {@code sub} as the name, stateless sessions, no CSRF (a pure bearer-token API), no
 * request cache or logout, and problem+json answers for 401 (with an RFC 6750
 * {@code WWW-Authenticate: Bearer} challenge), 403, and 503 when Keycloak's keys cannot be fetched.
 * A request that carries a bad token is 401 even on a path that permits all. Error dispatches (to
 * {@code /error}) are not authorized again, so an anonymous request's 400 or 404 stays what it was.
 * A service adds only its own rules:
 *
 * <pre class="code">
 * &#64;Bean
 * SecurityFilterChain securityFilterChain(HttpSecurity http) {
 *     return http.with(MutualitySecurity.resourceServer(), withDefaults())
 *         .authorizeHttpRequests((requests) -&gt; requests
 *             .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
 *             .requestMatchers(HttpMethod.GET, "/api/articles/**").permitAll()
 *             .requestMatchers(HttpMethod.POST, "/api/articles").hasAnyRole("therapist", "admin")
 *             .anyRequest().authenticated())
 *         .build();
 * }
 * </pre>
 */
public final class MutualitySecurity extends AbstractHttpConfigurer<MutualitySecurity, HttpSecurity> {

	private MutualitySecurity() {
	}

	/** The DSL to apply with {@code http.with(MutualitySecurity.resourceServer(), withDefaults())}. */
	public static MutualitySecurity resourceServer() {
		return new MutualitySecurity();
	}

	@Override
	public void init(HttpSecurity http) {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers();
		http.oauth2ResourceServer((resourceServer) -> resourceServer
			.jwt((jwt) -> jwt.jwtAuthenticationConverter(new KeycloakJwtAuthenticationConverter()))
			.authenticationEntryPoint(handlers)
			.accessDeniedHandler(handlers)
			.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(handlers);
					return filter;
				}
			}))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers));
		@SuppressWarnings("unchecked")
		AuthorizeHttpRequestsConfigurer<HttpSecurity> authorize = http.getConfigurer(AuthorizeHttpRequestsConfigurer.class);
		if (authorize != null) {
			authorize.withObjectPostProcessor(new ObjectPostProcessor<AuthorizationFilter>() {
				@Override
				public <O extends AuthorizationFilter> O postProcess(O filter) {
					filter.setFilterErrorDispatch(false);
					return filter;
				}
			});
		}
	}

}
