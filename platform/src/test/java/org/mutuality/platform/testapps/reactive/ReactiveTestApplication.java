package org.mutuality.platform.testapps.reactive;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mutuality.platform.security.CurrentUser;
import org.mutuality.platform.security.MutualityReactiveSecurity;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tiny WebFlux application secured the way Mutuality's gateway is.
 */
@SpringBootApplication
@EnableWebFluxSecurity
public class ReactiveTestApplication {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return MutualityReactiveSecurity.resourceServer(http)
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/public/**")
				.permitAll()
				.pathMatchers("/therapist/**")
				.hasRole("therapist")
				.anyExchange()
				.authenticated())
			.build();
	}

	@RestController
	static class ReactiveTestController {

		@GetMapping("/me")
		Mono<MeResponse> me(CurrentUser user, Mono<Authentication> authentication) {
			return authentication.zipWith(MutualityReactiveSecurity.currentUser())
				.map((both) -> new MeResponse(user, both.getT2(), both.getT1().getName(),
						both.getT1().getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList()));
		}

		@GetMapping("/public/hello")
		Map<String, String> hello() {
			return Map.of("hello", "world");
		}

		@GetMapping("/public/whoami")
		Map<String, Object> whoami(Optional<CurrentUser> user) {
			return user.<Map<String, Object>>map((u) -> Map.of("username", u.username()))
				.orElseGet(() -> Map.of("anonymous", true));
		}

		@GetMapping("/public/needs-user")
		String needsUser(CurrentUser user) {
			return user.username();
		}

		@GetMapping("/therapist/notes")
		Map<String, String> therapistNotes(CurrentUser user) {
			return Map.of("therapist", user.username());
		}

	}

	record MeResponse(CurrentUser user, CurrentUser fromContext, String name, List<String> authorities) {
	}

}
