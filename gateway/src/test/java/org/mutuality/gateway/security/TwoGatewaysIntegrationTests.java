package org.mutuality.gateway.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.mutuality.gateway.GatewayApplication;
import org.mutuality.gateway.StubService;
import org.mutuality.platform.test.infra.keycloak.KeycloakDistribution;
import org.mutuality.platform.test.infra.keycloak.KeycloakProcess;
import org.mutuality.platform.test.infra.redis.LocalRedis;
import org.mutuality.platform.test.security.DemoAccount;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances behind one address, as in production: both keep browser sessions in the
 * machine's Redis (127.0.0.1:6379), so a person logged in through one is logged in on the other, and
 * logging out on one ends the session on both. The login is real: headless Chromium on the real
 * Keycloak. Skips, saying so, without Chromium or Redis. (Their shared rate limits:
 * {@code TwoGatewaysRateLimitIntegrationTests}.)
 */
@EnabledIf(value = "org.mutuality.gateway.security.TwoGatewaysIntegrationTests#browserAndRedisPresentOrSayWhy",
		disabledReason = "needs Chromium and a Redis on 127.0.0.1:6379")
class TwoGatewaysIntegrationTests {

	static final StubService backend = StubService.start("booking");

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	static KeycloakProcess keycloak;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	static boolean browserAndRedisPresentOrSayWhy() {
		if (!HeadlessChrome.isInstalledOrSayHow()) {
			return false;
		}
		return LocalRedis.reachableOrSayWhy("TwoGatewaysIntegrationTests");
	}

	@BeforeAll
	static void start() {
		int firstPort = freePort();
		keycloak = KeycloakProcess.builder()
			.distribution(KeycloakDistribution.fromLocalRepository())
			.realmImportFromClasspath()
			.gatewayClientSecret(UUID.randomUUID().toString())
			.gatewayUrl(url(firstPort))
			.build()
			.start();
		first = gateway(firstPort);
		second = gateway(0);
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] { first, second }) {
			if (gateway != null) {
				gateway.close();
			}
		}
		if (keycloak != null) {
			keycloak.close();
		}
		backend.close();
	}

	@Test
	void aLoginThroughOneInstanceIsALoginOnTheOtherAndSoIsTheLogout() throws Exception {
		Map<String, String> cookies = logInThrough(first, DemoAccount.CLIENT1);
		String cookieHeader = "SESSION=" + cookies.get("SESSION") + "; XSRF-TOKEN=" + cookies.get("XSRF-TOKEN");

		HttpResponse<String> me = send(HttpRequest.newBuilder(uri(second, "/api/me")).header("Cookie", cookieHeader).GET());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(json.readTree(me.body()).get("username").asString()).isEqualTo("client1");
		HttpResponse<String> routed = send(
				HttpRequest.newBuilder(uri(second, "/api/bookings")).header("Cookie", cookieHeader).GET());
		assertThat(routed.statusCode()).isEqualTo(200);
		assertThat(json.readTree(routed.body()).get("authorization").asString()).startsWith("Bearer ");

		HttpResponse<String> logout = send(HttpRequest.newBuilder(uri(second, "/logout"))
			.header("Cookie", cookieHeader)
			.header(SessionCsrf.HEADER, cookies.get("XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(logout.statusCode()).isEqualTo(302);
		HttpResponse<String> afterLogout = send(
				HttpRequest.newBuilder(uri(first, "/api/me")).header("Cookie", cookieHeader).GET());
		assertThat(afterLogout.statusCode()).isEqualTo(401);
	}

	private static Map<String, String> logInThrough(ConfigurableApplicationContext gateway, DemoAccount account) {
		WebDriver browser = HeadlessChrome.start();
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
			browser.get(url(gateway) + "/login?returnTo=/api/me");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
			browser.findElement(By.id("username")).sendKeys(account.username());
			browser.findElement(By.id("password")).sendKeys(account.password());
			browser.findElement(By.id("kc-login")).click();
			wait.until(ExpectedConditions.urlToBe(url(gateway) + "/api/me"));
			HeadlessChrome.screenshot(browser, "two-gateways-logged-in-" + account.username());
			Map<String, String> cookies = new HashMap<>();
			for (Cookie cookie : browser.manage().getCookies()) {
				cookies.put(cookie.getName(), cookie.getValue());
			}
			assertThat(cookies).containsKeys("SESSION", "XSRF-TOKEN");
			return cookies;
		}
		finally {
			browser.quit();
		}
	}

	private static ConfigurableApplicationContext gateway(int port) {
		return new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=" + port,
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuerUri(),
				"--spring.security.oauth2.client.registration.keycloak.client-secret=" + keycloak.gatewayClientSecret(),
				"--CONTENT_SERVICE_URI=" + backend.uri(), "--ASSESSMENT_SERVICE_URI=" + backend.uri(),
				"--BOOKING_SERVICE_URI=" + backend.uri(), "--spring.data.redis.host=" + LocalRedis.HOST,
				"--spring.data.redis.port=" + LocalRedis.PORT,
				// a login that stalls (once in CI, at the callback) shows its last step: each call to Keycloak and its
				// answer, and each Redis command written and answered
				"--logging.level.org.springframework.web.reactive.function.client.ExchangeFunctions=DEBUG",
				"--logging.level.io.lettuce.core.protocol.CommandHandler=DEBUG");
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext gateway, String path) {
		return URI.create(url(gateway) + path);
	}

	private static String url(ConfigurableApplicationContext gateway) {
		return url(((WebServerApplicationContext) gateway).getWebServer().getPort());
	}

	private static String url(int port) {
		return "http://localhost:" + port;
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
