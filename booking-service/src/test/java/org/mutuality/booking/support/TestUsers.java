package org.mutuality.booking.support;

import java.util.Map;
import java.util.UUID;

import org.mutuality.booking.support.BookingServiceIntegrationTest.User;
import org.mutuality.platform.test.security.TestIdentityProvider;

/**
 * Users of booking-service's tests, each with a random id and a real token signed by the JVM's test identity
 * provider, and the properties that make an application accept those tokens: for
 * {@link BookingServiceIntegrationTest} and for tests that start the application themselves.
 */
public final class TestUsers {

	private static final TestIdentityProvider idp = TestIdentityProvider.shared();

	private TestUsers() {
	}

	/** A new user in the role, with a random id and the email address {@code role-id@mutuality.test}. */
	public static User newUser(String role, String name) {
		UUID id = UUID.randomUUID();
		String token = idp.token()
			.subject(id.toString())
			.username(role + "-" + id)
			.name(name)
			.email(role + "-" + id + "@mutuality.test")
			.roles(role)
			.build();
		return new User(id, token, role + "-" + id + "@mutuality.test");
	}

	/** The properties that point an application's resource server at the test identity provider. */
	public static Map<String, Object> identityProviderProperties() {
		return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp.issuerUri(),
				"spring.security.oauth2.resourceserver.jwt.audiences", TestIdentityProvider.AUDIENCE);
	}

}
