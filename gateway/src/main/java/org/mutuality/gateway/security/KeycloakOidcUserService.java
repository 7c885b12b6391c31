package org.mutuality.gateway.security;

import java.util.LinkedHashSet;
import java.util.Set;

import org.mutuality.platform.security.MutualityReactiveSecurity;
import reactor.core.publisher.Mono;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The person behind a browser login, with the realm roles of the access token the login produced:
 * Keycloak puts them in the access token, not the ID token, and the access token is checked by the
 * same decoder (issuer, audience {@code mutuality-api}, signature) as any bearer token, so a session
 * user has exactly the roles the services will see when the token is relayed.
 */
final class KeycloakOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();

	private final ReactiveJwtDecoder accessTokens;

	/**
	 * @param accessTokens the decoder of bearer tokens
	 * @param userInfo what reads the provider's user-info endpoint (with a time limit)
	 */
	KeycloakOidcUserService(ReactiveJwtDecoder accessTokens,
			ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> userInfo) {
		this.accessTokens = accessTokens;
		this.delegate.setOauth2UserService(userInfo);
	}

	@Override
	public Mono<OidcUser> loadUser(OidcUserRequest request) {
		return this.delegate.loadUser(request)
			.zipWith(this.accessTokens.decode(request.getAccessToken().getTokenValue()))
			.map((loaded) -> {
				OidcUser user = loaded.getT1();
				Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
				authorities.addAll(MutualityReactiveSecurity.realmRoleAuthorities(loaded.getT2()));
				return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
			});
	}

}
