package org.mutuality.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keycloak claims to authorities and to a {@link CurrentUser}.
 */
class CurrentUserTests {

	private static final String ID = "6a9d2b7e-3f14-4e2a-b8c5-1d0f7e2a1001";

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void turnsRealmRolesIntoRoleAuthoritiesAndTheSubjectIntoTheName() {
		Jwt jwt = jwt(ID, Map.of("realm_access", Map.of("roles", List.of("therapist", "offline_access", "therapist"))));

		JwtAuthenticationToken authentication = (JwtAuthenticationToken) new KeycloakJwtAuthenticationConverter()
			.convert(jwt);

		assertThat(authentication.getName()).isEqualTo(ID);
		assertThat(AuthorityUtils.authorityListToSet(authentication.getAuthorities()))
			.containsExactlyInAnyOrder("ROLE_therapist", "ROLE_offline_access");
	}

	@Test
	void givesNoAuthoritiesWhenTheTokenHasNoRealmRoles() {
		assertThat(KeycloakJwtAuthenticationConverter.authorities(jwt(ID, Map.of()))).isEmpty();
		assertThat(KeycloakJwtAuthenticationConverter.authorities(jwt(ID, Map.of("realm_access", "client")))).isEmpty();
	}

	@Test
	void readsTheUserFromTheTokenAndItsRoleAuthorities() {
		Jwt jwt = jwt(ID, Map.of("preferred_username", "therapist1", "email", "therapist1@mutuality.test", "name",
				"Maya Okafor"));
		JwtAuthenticationToken authentication = new JwtAuthenticationToken(jwt,
				List.of(new SimpleGrantedAuthority("ROLE_therapist"), new SimpleGrantedAuthority("FACTOR_BEARER")), ID);

		CurrentUser user = CurrentUser.from(authentication).orElseThrow();

		assertThat(user).isEqualTo(new CurrentUser(UUID.fromString(ID), "therapist1", "therapist1@mutuality.test",
				"Maya Okafor", java.util.Set.of("therapist")));
		assertThat(user.isTherapist()).isTrue();
		assertThat(user.isClient()).isFalse();
		assertThat(user.isAdmin()).isFalse();
	}

	@Test
	void leavesMissingProfileClaimsEmpty() {
		CurrentUser user = CurrentUser.from(new JwtAuthenticationToken(jwt(ID, Map.of()), List.of(), ID)).orElseThrow();

		assertThat(user.username()).isNull();
		assertThat(user.email()).isNull();
		assertThat(user.displayName()).isNull();
		assertThat(user.roles()).isEmpty();
	}

	@Test
	void takesTheDisplayNameAsOnePlainLineThatFitsTheNameColumns() {
		String longName = "Alexandra " + "Morgan-".repeat(40);
		CurrentUser user = CurrentUser.from(new JwtAuthenticationToken(
				jwt(ID, Map.of("name", "  Alex\tMorgan\n")), List.of(), ID)).orElseThrow();
		CurrentUser longNamed = CurrentUser.from(new JwtAuthenticationToken(
				jwt(ID, Map.of("name", longName)), List.of(), ID)).orElseThrow();
		CurrentUser blankNamed = CurrentUser.from(new JwtAuthenticationToken(
				jwt(ID, Map.of("name", "\u0007 ")), List.of(), ID)).orElseThrow();

		assertThat(user.displayName()).isEqualTo("Alex Morgan");
		assertThat(longNamed.displayName()).hasSize(CurrentUser.MAX_NAME_LENGTH).isEqualTo(longName.substring(0, 200));
		assertThat(blankNamed.displayName()).isNull();
	}

	@Test
	void hasNoUserForAnAnonymousOrMissingOrNonTokenAuthentication() {
		assertThat(CurrentUser.from(null)).isEmpty();
		assertThat(CurrentUser.from(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
			.isEmpty();
		assertThat(CurrentUser.from(new TestingAuthenticationToken("user", "password", "ROLE_client"))).isEmpty();
		assertThat(CurrentUser.current()).isEmpty();
	}

	@Test
	void refusesASubjectThatIsNotAUserId() {
		JwtAuthenticationToken authentication = new JwtAuthenticationToken(jwt("client1", Map.of()), List.of(), "client1");

		assertThatExceptionOfType(InvalidBearerTokenException.class).isThrownBy(() -> CurrentUser.from(authentication));
	}

	@Test
	void knowsAUserIdWhenItSeesOne() {
		assertThat(CurrentUser.isUserId(ID)).isTrue();
		assertThat(CurrentUser.isUserId(ID.toUpperCase())).isTrue();
		assertThat(CurrentUser.isUserId("1-1-1-1-1")).isFalse();
		assertThat(CurrentUser.isUserId("f:1234:client1")).isFalse();
		assertThat(CurrentUser.isUserId(null)).isFalse();
	}

	@Test
	void readsTheCurrentUserOfTheThreadsSecurityContext() {
		SecurityContextHolder.getContext()
			.setAuthentication(new KeycloakJwtAuthenticationConverter()
				.convert(jwt(ID, Map.of("realm_access", Map.of("roles", List.of("admin"))))));

		assertThat(CurrentUser.current()).hasValueSatisfying((user) -> assertThat(user.isAdmin()).isTrue());
	}

	private static Jwt jwt(String subject, Map<String, Object> claims) {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject(subject)
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(300))
			.claims((all) -> all.putAll(claims))
			.build();
	}

}
