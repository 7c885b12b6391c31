package org.mutuality.platform.testapps.servlet;


import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mutuality.platform.security.MutualitySecurity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * A tiny Spring MVC service secured the way Mutuality's services are, with endpoints that raise
 * every kind of error, and a filter that fails outside any controller.
 */
@SpringBootApplication
@EnableMethodSecurity
public class ServletTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http.with(MutualitySecurity.resourceServer(), withDefaults())
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**")
				.permitAll()
				.requestMatchers("/therapist/**")
				.hasRole("therapist")
				.anyRequest()
				.authenticated())
			.build();
	}

	@Bean
	FilterRegistrationBean<Filter> failingFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			String path = ((HttpServletRequest) request).getRequestURI();
			if (path.equals("/public/filter-failure")) {
				throw new IllegalStateException("java.sql.SQLException: SELECT secret FROM users failed");
			}
			if (path.equals("/public/filter-send-error")) {
				((HttpServletResponse) response).sendError(400, "org.example.Secret rejected it");
				return;
			}
			chain.doFilter(request, response);
		});
		registration.addUrlPatterns("/public/*");
		return registration;
	}


}
