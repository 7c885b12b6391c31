package org.mutuality.platform.test.infra.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import org.mutuality.platform.test.infra.Infrastructure;
import org.mutuality.platform.test.security.DemoAccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeycloakRealmIntegrationTests {

	private static final String GATEWAY_REDIRECT = "http://localhost:8080/login/oauth2/code/keycloak";

	private static final String CODE_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

	private final KeycloakServer keycloak = Infrastructure.keycloak();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@ParameterizedTest
	@EnumSource(DemoAccount.class)
	void issuesSignedTokensWithTheAccountsFixedIdRoleAndProfile(DemoAccount account) {
		Jwt jwt = decoder().decode(this.keycloak.passwordToken(account));

		assertThat(jwt.getSubject()).isEqualTo(account.id());
		assertThat(jwt.getIssuer()).hasToString(this.keycloak.issuerUri());
		assertThat(jwt.getAudience()).contains("mutuality-api");
		assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo(account.username());
		assertThat(jwt.getClaimAsString("email")).isEqualTo(account.email());
		assertThat(jwt.getClaimAsString("name")).isEqualTo(account.displayName());
		assertThat(jwt.getClaimAsMap("realm_access")).extractingByKey("roles")
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly(account.role());
		// five minutes; Keycloak takes iat and exp from two readings of the clock
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isBetween(Duration.ofSeconds(299),
				Duration.ofSeconds(301));
	}

	@Test
	void refusesAWrongPassword() {
		assertThatIllegalStateException().isThrownBy(() -> this.keycloak.passwordToken("client1", "not-client1"))
			.withMessageContaining("invalid_grant");
	}

	@Test
	void gatewayClientHasTheSecretGivenAtImportAndNoPasswordGrant() throws Exception {
		HttpResponse<String> rightSecret = passwordGrant("mutuality-gateway", this.keycloak.gatewayClientSecret());
		HttpResponse<String> wrongSecret = passwordGrant("mutuality-gateway", "not-the-secret");

		assertThat(rightSecret.statusCode()).isEqualTo(400);
		assertThat(rightSecret.body()).contains("unauthorized_client").contains("direct access grants");
		assertThat(wrongSecret.statusCode()).isEqualTo(401);
		assertThat(wrongSecret.body()).contains("Invalid client");
	}

	@Test
	void gatewayClientRequiresPkceAndItsOwnRedirectUri() throws Exception {
		HttpResponse<String> withPkce = send(get(authorizationUri(GATEWAY_REDIRECT, true)));
		HttpResponse<String> withoutPkce = send(get(authorizationUri(GATEWAY_REDIRECT, false)));
		HttpResponse<String> foreignRedirect = send(get(authorizationUri("http://evil.test/callback", true)));

		assertThat(withPkce.statusCode()).isEqualTo(200);
		assertThat(withPkce.body()).contains("kc-form-login");
		assertThat(withoutPkce.statusCode()).isEqualTo(302);
		assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith(GATEWAY_REDIRECT).contains("code_challenge_method"));
		assertThat(foreignRedirect.statusCode()).isEqualTo(400);
	}

	@Test
	void selfRegisteredUsersGetTheClientRole() throws Exception {
		String username = "new-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> form = send(get(this.keycloak.issuerUri()
				+ "/protocol/openid-connect/registrations?" + query(authorizationParameters(GATEWAY_REDIRECT, true))));
		assertThat(form.statusCode()).isEqualTo(200);
		// Keycloak's cookies are Secure; a browser sends them to http://localhost, java.net's CookieManager does not
		String cookies = form.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((cookie) -> cookie.split(";", 2)[0])
			.collect(Collectors.joining("; "));
		Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.body());
		assertThat(action.find()).as("registration form").isTrue();

		HttpResponse<String> registered = send(HttpRequest
			.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
			.header("Cookie", cookies)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(query(Map.of("firstName", "New", "lastName", "Person", "email",
					username + "@example.test", "username", username, "password", "Registered-1",
					"password-confirm", "Registered-1"))))
			.build());

		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith(GATEWAY_REDIRECT).contains("code="));
		Jwt jwt = decoder().decode(this.keycloak.passwordToken(username, "Registered-1"));
		assertThat(jwt.getClaimAsMap("realm_access")).extractingByKey("roles")
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains("client")
			.doesNotContain("therapist", "admin");
		assertThat(jwt.getAudience()).contains("mutuality-api");
	}

	private JwtDecoder decoder() {
		return NimbusJwtDecoder.withIssuerLocation(this.keycloak.issuerUri()).build();
	}

	private HttpResponse<String> passwordGrant(String clientId, String secret) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.keycloak.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(query(Map.of("grant_type", "password", "client_id", clientId,
					"client_secret", secret, "username", "client1", "password", "client1"))))
			.build());
	}

	private String authorizationUri(String redirectUri, boolean pkce) {
		return this.keycloak.issuerUri() + "/protocol/openid-connect/auth?"
				+ query(authorizationParameters(redirectUri, pkce));
	}

	private static Map<String, String> authorizationParameters(String redirectUri, boolean pkce) {
		return pkce ? Map.of("client_id", "mutuality-gateway", "response_type", "code", "scope", "openid",
				"redirect_uri", redirectUri, "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256")
				: Map.of("client_id", "mutuality-gateway", "response_type", "code", "scope", "openid", "redirect_uri",
						redirectUri);
	}

	private static HttpRequest get(String uri) {
		return HttpRequest.newBuilder(URI.create(uri)).build();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String query(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
