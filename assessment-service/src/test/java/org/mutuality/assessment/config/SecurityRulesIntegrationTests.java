package org.mutuality.assessment.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.platform.test.security.DemoAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every caller against every endpoint, with real signed tokens: anonymous, a bad token, a token
 * without roles, each demo role, and a client against another client's submission.
 */
class SecurityRulesIntegrationTests extends AssessmentIntegrationTestSupport {

	private static final String OWN_SUBMISSION = "{own-submission}";

	private static String client1Submission;

	@BeforeEach
	void client1HasASubmission() {
		if (client1Submission == null) {
			TestHttp.Response response = this.http.post("/api/assessments/gad-7/submissions", gad7(1),
					tokenFor(DemoAccount.CLIENT1));
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			client1Submission = response.json().path("id").asString();
		}
	}

	@ParameterizedTest(name = "{0} {1} as {2} -> {3}")
	@MethodSource("rules")
	void answersEachCallerAsAPIMdSays(String method, String path, Caller caller, int expected) {
		String resolved = path.replace(OWN_SUBMISSION, client1Submission);
		String body = method.equals("POST") ? gad7(0) : null;

		TestHttp.Response response = this.http.send(method, resolved, body, caller.token());

		assertThat(response.status()).as(response.body()).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
		if (expected == 401) {
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
	}

	static Stream<Arguments> rules() {
		List<Arguments> rules = new ArrayList<>();
		// method, path, then the expected status for: anonymous, bad token, no role, client1, client2, therapist, admin
		add(rules, "GET", "/api/assessments", 200, 401, 200, 200, 200, 200, 200);
		add(rules, "GET", "/api/assessments/phq-9", 200, 401, 200, 200, 200, 200, 200);
		add(rules, "POST", "/api/assessments/gad-7/submissions", 401, 401, 403, 201, 201, 403, 403);
		add(rules, "GET", "/api/submissions", 401, 401, 403, 200, 200, 200, 200);
		add(rules, "GET", "/api/submissions/" + OWN_SUBMISSION, 401, 401, 403, 200, 404, 200, 200);
		add(rules, "GET", "/actuator/health", 200, 401, 200, 200, 200, 200, 200);
		add(rules, "GET", "/actuator/metrics", 401, 401, 403, 403, 403, 403, 200);
		add(rules, "GET", "/v3/api-docs", 200, 401, 200, 200, 200, 200, 200);
		add(rules, "DELETE", "/api/submissions/" + OWN_SUBMISSION, 401, 401, 405, 405, 405, 405, 405);
		return rules.stream();
	}

	private static void add(List<Arguments> rules, String method, String path, int... expected) {
		Caller[] callers = Caller.values();
		for (int i = 0; i < callers.length; i++) {
			rules.add(Arguments.of(method, path, callers[i], expected[i]));
		}
	}

	enum Caller {

		ANONYMOUS, BAD_TOKEN, NO_ROLE, CLIENT1, CLIENT2, THERAPIST, ADMIN;

		String token() {
			return switch (this) {
				case ANONYMOUS -> null;
				case BAD_TOKEN -> idp.token(DemoAccount.CLIENT1).signedWithForeignKey().build();
				case NO_ROLE -> idp.token().build();
				case CLIENT1 -> idp.tokenFor(DemoAccount.CLIENT1);
				case CLIENT2 -> idp.tokenFor(DemoAccount.CLIENT2);
				case THERAPIST -> idp.tokenFor(DemoAccount.THERAPIST1);
				case ADMIN -> idp.tokenFor(DemoAccount.ADMIN1);
			};
		}

	}

}
