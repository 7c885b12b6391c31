package org.mutuality.platform.security;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives WebFlux handler methods a {@link CurrentUser} parameter, or an {@code Optional<CurrentUser>}
 * where anonymous callers are welcome. A required one on an anonymous exchange is refused with an
 * {@link AccessDeniedException}, which Spring Security answers with 401.
 */
final class ReactiveCurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.nestedIfOptional().getNestedParameterType() == CurrentUser.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		Mono<CurrentUser> user = MutualityReactiveSecurity.currentUser();
		if (parameter.getParameterType() == Optional.class) {
			return user.map(Optional::of).defaultIfEmpty(Optional.empty()).cast(Object.class);
		}
		return user.cast(Object.class)
			.switchIfEmpty(Mono.error(() -> new AccessDeniedException("Authentication is required")));
	}

}
