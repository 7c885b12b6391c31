package org.mutuality.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.mutuality.platform.security.MutualityReactiveSecurity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The edge's security, for two kinds of callers. API clients send a bearer token: when present it
 * must be valid, or the request ends here with a problem+json 401, and it is passed on unchanged.
 * Browsers never hold tokens: they log in at the gateway (authorization code with PKCE against
 * Keycloak, the backend-for-frontend pattern) and get a server-side session; for their requests the
 * gateway relays the session's access token to the services (refreshing it when it expires), checks
 * a CSRF token on state-changing requests, and {@code POST /logout} ends the Keycloak session too.
 * Anonymous requests pass: each service checks the token again (zero trust) and applies its own
 * role and ownership rules. Nothing is ever redirected to a login page; every response carries the
 * security headers, and cross-origin calls are allowed only from the configured origins.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({ EdgeSecurityProperties.class, OAuth2ClientProperties.class })
class SecurityConfiguration {

	static final String REGISTRATION_ID = "keycloak";

	@Bean
	SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, EdgeSecurityProperties properties,
			OAuth2ClientProperties clientProperties, ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients) {
		OidcClientInitiatedServerLogoutSuccessHandler endKeycloakSession = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");
		endKeycloakSession.setLogoutSuccessUrl(URI.create("/"));
		return MutualityReactiveSecurity.resourceServer(http)
			.securityContextRepository(new SessionCookieSecurityContextRepository())
			.oauth2Login((login) -> login.authorizationRequestResolver(new LoginRequestResolver(registrations))
				.authorizedClientRepository(authorizedClients)
				.authenticationSuccessHandler(new ReturnToSuccessHandler())
				.authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/?login=failed"))
				.loginPage("/login"))
			.csrf((csrf) -> csrf.csrfTokenRepository(SessionCsrf.tokenRepository(properties.secureCookies()))
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(SessionCsrf.requiresProtection())
				.accessDeniedHandler(SessionCsrf::denied))
			.addFilterAfter(SessionCsrf.cookieIssuer(), SecurityWebFiltersOrder.CSRF)
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
						new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(endKeycloakSession))
			.headers((headers) -> headers.frameOptions((frames) -> frames.mode(Mode.DENY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.hsts((hsts) -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true))
				.writer(new ContentSecurityPolicyWriter(properties, ContentSecurityPolicyWriter.originOf(loginIssuer(clientProperties)))))
			.cors((cors) -> cors.configurationSource(corsConfiguration(properties.corsAllowedOrigins())))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.build();
	}

	@Bean
	LazyClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
			EdgeSecurityProperties edge) {
		return new LazyClientRegistrationRepository(properties, edge.identityProviderBackChannelDiscoveryUri(),
				edge.identityProviderTimeout());
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> loginProviderWarmUp(LazyClientRegistrationRepository registrations) {
		return (event) -> registrations.warmUp();
	}

	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	@Bean
	IdentityProviderCalls identityProviderCalls(EdgeSecurityProperties properties) {
		return new IdentityProviderCalls(properties.identityProviderTimeout());
	}

	/** The login's code exchange (oauth2Login uses this bean), with a time limit. */
	@Bean
	ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient(
			IdentityProviderCalls identityProvider) {
		return identityProvider.authorizationCode();
	}

	/** The login's ID-token decoder (oauth2Login uses this bean), with a time limit on reading the keys. */
	@Bean
	ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(IdentityProviderCalls identityProvider) {
		return identityProvider.idTokens();
	}

	@Bean
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, IdentityProviderCalls identityProvider) {
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken((refresh) -> refresh.accessTokenResponseClient(identityProvider.refreshToken()))
			.build());
		return manager;
	}

	@Bean
	ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(ReactiveJwtDecoder accessTokens,
			IdentityProviderCalls identityProvider) {
		return new KeycloakOidcUserService(accessTokens, identityProvider.userInfo());
	}

	private static String loginIssuer(OAuth2ClientProperties properties) {
		OAuth2ClientProperties.Provider provider = properties.getProvider().get(REGISTRATION_ID);
		return (provider != null) ? provider.getIssuerUri() : null;
	}

	private static UrlBasedCorsConfigurationSource corsConfiguration(List<String> allowedOrigins) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!allowedOrigins.isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(allowedOrigins);
			cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
			cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", SessionCsrf.HEADER, "If-Match",
					"If-None-Match", "Idempotency-Key", "X-Request-Id"));
			cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Request-Id"));
			cors.setAllowCredentials(true);
			cors.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}

}
