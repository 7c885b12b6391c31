package org.mutuality.gateway;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of real HTTP stand-ins for the three services: routing as API.md's table says,
 * token checks, request ids, size limits, and problem+json 503s for a service that is down or slow.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
class GatewayIntegrationTests {

	static final StubService content = StubService.start("content");

	static final StubService assessment = StubService.start("assessment");

	static final StubService booking = StubService.start("booking");

	static final TestIdentityProvider identityProvider = TestIdentityProvider.shared();

	static final int unusedPort = freePort();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("CONTENT_SERVICE_URI", content::uri);
		registry.add("ASSESSMENT_SERVICE_URI", assessment::uri);
		registry.add("BOOKING_SERVICE_URI", booking::uri);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", identityProvider::issuerUri);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class UnhealthyRoutes {

		/** A route to a port nobody listens on, and one with a short timeout, for the 503 tests. */
		@Bean
		RouteLocator unhealthyRoutes(RouteLocatorBuilder routes) {
			return routes.routes()
				.route("stopped-service", (route) -> route.path("/api/stopped/**").uri("http://127.0.0.1:" + unusedPort))
				.route("slow-service", (route) -> route.path("/api/slow/**")
					.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, 700)
					.uri(booking.uri()))
				.build();
		}

	}

	@Autowired
	WebTestClient client;

	@AfterAll
	static void stopServices() {
		content.close();
		assessment.close();
		booking.close();
	}

	@ParameterizedTest
	@CsvSource({ "/api/articles, content", "/api/articles/some-slug, content", "/api/topics, content",
			"/api/feed, content", "/sitemap.xml, content", "/api/assessments, assessment",
			"/api/assessments/phq-9, assessment", "/api/submissions, assessment",
			"/api/submissions/6d1f0a3e-1111-4222-8333-944455556666, assessment", "/api/therapists, booking",
			"/api/therapists/me/availability, booking", "/api/bookings, booking", "/api/follow-ups, booking",
			"/api/follow-ups/mine, booking" })
	void routesEachPathToItsService(String path, String service) {
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service)
			.jsonPath("$.path")
			.isEqualTo(path);
	}

	@Test
	void answersUnknownPathsWithProblemJson() {
		this.client.get()
			.uri("/api/unknown")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	@Test
	void passesValidBearerTokensOn() {
		String token = identityProvider.tokenFor(DemoAccount.CLIENT1);
		this.client.get()
			.uri("/api/bookings")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.authorization")
			.isEqualTo("Bearer " + token);
	}

	@Test
	void rejectsForgedTokenEvenOnPublicRoute() {
		String forged = identityProvider.token(DemoAccount.ADMIN1).signedWithForeignKey().build();
		this.client.get()
			.uri("/api/articles")
			.headers((headers) -> headers.setBearerAuth(forged))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void rejectsExpiredAndUnsignedTokens() {
		for (String token : new String[] { identityProvider.token(DemoAccount.CLIENT1).expired(Duration.ofMinutes(2)).build(),
				identityProvider.token(DemoAccount.CLIENT1).unsigned().build(), "not-a-token",
				identityProvider.token(DemoAccount.CLIENT1).issuer("http://elsewhere.example/realms/mutuality").build() }) {
			this.client.get()
				.uri("/api/topics")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
	}

	@Test
	void createsRequestIdAndPassesItOn() {
		this.client.get()
			.uri("/api/topics")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).matches("[0-9a-f-]{36}"))
			.expectBody()
			.jsonPath("$.requestId")
			.value((String id) -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

	@Test
	void keepsCallersRequestIdAndReplacesUnsafeOnes() {
		this.client.get()
			.uri("/api/topics")
			.header("X-Request-Id", "trace-42.abc")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "trace-42.abc")
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("trace-42.abc");
		this.client.get()
			.uri("/api/topics")
			.header("X-Request-Id", "<script>alert(1)</script>")
			.exchange()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

	@Test
	void passesBodiesUpToTheLimit() {
		this.client.post()
			.uri("/api/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[1024 * 1024])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.received")
			.isEqualTo(1024 * 1024);
	}

	@Test
	void rejectsBodyOverOneMebibyteWith413() {
		this.client.post()
			.uri("/api/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[1024 * 1024 + 1])
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(413);
	}

	@Test
	void rejectsChunkedBodyThatGrowsOverTheLimitWith413() {
		Flux<DataBuffer> chunks = Flux.range(0, 40)
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
		this.client.post()
			.uri("/api/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void answers503ProblemWhenServiceIsDown() {
		long started = System.nanoTime();
		this.client.get()
			.uri("/api/stopped/thing")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After")
			.expectBody(Map.class)
			.value((problem) -> assertThat(problem).containsEntry("status", 503)
				.containsEntry("title", "Service unavailable")
				.containsKey("detail")
				.containsEntry("instance", "/api/stopped/thing"));
	}

	@Test
	void answers503ProblemWhenServiceIsTooSlow() {
		booking.delay(Duration.ofSeconds(3));
		try {
			this.client.post()
				.uri("/api/slow/bookings")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.detail")
				.value((String detail) -> assertThat(detail).contains("slow-service"));
		}
		finally {
			booking.delay(Duration.ZERO);
		}
	}

	@Test
	void answersWhoIsCallingAtApiMeForBearerTokens() {
		this.client.get()
			.uri("/api/me")
			.headers((headers) -> headers.setBearerAuth(identityProvider.tokenFor(DemoAccount.THERAPIST1)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(DemoAccount.THERAPIST1.id())
			.jsonPath("$.username")
			.isEqualTo("therapist1")
			.jsonPath("$.email")
			.exists()
			.jsonPath("$.name")
			.exists()
			.jsonPath("$.roles")
			.isEqualTo(java.util.List.of("therapist"));
	}

	@Test
	void answersAnonymousApiMeWith401ProblemNeverARedirect() {
		this.client.get()
			.uri("/api/me")
			.header(HttpHeaders.ACCEPT, "text/html")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
		this.client.get()
			.uri("/api/bookings/123")
			.header(HttpHeaders.ACCEPT, "text/html")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void sendsRegistrationToKeycloaksRegistrationPage() {
		this.client.get()
			.uri("/register?returnTo=/book.html")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/oauth2/authorization/keycloak?prompt=create&returnTo=/book.html");
		this.client.get()
			.uri("/login?returnTo=https://evil.example/")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/oauth2/authorization/keycloak");
		this.client.get()
			.uri("/oauth2/authorization/keycloak?prompt=create")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location)
				.startsWith(identityProvider.issuerUri() + "/protocol/openid-connect/auth?")
				.contains("prompt=create", "code_challenge_method=S256", "client_id=mutuality-gateway"))
			.expectCookie()
			.httpOnly("SESSION", true)
			.expectCookie()
			.secure("SESSION", true)
			.expectCookie()
			.sameSite("SESSION", "Lax");
	}

	@Test
	void requiresCsrfTokenOnlyForSessionCookieRequests() {
		this.client.post()
			.uri("/api/bookings")
			.cookie("SESSION", "some-session")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.post()
			.uri("/api/bookings")
			.cookie("SESSION", "some-session")
			.cookie("XSRF-TOKEN", "a-token")
			.header("X-XSRF-TOKEN", "a-token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post()
			.uri("/api/bookings")
			.cookie("SESSION", "some-session")
			.headers((headers) -> headers.setBearerAuth(identityProvider.tokenFor(DemoAccount.CLIENT2)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void issuesAReadableCsrfCookieToBrowsers() {
		this.client.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectCookie()
			.exists("XSRF-TOKEN")
			.expectCookie()
			.httpOnly("XSRF-TOKEN", false)
			.expectCookie()
			.sameSite("XSRF-TOKEN", "Lax");
	}

	@Test
	void putsSecurityHeadersOnEverythingItServes() {
		for (String path : new String[] { "/api/topics", "/api/unknown", "/actuator/health", "/api/me" }) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectHeader()
				.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("default-src 'self'",
						"frame-ancestors 'none'", "form-action 'self' " + identityProvider.issuerUri().replaceAll("(https?://[^/]+).*", "$1")))
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
				.expectHeader()
				.doesNotExist("Strict-Transport-Security");
		}
	}

	@Test
	void letsBrowsersKeepTheSitesFilesAndRevalidateThem() {
		for (String path : new String[] { "/js/api.js", "/css/site.css", "/vendor/marked/marked.esm.js", "/index.html", "/" }) {
			String lastModified = this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.value(HttpHeaders.CACHE_CONTROL, (cacheControl) -> assertThat(cacheControl).as(path).contains("no-cache")
					.doesNotContain("no-store"))
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				// read the whole body, so the connection goes back to the client's pool clean
				.expectBody()
				.returnResult()
				.getResponseHeaders()
				.getFirst(HttpHeaders.LAST_MODIFIED);
			assertThat(lastModified).as("Last-Modified of %s", path).isNotBlank();
			this.client.get()
				.uri(path)
				.header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)
				.exchange()
				.expectStatus()
				.isNotModified();
		}
		this.client.get()
			.uri("/api/me")
			.headers((headers) -> headers.setBearerAuth(identityProvider.tokenFor(DemoAccount.CLIENT1)))
			.exchange()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (cacheControl) -> assertThat(cacheControl).contains("no-store"));
	}

	@Test
	void showsBrowsersTheSitesPageForAMissingPage() {
		this.client.get()
			.uri("/no-such-page.html")
			.header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("default-src 'self'"))
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<h1 id=\"page-heading\" data-testid=\"not-found\">Page not found</h1>"));
		for (String accept : new String[] { "application/json", "*/*" }) {
			this.client.get()
				.uri("/no-such-page.html")
				.header(HttpHeaders.ACCEPT, accept)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		this.client.get()
			.uri("/api/unknown")
			.header(HttpHeaders.ACCEPT, "text/html")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void allowsNoCrossOriginCallsByDefault() {
		this.client.options()
			.uri("/api/bookings")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void servesEachServicesApiDescriptionThroughTheGateway() {
		for (String service : new String[] { "content", "assessment", "booking" }) {
			this.client.get()
				.uri("/v3/api-docs/" + service)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.service")
				.isEqualTo(service)
				.jsonPath("$.path")
				.isEqualTo("/v3/api-docs")
				.jsonPath("$.servers[0].url")
				.isEqualTo("/");
		}
	}

	@Test
	void servesSwaggerUiListingTheServices() {
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].url")
			.value((java.util.List<String> urls) -> assertThat(urls).contains("/v3/api-docs/content",
					"/v3/api-docs/assessment", "/v3/api-docs/booking"));
		this.client.get()
			.uri("/webjars/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("style-src 'self' 'unsafe-inline'"));
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void propagatesW3cTraceContextAndPublishesRouteMetrics() {
		this.client.get()
			.uri("/api/topics")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.traceparent")
			.value((String traceparent) -> assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"));
		// a caller's trace goes on to the service: the same trace id, with the gateway's own span as the parent
		this.client.get()
			.uri("/api/topics")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.traceparent")
			.value((String traceparent) -> assertThat(traceparent)
				.matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
				.doesNotContain("00f067aa0ba902b7"));
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).contains("spring_cloud_gateway_requests_seconds_count")
				.contains("routeId=\"content-service\"")
				.contains("gateway_requests_in_flight ")
				.doesNotContain("_active_seconds"));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
