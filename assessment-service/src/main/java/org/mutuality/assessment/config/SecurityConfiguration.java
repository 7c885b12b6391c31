package org.mutuality.assessment.config;

import org.mutuality.platform.security.CurrentUser;
import org.mutuality.platform.security.MutualitySecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The role rules of API.md's Assessments table: the catalogue is public, only clients submit, and
 * clients, therapists and admins read submissions (ownership is checked by the submissions service). The
 * OpenAPI description and the Prometheus scrape (never routed by the gateway) are public; the other actuator
 * endpoints are for admins.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.with(MutualitySecurity.resourceServer(), withDefaults())
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.requestMatchers("/actuator/**").hasRole(CurrentUser.ADMIN)
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/assessments", "/api/assessments/*").permitAll()
				// the public catalogue answers HEAD as it answers GET (link checkers)
				.requestMatchers(HttpMethod.HEAD, "/api/assessments", "/api/assessments/*").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/assessments/*/submissions").hasRole(CurrentUser.CLIENT)
				.requestMatchers(HttpMethod.GET, "/api/submissions", "/api/submissions/*")
				.hasAnyRole(CurrentUser.CLIENT, CurrentUser.THERAPIST, CurrentUser.ADMIN)
				.anyRequest().authenticated())
			.build();
	}

}
