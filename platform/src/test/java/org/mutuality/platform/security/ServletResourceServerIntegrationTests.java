package org.mutuality.platform.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;
import org.mutuality.platform.testapps.TestHttp;
import org.mutuality.platform.testapps.servlet.ServletTestApplication;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet resource server over real HTTP with real signed tokens: every bad token is 401 with
 * problem+json and an RFC 6750 challenge, on protected and public paths alike; a valid one gives the
 * controller the right {@link CurrentUser} and authorities; roles are enforced with 403.
 */
@SpringBootTest(classes = ServletTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ServletResourceServerIntegrationTests {

	private static final TestIdentityProvider idp = TestIdentityProvider.shared();

	@LocalServerPort
	private int port;

	private TestHttp http;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp::issuerUri);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.AUDIENCE);
	}

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void answersARequestWithoutTokenOnAProtectedPathWith401AndABareChallenge() {
		TestHttp.Response response = this.http.get("/me");

		JsonNode problem = response.assertProblem(401, "/me");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(problem.path("type").asString()).isEqualTo("about:blank");
		assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
	}

	@Test
	void letsARequestWithoutTokenThroughOnAPublicPath() {
		TestHttp.Response response = this.http.get("/public/hello");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("hello").asString()).isEqualTo("world");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.mutuality.platform.testapps.BadTokens#all")
	void rejectsABadTokenOnAProtectedPath(String kind, String token) {
		TestHttp.Response response = this.http.get("/me", token);

		response.assertProblem(401, "/me");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.mutuality.platform.testapps.BadTokens#all")
	void rejectsABadTokenEvenOnAPublicPath(String kind, String token) {
		TestHttp.Response response = this.http.get("/public/hello", token);

		response.assertProblem(401, "/public/hello");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
	}

	@Test
	void givesTheControllerTheCurrentUserOfAValidToken() {
		TestHttp.Response response = this.http.get("/me", idp.tokenFor(DemoAccount.THERAPIST1));

		assertThat(response.status()).isEqualTo(200);
		JsonNode me = response.json();
		assertThat(me.path("name").asString()).isEqualTo(DemoAccount.THERAPIST1.id());
		assertThat(me.path("authorities").toString()).contains("ROLE_therapist");
		JsonNode user = me.path("user");
		assertThat(user.path("id").asString()).isEqualTo(DemoAccount.THERAPIST1.id());
		assertThat(user.path("username").asString()).isEqualTo("therapist1");
		assertThat(user.path("email").asString()).isEqualTo("therapist1@mutuality.test");
		assertThat(user.path("displayName").asString()).isEqualTo("Maya Okafor");
		assertThat(user.path("roles").toString()).isEqualTo("[\"therapist\"]");
		assertThat(me.path("fromContext")).isEqualTo(user);
	}

	@Test
	void acceptsATokenSignedWithinTheClockSkewOfItsNotBefore() {
		String token = idp.token(DemoAccount.CLIENT1).notBefore(java.time.Instant.now().plusSeconds(10)).build();

		assertThat(this.http.get("/me", token).status()).isEqualTo(200);
	}

	@Test
	void answers403ProblemForAWrongRole() {
		TestHttp.Response response = this.http.get("/therapist/notes", idp.tokenFor(DemoAccount.CLIENT1));

		response.assertProblem(403, "/therapist/notes");
		assertThat(response.json().path("title").asString()).isEqualTo("Forbidden");
	}

	@Test
	void letsTheRightRoleIn() {
		TestHttp.Response response = this.http.get("/therapist/notes", idp.tokenFor(DemoAccount.THERAPIST2));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("therapist").asString()).isEqualTo("therapist2");
	}

	@Test
	void answersMethodSecurityDenialWith403ForAUserAnd401ForAnAnonymousCaller() {
		this.http.get("/public/admin-report", idp.tokenFor(DemoAccount.CLIENT2)).assertProblem(403, "/public/admin-report");

		TestHttp.Response anonymous = this.http.get("/public/admin-report");
		anonymous.assertProblem(401, "/public/admin-report");
		assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");

		assertThat(this.http.get("/public/admin-report", idp.tokenFor(DemoAccount.ADMIN1)).status()).isEqualTo(200);
	}

	@Test
	void answers401WhenAControllerNeedsAUserOnAPublicPath() {
		TestHttp.Response response = this.http.get("/public/needs-user");

		response.assertProblem(401, "/public/needs-user");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void givesAnOptionalCurrentUserToPublicEndpoints() {
		assertThat(this.http.get("/public/whoami").json().path("anonymous").asBoolean()).isTrue();
		assertThat(this.http.get("/public/whoami", idp.tokenFor(DemoAccount.CLIENT3)).json().path("username").asString())
			.isEqualTo("client3");
	}

	@Test
	void keepsNoSessionAndNeedsNoCsrfToken() {
		TestHttp.Response response = this.http.postJson("/echo", idp.tokenFor(DemoAccount.CLIENT1),
				"{\"name\":\"a\",\"size\":1,\"kind\":\"DRAFT\"}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

}
