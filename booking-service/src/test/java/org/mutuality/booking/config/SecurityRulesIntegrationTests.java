package org.mutuality.booking.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every endpoint, with real signed tokens: anonymous, a user with no role, a
 * client, a therapist and an admin. Resources that do not exist answer 404 to the roles that may
 * reach them, so the table shows where each request stops: 401, 403, or past security.
 */
class SecurityRulesIntegrationTests extends BookingServiceIntegrationTest {

	private static final String ID = UUID.randomUUID().toString();

	private static final String PROFILE = "{\"displayName\": \"Dr X\", \"timeZone\": \"Europe/London\", \"consultationMinutes\": 30}";

	private static final String AVAILABILITY = "{\"timeZone\": \"Europe/London\", \"weekly\": []}";

	private static final String RESCHEDULE = "{\"start\": \"2030-01-01T10:00:00Z\"}";

	enum Caller {

		ANONYMOUS, NO_ROLE, CLIENT, THERAPIST, ADMIN

	}

	static Stream<Arguments> rules() {
		List<Arguments> rules = new ArrayList<>();
		// method, path, body, then the expected status for ANONYMOUS, NO_ROLE, CLIENT, THERAPIST, ADMIN
		add(rules, "GET", "/api/therapists", null, 200, 200, 200, 200, 200);
		add(rules, "GET", "/api/therapists/" + ID, null, 404, 404, 404, 404, 404);
		add(rules, "GET", "/api/therapists/" + ID + "/slots?from=2030-01-01&to=2030-01-02", null, 404, 404, 404, 404,
				404);
		add(rules, "GET", "/api/therapists/" + ID + "/calendar.ics?token=x", null, 404, 404, 404, 404, 404);
		add(rules, "GET", "/api/therapists/me", null, 401, 403, 403, 404, 403);
		add(rules, "PUT", "/api/therapists/me", PROFILE, 401, 403, 403, 201, 403);
		add(rules, "GET", "/api/therapists/me/availability", null, 401, 403, 403, 404, 403);
		add(rules, "PUT", "/api/therapists/me/availability", AVAILABILITY, 401, 403, 403, 404, 403);
		add(rules, "GET", "/api/therapists/me/calendar.ics", null, 401, 403, 403, 200, 403);
		add(rules, "POST", "/api/therapists/me/calendar-subscription", null, 401, 403, 403, 404, 403);
		add(rules, "DELETE", "/api/therapists/me/calendar-subscription", null, 401, 403, 403, 204, 403);
		add(rules, "POST", "/api/bookings", "{}", 401, 403, 400, 403, 403);
		add(rules, "GET", "/api/bookings", null, 401, 403, 200, 200, 200);
		add(rules, "GET", "/api/bookings/" + ID, null, 401, 403, 404, 404, 404);
		add(rules, "POST", "/api/bookings/" + ID + "/cancel", null, 401, 403, 404, 404, 404);
		add(rules, "POST", "/api/bookings/" + ID + "/reschedule", RESCHEDULE, 401, 403, 404, 404, 404);
		add(rules, "GET", "/api/follow-ups", null, 401, 403, 403, 200, 200);
		add(rules, "GET", "/api/follow-ups/mine", null, 401, 403, 200, 403, 403);
		add(rules, "POST", "/api/follow-ups/" + ID + "/claim", null, 401, 403, 403, 404, 403);
		add(rules, "POST", "/api/follow-ups/" + ID + "/close", "{\"outcome\": \"done\"}", 401, 403, 403, 404, 404);
		add(rules, "GET", "/actuator/health", null, 200, 200, 200, 200, 200);
		add(rules, "GET", "/actuator/prometheus", null, 200, 200, 200, 200, 200);
		add(rules, "GET", "/v3/api-docs", null, 200, 200, 200, 200, 200);
		add(rules, "GET", "/actuator/env", null, 401, 403, 403, 403, 404);
		add(rules, "GET", "/api/unknown", null, 401, 404, 404, 404, 404);
		return rules.stream();
	}

	private static void add(List<Arguments> rules, String method, String path, String body, int... expected) {
		Caller[] callers = Caller.values();
		for (int i = 0; i < callers.length; i++) {
			rules.add(Arguments.of(method, path, callers[i], body, expected[i]));
		}
	}

	@ParameterizedTest(name = "{0} {1} as {2} -> {4}")
	@MethodSource("rules")
	void answersEachRoleAsTheApiSays(String method, String path, Caller caller, String body, int expected) {
		Http.Response response = this.http.send(method, path, token(caller), body, Map.of());

		assertThat(response.status()).as("%s %s as %s: %s", method, path, caller, response.body())
			.isEqualTo(expected);
		if (expected == 401) {
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
		if (expected >= 400) {
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	private static String token(Caller caller) {
		return switch (caller) {
			case ANONYMOUS -> null;
			case NO_ROLE -> idp.token().subject(UUID.randomUUID().toString()).build();
			case CLIENT -> newClient().token();
			case THERAPIST -> newTherapist().token();
			case ADMIN -> newUser("admin", "Test Admin").token();
		};
	}

}
