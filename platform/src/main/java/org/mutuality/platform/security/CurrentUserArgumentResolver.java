package org.mutuality.platform.security;

import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives Spring MVC handler methods a {@link CurrentUser} parameter, or an
 * {@code Optional<CurrentUser>} where anonymous callers are welcome. A required one on an anonymous
 * request answers 401.
 */
final class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

	private final SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.nestedIfOptional().getNestedParameterType() == CurrentUser.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Optional<CurrentUser> user = CurrentUser
			.from(this.securityContextHolderStrategy.getContext().getAuthentication());
		if (parameter.getParameterType() == Optional.class) {
			return user;
		}
		return user.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Authentication is required"));
	}

}
