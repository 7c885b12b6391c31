package org.mutuality.gateway.security;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mutuality.platform.problem.Problems;
import org.mutuality.platform.security.CurrentUser;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The browser's account endpoints at the gateway: {@code GET /api/me} (who is logged in, from the
 * session or a bearer token; 401 problem+json for anonymous callers), and {@code GET /login} and
 * {@code GET /register}, which send the browser to Keycloak's login or registration page and, with
 * {@code ?returnTo=/page}, back to that page afterwards.
 */
@RestController
class AccountController {

	static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + SecurityConfiguration.REGISTRATION_ID;

	private static final String ROLE_PREFIX = "ROLE_";

	/** The platform's roles; Keycloak's own default roles (offline_access, ...) mean nothing to the UI. */
	private static final Set<String> PLATFORM_ROLES = Set.of(CurrentUser.CLIENT, CurrentUser.THERAPIST, CurrentUser.ADMIN);

	@GetMapping("/api/me")
	Mono<ResponseEntity<?>> me(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(Authentication.class::isInstance)
			.map(Authentication.class::cast)
			.flatMap((authentication) -> Mono.justOrEmpty(me(authentication)))
			.<ResponseEntity<?>>map((me) -> ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.contentType(MediaType.APPLICATION_JSON)
				.body(me))
			.switchIfEmpty(Mono.fromSupplier(() -> anonymous(exchange)));
	}

	@GetMapping("/login")
	ResponseEntity<Void> login(ServerWebExchange exchange) {
		return redirect(exchange, false);
	}

	@GetMapping("/register")
	ResponseEntity<Void> register(ServerWebExchange exchange) {
		return redirect(exchange, true);
	}

	private static ResponseEntity<Void> redirect(ServerWebExchange exchange, boolean register) {
		UriComponentsBuilder target = UriComponentsBuilder.fromPath(AUTHORIZATION_PATH);
		if (register) {
			target.queryParam(LoginRequestResolver.PROMPT, LoginRequestResolver.CREATE);
		}
		String returnTo = ReturnTo.of(exchange);
		if (returnTo != null) {
			target.queryParam(ReturnTo.PARAMETER, returnTo);
		}
		URI location = target.encode().build().toUri();
		return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
	}

	static Optional<MeResponse> me(Authentication authentication) {
		if (authentication instanceof OAuth2AuthenticationToken login && login.getPrincipal() instanceof OidcUser user) {
			return Optional.of(new MeResponse(user.getSubject(), user.getPreferredUsername(), user.getEmail(),
					user.getFullName(), roles(login.getAuthorities())));
		}
		return CurrentUser.from(authentication)
			.map((user) -> new MeResponse(user.id().toString(), user.username(), user.email(), user.displayName(),
					user.roles().stream().filter(PLATFORM_ROLES::contains).sorted().toList()));
	}

	private static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.filter(PLATFORM_ROLES::contains)
			.distinct()
			.sorted()
			.toList();
	}

	private static ResponseEntity<byte[]> anonymous(ServerWebExchange exchange) {
		ProblemDetail problem = Problems.forStatus(HttpStatus.UNAUTHORIZED, "Nobody is logged in.",
				exchange.getRequest().getPath().value());
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.toJson(problem));
	}

}
