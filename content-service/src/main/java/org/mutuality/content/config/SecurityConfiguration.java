package org.mutuality.content.config;

import org.mutuality.platform.security.MutualitySecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Who may call what (API.md, Content); the OpenAPI description and the Prometheus scrape (never routed by the
 * gateway) are public. Role rules live here; ownership rules (a therapist's own drafts) in the articles service,
 * which answers 404 for articles that are not the caller's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String THERAPIST = "therapist";

	private static final String ADMIN = "admin";

	private static final String[] PUBLIC_READS = { "/api/articles", "/api/articles/*", "/api/topics", "/api/feed",
			"/sitemap.xml" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http.with(MutualitySecurity.resourceServer(), withDefaults())
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/articles/*/revisions").hasAnyRole(THERAPIST, ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/articles/*/revisions/*/restore").hasAnyRole(THERAPIST, ADMIN)
				.requestMatchers(HttpMethod.GET, PUBLIC_READS)
				.permitAll()
				// what link checkers and feed readers ask before a GET
				.requestMatchers(HttpMethod.HEAD, PUBLIC_READS)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/articles").hasAnyRole(THERAPIST, ADMIN)
				.requestMatchers(HttpMethod.PUT, "/api/articles/*").hasAnyRole(THERAPIST, ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/articles/*/publish", "/api/articles/*/archive").hasRole(ADMIN)
				.requestMatchers(HttpMethod.DELETE, "/api/articles/*").hasRole(ADMIN)
				.anyRequest().authenticated())
			.build();
	}

}
