package org.mutuality.platform.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;
import org.mutuality.platform.testapps.TestHttp;
import org.mutuality.platform.testapps.reactive.ReactiveTestApplication;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive resource server (what the gateway uses) over real HTTP with real signed tokens: the
 * same answers as the servlet one.
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ReactiveResourceServerIntegrationTests {

	private static final TestIdentityProvider idp = TestIdentityProvider.shared();

	@LocalServerPort
	private int port;

	private TestHttp http;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp::issuerUri);
	}

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void answersARequestWithoutTokenOnAProtectedPathWith401AndABareChallenge() {
		TestHttp.Response response = this.http.get("/me");

		response.assertProblem(401, "/me");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void letsARequestWithoutTokenThroughOnAPublicPath() {
		assertThat(this.http.get("/public/hello").status()).isEqualTo(200);
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
	void givesTheHandlerTheCurrentUserOfAValidToken() {
		TestHttp.Response response = this.http.get("/me", idp.tokenFor(DemoAccount.CLIENT2));

		assertThat(response.status()).isEqualTo(200);
		JsonNode me = response.json();
		assertThat(me.path("name").asString()).isEqualTo(DemoAccount.CLIENT2.id());
		assertThat(me.path("authorities").toString()).contains("ROLE_client");
		JsonNode user = me.path("user");
		assertThat(user.path("id").asString()).isEqualTo(DemoAccount.CLIENT2.id());
		assertThat(user.path("username").asString()).isEqualTo("client2");
		assertThat(user.path("email").asString()).isEqualTo("client2@mutuality.test");
		assertThat(user.path("displayName").asString()).isEqualTo("Sam Rivera");
		assertThat(user.path("roles").toString()).isEqualTo("[\"client\"]");
		assertThat(me.path("fromContext")).isEqualTo(user);
	}

	@Test
	void answers403ProblemForAWrongRole() {
		this.http.get("/therapist/notes", idp.tokenFor(DemoAccount.ADMIN1)).assertProblem(403, "/therapist/notes");
		assertThat(this.http.get("/therapist/notes", idp.tokenFor(DemoAccount.THERAPIST1)).status()).isEqualTo(200);
	}

	@Test
	void answers401WhenAHandlerNeedsAUserOnAPublicPath() {
		TestHttp.Response response = this.http.get("/public/needs-user");

		response.assertProblem(401, "/public/needs-user");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void givesAnOptionalCurrentUserToPublicHandlers() {
		assertThat(this.http.get("/public/whoami").json().path("anonymous").asBoolean()).isTrue();
		assertThat(this.http.get("/public/whoami", idp.tokenFor(DemoAccount.ADMIN1)).json().path("username").asString())
			.isEqualTo("admin1");
	}

	@Test
	void keepsNoSession() {
		TestHttp.Response response = this.http.get("/me", idp.tokenFor(DemoAccount.CLIENT1));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

}
