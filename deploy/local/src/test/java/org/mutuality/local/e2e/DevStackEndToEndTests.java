package org.mutuality.local.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mutuality.local.e2e.RunningDevStack.GATEWAY;
import static org.mutuality.local.e2e.RunningDevStack.KEYCLOAK;
import static org.mutuality.local.e2e.RunningDevStack.MAILBOX;
import static org.mutuality.local.e2e.RunningDevStack.SERVICES;

/**
 * Drives the dev stack ({@code ./mutuality up}, shared with the other end-to-end classes through
 * {@link DevStackExtension}) through the gateway as a user's client would: tokens from the real
 * Keycloak for each demo account, each route reaching its service, 401 for a missing or forged
 * token, 401 from a service called directly, and a booking's emails (booked, moved, cancelled)
 * arriving in the dev mailbox. {@link DevStackShutdownEndToEndTests} checks that Ctrl-C leaves no
 * process behind.
 */
@ExtendWith(DevStackExtension.class)
@Order(1)
class DevStackEndToEndTests {

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startDevStack(RunningDevStack stack) {
		assertThat(stack.process().isAlive()).as("the dev stack runs").isTrue();
	}

	@ParameterizedTest
	@EnumSource(DemoAccount.class)
	void issuesTokenForEachDemoAccountWithItsRole(DemoAccount account) throws Exception {
		String token = token(account);
		String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(claims, "$.sub")).isEqualTo(account.id());
		assertThat((String) JsonPath.read(claims, "$.preferred_username")).isEqualTo(account.username());
		assertThat((List<String>) JsonPath.read(claims, "$.realm_access.roles")).contains(account.role());
		assertThat(claims).contains(TestIdentityProvider.AUDIENCE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/articles", "/api/topics", "/api/assessments", "/api/therapists" })
	void routesPublicReadsToTheirServices(String path) throws Exception {
		HttpResponse<String> response = get("http://localhost:" + GATEWAY + path, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void routesProtectedReadsToTheirServicesWithTheCallersToken() throws Exception {
		assertThat(get("http://localhost:" + GATEWAY + "/api/submissions", token(DemoAccount.CLIENT1)).statusCode())
			.isEqualTo(200);
		assertThat(get("http://localhost:" + GATEWAY + "/api/bookings", token(DemoAccount.CLIENT1)).statusCode())
			.isEqualTo(200);
		assertThat(get("http://localhost:" + GATEWAY + "/api/follow-ups", token(DemoAccount.CLIENT1)).statusCode())
			.isEqualTo(403);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/submissions", "/api/bookings", "/api/follow-ups", "/api/therapists/me/availability" })
	void answers401WithoutTokenOnProtectedPaths(String path) throws Exception {
		HttpResponse<String> response = get("http://localhost:" + GATEWAY + path, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("Bearer"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/articles", "/api/bookings" })
	void answers401ForForgedToken(String path) throws Exception {
		String forged = TestIdentityProvider.shared()
			.token(DemoAccount.ADMIN1)
			.issuer("http://localhost:" + KEYCLOAK + "/realms/mutuality")
			.build();
		HttpResponse<String> response = get("http://localhost:" + GATEWAY + path, forged);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
	}

	@Test
	void servicesCalledDirectlyWithoutTokenAnswer401() throws Exception {
		assertThat(post("http://localhost:" + SERVICES.get("content-service") + "/api/articles", "{}").statusCode())
			.isEqualTo(401);
		assertThat(get("http://localhost:" + SERVICES.get("assessment-service") + "/api/submissions", null).statusCode())
			.isEqualTo(401);
		assertThat(get("http://localhost:" + SERVICES.get("booking-service") + "/api/bookings", null).statusCode())
			.isEqualTo(401);
	}

	@Test
	void bookingReschedulingAndCancellingEmailTheClientAndTheTherapist() throws Exception {
		String client = token(DemoAccount.CLIENT2);
		String therapist = DemoAccount.THERAPIST1.id();
		LocalDate from = LocalDate.now(ZoneId.of("Europe/London")).plusDays(2);
		HttpResponse<String> slots = get("http://localhost:" + GATEWAY + "/api/therapists/" + therapist + "/slots?from="
				+ from + "&to=" + from.plusDays(9) + "&timeZone=Europe/London", null);
		assertThat(slots.statusCode()).as(slots.body()).isEqualTo(200);
		List<String> starts = JsonPath.read(slots.body(), "$.slots[*].start");
		assertThat(starts).hasSizeGreaterThan(4);

		HttpResponse<String> booked = post("http://localhost:" + GATEWAY + "/api/bookings", client,
				"{\"therapistId\":\"" + therapist + "\",\"start\":\"" + starts.get(0)
						+ "\",\"timeZone\":\"America/New_York\"}");
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		String id = JsonPath.read(booked.body(), "$.id");
		String clientEmail = DemoAccount.CLIENT2.email();
		String therapistEmail = DemoAccount.THERAPIST1.email();
		Map<String, Object> confirmation = awaitMail(clientEmail, "Your free consultation with Maya Okafor is booked");
		assertThat((String) confirmation.get("text")).contains("Hello Sam Rivera,").contains("America/New_York time");
		assertThat(confirmation.get("icsMethod")).isEqualTo("REQUEST");
		assertThat((String) confirmation.get("ics")).contains("UID:" + id + "@booking.mutuality", "SEQUENCE:0");
		Map<String, Object> toTherapist = awaitMail(therapistEmail, "New free consultation on ");
		assertThat((String) toTherapist.get("text")).contains("(S.R.)").contains("Europe/London time");

		HttpResponse<String> moved = post("http://localhost:" + GATEWAY + "/api/bookings/" + id + "/reschedule", client,
				"{\"start\":\"" + starts.get(4) + "\"}");
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
		assertThat((String) awaitMail(clientEmail, "Your free consultation with Maya Okafor has moved").get("ics"))
			.contains("UID:" + id + "@booking.mutuality", "SEQUENCE:1");
		awaitMail(therapistEmail, "Free consultation moved to ");

		HttpResponse<String> cancelled = post("http://localhost:" + GATEWAY + "/api/bookings/" + id + "/cancel",
				client, "{}");
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		Map<String, Object> cancellation = awaitMail(clientEmail, "Your free consultation with Maya Okafor is cancelled");
		assertThat(cancellation.get("icsMethod")).isEqualTo("CANCEL");
		assertThat((String) cancellation.get("ics")).contains("UID:" + id + "@booking.mutuality", "SEQUENCE:2",
				"STATUS:CANCELLED");
		awaitMail(therapistEmail, " cancelled");

		HttpResponse<String> page = get("http://localhost:" + MAILBOX + "/", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Your free consultation with Maya Okafor is cancelled", clientEmail);
		HttpResponse<String> message = get("http://localhost:" + MAILBOX + "/message?id="
				+ URLEncoder.encode((String) confirmation.get("id"), StandardCharsets.UTF_8), null);
		assertThat(message.statusCode()).isEqualTo(200);
		assertThat(message.body()).contains("Hello Sam Rivera,", "METHOD:REQUEST");
	}

	private String token(DemoAccount account) throws Exception {
		String form = Map.of("grant_type", "password", "client_id", "mutuality-cli", "username", account.username(),
				"password", account.password())
			.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + KEYCLOAK + "/realms/mutuality/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.access_token");
	}

	private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String json) throws Exception {
		return post(url, null, json);
	}

	private HttpResponse<String> post(String url, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The dev mailbox's newest message to the address whose subject contains the text, once it arrived. */
	private Map<String, Object> awaitMail(String to, String subject) {
		String url = "http://localhost:" + MAILBOX + "/api/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
		return await("an email to " + to + " about '" + subject + "'").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				List<Map<String, Object>> messages = JsonPath.read(get(url, null).body(), "$[*]");
				return messages.stream()
					.filter((message) -> ((String) message.get("subject")).contains(subject))
					.findFirst()
					.orElse(null);
			}, java.util.Objects::nonNull);
	}

}
