package org.mutuality.gateway.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.mutuality.gateway.StubService;
import org.mutuality.platform.test.infra.keycloak.KeycloakDistribution;
import org.mutuality.platform.test.infra.keycloak.KeycloakProcess;
import org.mutuality.platform.test.security.DemoAccount;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person logs in with a real browser: headless Chromium on the real Keycloak with the
 * {@code mutuality} realm, the gateway on a fixed free port (the realm's redirect URIs name it), and
 * a stub service behind it. Covers the login page and coming back to the page asked for, the
 * session cookie's flags, {@code /api/me}, the access token relayed to the service, CSRF on cookie
 * requests, logout ending the Keycloak session, and registering a new account. Screenshots go to
 * {@code target/screenshots}. Skips, saying how to install it, when Chromium is missing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@EnabledIf(value = "org.mutuality.gateway.security.HeadlessChrome#isInstalledOrSayHow",
		disabledReason = HeadlessChrome.INSTALL_HINT)
class BrowserLoginIntegrationTests {

	static final StubService backend = StubService.start("booking");

	static final int port = freePort();

	static final String gateway = "http://localhost:" + port;

	static KeycloakProcess keycloak;

	static final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	WebDriver browser;

	WebDriverWait wait;

	@Autowired
	ReactiveJwtDecoder accessTokens;

	@Autowired
	ReactiveClientRegistrationRepository registrations;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> port);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> keycloak().issuerUri());
		registry.add("spring.security.oauth2.client.registration.keycloak.client-secret",
				() -> keycloak().gatewayClientSecret());
		// as in the cluster: the login's metadata read at the provider's back channel (here 127.0.0.1 rather than
		// the issuer's localhost), so the gateway's own calls go there while browsers go to the issuer
		registry.add("mutuality.gateway.security.identity-provider-back-channel-discovery-uri",
				() -> keycloak().issuerUri().replace("localhost", "127.0.0.1") + "/.well-known/openid-configuration");
		backend.serveEveryRoute(registry);
	}

	static synchronized KeycloakProcess keycloak() {
		if (keycloak == null) {
			keycloak = KeycloakProcess.builder()
				.distribution(KeycloakDistribution.fromLocalRepository())
				.realmImportFromClasspath()
				.gatewayClientSecret(UUID.randomUUID().toString())
				.gatewayUrl(gateway)
				.build()
				.start();
		}
		return keycloak;
	}

	@BeforeEach
	void startBrowser() {
		this.browser = HeadlessChrome.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@AfterAll
	static void stopKeycloak() {
		backend.close();
		if (keycloak != null) {
			keycloak.close();
		}
	}

	@Test
	void callsTheProviderAtItsBackChannelAndSendsBrowsersToItsIssuer() {
		ClientRegistration registration = this.registrations.findByRegistrationId(SecurityConfiguration.REGISTRATION_ID)
			.block(Duration.ofSeconds(30));
		String backChannel = keycloak.issuerUri().replace("localhost", "127.0.0.1");
		assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(keycloak.issuerUri());
		assertThat(registration.getProviderDetails().getAuthorizationUri()).startsWith(keycloak.issuerUri() + "/");
		assertThat(registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
			.asString()
			.startsWith(keycloak.issuerUri() + "/");
		assertThat(registration.getProviderDetails().getTokenUri()).startsWith(backChannel + "/");
		assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri()).startsWith(backChannel + "/");
		assertThat(registration.getProviderDetails().getJwkSetUri()).startsWith(backChannel + "/");
	}

	@Test
	void logsInUsesTheSessionForApiCallsAndLogsOutOfKeycloakToo() throws Exception {
		this.browser.get(gateway + "/login?returnTo=/api/me");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
		assertThat(this.browser.getCurrentUrl()).startsWith(keycloak.issuerUri() + "/protocol/openid-connect/auth")
			.contains("code_challenge_method=S256");
		HeadlessChrome.screenshot(this.browser, "01-keycloak-login");
		this.browser.findElement(By.id("username")).sendKeys(DemoAccount.CLIENT1.username());
		this.browser.findElement(By.id("password")).sendKeys(DemoAccount.CLIENT1.password());
		this.browser.findElement(By.id("kc-login")).click();

		this.wait.until(ExpectedConditions.urlToBe(gateway + "/api/me"));
		HeadlessChrome.screenshot(this.browser, "02-back-at-api-me");
		assertThat(this.browser.getPageSource()).contains("\"username\":\"client1\"");
		Cookie session = this.browser.manage().getCookieNamed(SessionConfiguration.SESSION_COOKIE);
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.isSecure()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		Cookie xsrf = this.browser.manage().getCookieNamed(SessionCsrf.COOKIE);
		assertThat(xsrf).isNotNull();
		assertThat(xsrf.isHttpOnly()).isFalse();
		String cookies = session.getName() + "=" + session.getValue() + "; " + xsrf.getName() + "=" + xsrf.getValue();

		HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(gateway + "/api/me")).header("Cookie", cookies).GET());
		assertThat(me.statusCode()).isEqualTo(200);
		JsonNode user = json.readTree(me.body());
		assertThat(user.get("username").asString()).isEqualTo("client1");
		assertThat(user.get("email").asString()).contains("@");
		assertThat(user.get("name").asString()).isNotBlank();
		assertThat(user.get("roles").toString()).isEqualTo("[\"client\"]");

		HttpResponse<String> routed = send(
				HttpRequest.newBuilder(URI.create(gateway + "/api/bookings")).header("Cookie", cookies).GET());
		assertThat(routed.statusCode()).isEqualTo(200);
		String relayed = json.readTree(routed.body()).get("authorization").asString();
		assertThat(relayed).startsWith("Bearer ");
		Jwt token = this.accessTokens.decode(relayed.substring("Bearer ".length())).block();
		assertThat(token.getSubject()).isEqualTo(user.get("id").asString());
		assertThat(token.getAudience()).contains("mutuality-api");

		HttpResponse<String> withoutCsrf = send(HttpRequest.newBuilder(URI.create(gateway + "/api/bookings"))
			.header("Cookie", cookies)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(withoutCsrf.statusCode()).isEqualTo(403);
		assertThat(withoutCsrf.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> withCsrf = send(HttpRequest.newBuilder(URI.create(gateway + "/api/bookings"))
			.header("Cookie", cookies)
			.header(SessionCsrf.HEADER, xsrf.getValue())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(withCsrf.statusCode()).isEqualTo(200);
		assertThat(json.readTree(withCsrf.body()).get("method").asString()).isEqualTo("POST");
		assertThat(json.readTree(withCsrf.body()).get("authorization").asString()).startsWith("Bearer ");

		// the web UI's log-out button: a plain form POST carrying the CSRF token as _csrf
		((JavascriptExecutor) this.browser).executeScript("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/logout';
				const token = document.createElement('input');
				token.type = 'hidden';
				token.name = '_csrf';
				token.value = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')).substring(11));
				form.appendChild(token);
				document.body.appendChild(form);
				form.submit();
				""");
		this.wait.until(ExpectedConditions.urlToBe(gateway + "/"));
		HeadlessChrome.screenshot(this.browser, "03-logged-out");
		HttpResponse<String> afterLogout = send(
				HttpRequest.newBuilder(URI.create(gateway + "/api/me")).header("Cookie", cookies).GET());
		assertThat(afterLogout.statusCode()).isEqualTo(401);

		// the Keycloak session ended too: logging in again asks for the password
		this.browser.get(gateway + "/login");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
		HeadlessChrome.screenshot(this.browser, "04-keycloak-asks-again");
	}

	@Test
	void registersANewAccountAndIsLoggedInAsAClient() throws Exception {
		String username = "newcomer" + UUID.randomUUID().toString().substring(0, 8);
		this.browser.get(gateway + "/register?returnTo=/api/me");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-register-form")));
		this.browser.findElement(By.name("username")).sendKeys(username);
		this.browser.findElement(By.name("email")).sendKeys(username + "@example.org");
		this.browser.findElement(By.name("firstName")).sendKeys("New");
		this.browser.findElement(By.name("lastName")).sendKeys("Comer");
		this.browser.findElement(By.name("password")).sendKeys("Newcomer-pass-1");
		this.browser.findElement(By.name("password-confirm")).sendKeys("Newcomer-pass-1");
		HeadlessChrome.screenshot(this.browser, "05-keycloak-registration");
		this.browser.findElement(By.id("kc-register-form")).submit();

		this.wait.until(ExpectedConditions.urlToBe(gateway + "/api/me"));
		HeadlessChrome.screenshot(this.browser, "06-registered");
		assertThat(this.browser.getPageSource()).contains("\"username\":\"" + username + "\"")
			.contains("\"roles\":[\"client\"]");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
