package org.mutuality.platform.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mutuality.platform.text.PlainLine;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The person behind the request, taken from their Keycloak access token: {@code id} is the token's
 * {@code sub}, {@code username} its {@code preferred_username}, {@code displayName} its
 * {@code name}, and {@code roles} the realm roles ({@code client}, {@code therapist},
 * {@code admin}) that became {@code ROLE_*} authorities. Controllers take it as a method parameter
 * ({@code CurrentUser user}, or {@code Optional<CurrentUser>} on public endpoints); other code asks
 * {@link #current()} (servlet) or {@code MutualityReactiveSecurity.currentUser()} (reactive).
 *
 * <p>The id is a {@link UUID}: API.md makes every id a UUID, the services store the user id in UUID
 * columns and fields ({@code clientId}, {@code therapistId}, {@code claimedBy}), and Keycloak's
 * user ids are UUIDs. Parsing it once here means no service handles a malformed id; a token whose
 * {@code sub} is not a UUID is refused with 401 when it is validated. {@code email} and
 * {@code displayName} are {@code null} when the token does not carry them. The display name is
 * taken as one plain line of at most {@value #MAX_NAME_LENGTH} characters (a name is the person's
 * own choice in their account, and a long or odd one must not fail their request where a service
 * stores or shows it).
 */
public record CurrentUser(UUID id, String username, String email, String displayName, Set<String> roles) {

	/** The realm role of people who take assessments and book consultations. */
	public static final String CLIENT = "client";

	/** The realm role of practitioners. */
	public static final String THERAPIST = "therapist";

	/** The realm role of the practice's administrators. */
	public static final String ADMIN = "admin";

	/** The longest display name a service is given (and stores: the name columns are this long). */
	public static final int MAX_NAME_LENGTH = 200;

	static final String ROLE_PREFIX = "ROLE_";

	public CurrentUser {
		Objects.requireNonNull(id, "id");
		displayName = PlainLine.of(displayName, MAX_NAME_LENGTH);
		if (displayName != null && displayName.isEmpty()) {
			displayName = null;
		}
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	public boolean isClient() {
		return hasRole(CLIENT);
	}

	public boolean isTherapist() {
		return hasRole(THERAPIST);
	}

	public boolean isAdmin() {
		return hasRole(ADMIN);
	}

	/**
	 * The current user of the calling thread's security context (servlet applications), or empty
	 * when the request is anonymous.
	 */
	public static Optional<CurrentUser> current() {
		return from(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * The user an authentication stands for: empty when it is missing, anonymous, or not a bearer
	 * token. Roles are read from the {@code ROLE_*} authorities, so that they are exactly what the
	 * authorization rules saw.
	 * @throws InvalidBearerTokenException if the token's subject is not a UUID
	 */
	public static Optional<CurrentUser> from(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken
				|| !(authentication.getPrincipal() instanceof Jwt jwt)) {
			return Optional.empty();
		}
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		return Optional.of(new CurrentUser(userId(jwt.getSubject()), jwt.getClaimAsString("preferred_username"),
				jwt.getClaimAsString("email"), jwt.getClaimAsString("name"), roles));
	}

	static UUID userId(String subject) {
		if (!isUserId(subject)) {
			throw new InvalidBearerTokenException("The token's subject is not a user id");
		}
		return UUID.fromString(subject);
	}

	static boolean isUserId(String subject) {
		if (subject == null || subject.length() != 36) {
			return false;
		}
		try {
			return UUID.fromString(subject).toString().equalsIgnoreCase(subject);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
