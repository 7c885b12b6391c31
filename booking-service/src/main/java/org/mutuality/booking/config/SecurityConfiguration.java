package org.mutuality.booking.config;

import org.mutuality.platform.security.MutualitySecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.mutuality.platform.security.CurrentUser.ADMIN;
import static org.mutuality.platform.security.CurrentUser.CLIENT;
import static org.mutuality.platform.security.CurrentUser.THERAPIST;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The role rules of API.md's Booking section on top of the platform's resource-server defaults.
 * Ownership (a client's own bookings, a therapist's own calendar) is checked by the services, which
 * answer 404 for anything that belongs to someone else. {@code /api/therapists/me/**} comes before
 * the public {@code /api/therapists/*} so that {@code me} is never read as a therapist id. The OpenAPI
 * description and the Prometheus scrape (never routed by the gateway) are public; the other actuator
 * endpoints are for admins.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.with(MutualitySecurity.resourceServer(), withDefaults())
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
						"/actuator/prometheus")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(ADMIN)
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/api/therapists/me", "/api/therapists/me/**")
				.hasRole(THERAPIST)
				.requestMatchers(HttpMethod.GET, "/api/therapists", "/api/therapists/*", "/api/therapists/*/slots",
						"/api/therapists/*/calendar.ics")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/bookings")
				.hasRole(CLIENT)
				.requestMatchers(HttpMethod.GET, "/api/bookings", "/api/bookings/*")
				.hasAnyRole(CLIENT, THERAPIST, ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/bookings/*/cancel", "/api/bookings/*/reschedule")
				.hasAnyRole(CLIENT, THERAPIST, ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/follow-ups/mine")
				.hasRole(CLIENT)
				.requestMatchers(HttpMethod.GET, "/api/follow-ups")
				.hasAnyRole(THERAPIST, ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/follow-ups/*/claim")
				.hasRole(THERAPIST)
				.requestMatchers(HttpMethod.POST, "/api/follow-ups/*/close")
				.hasAnyRole(THERAPIST, ADMIN)
				.anyRequest()
				.authenticated())
			.build();
	}

}
