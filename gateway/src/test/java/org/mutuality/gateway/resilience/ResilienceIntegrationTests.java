package org.mutuality.gateway.resilience;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mutuality.gateway.StubService;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that stops, comes back, or answers too slowly, behind the gateway's per-route circuit
 * breakers and time limits: every method gets a problem+json 503 with {@code Retry-After} at once
 * (the calls to the stopped service use a 2 s client timeout, the bound), and traffic
 * recovers by itself once the service listens again on its port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mutuality.gateway.resilience.sliding-window-size=4",
				"mutuality.gateway.resilience.minimum-number-of-calls=4",
				"mutuality.gateway.resilience.wait-in-open-state=1s",
				"mutuality.gateway.resilience.timeouts.booking-service=1s",
				"mutuality.gateway.request-body-timeout=2s" })
@AutoConfigureWebTestClient(timeout = "20s")
class ResilienceIntegrationTests {

	static StubService content = StubService.start("content");

	static final StubService booking = StubService.start("booking");

	/** Sends its answers' headers and first byte, then nothing for 20 s, longer than the test waits. */
	static final StubService assessment = StubService.start("assessment");

	static {
		assessment.stallBody(Duration.ofSeconds(20));
	}

	static final int contentPort = content.port();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("CONTENT_SERVICE_URI", () -> "http://127.0.0.1:" + contentPort);
		registry.add("ASSESSMENT_SERVICE_URI", assessment::uri);
		registry.add("BOOKING_SERVICE_URI", booking::uri);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIdentityProvider.shared()::issuerUri);
	}

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@AfterAll
	static void stop() {
		content.close();
		booking.close();
		assessment.close();
	}

	@Test
	void stoppedServiceAnswers503QuicklyForEveryMethodAndRecoversWhenItIsBack() {
		this.client.get().uri("/api/articles").exchange().expectStatus().isOk();
		content.close();
		WebTestClient quick = this.client.mutate().responseTimeout(Duration.ofSeconds(2)).build();
		for (int i = 0; i < 3; i++) {
			for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE }) {
				quick.method(method)
					.uri("/api/articles/some-article")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{}")
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectHeader()
					.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
					.expectHeader()
					.exists("Retry-After")
					.expectBody()
					.jsonPath("$.status")
					.isEqualTo(503)
					.jsonPath("$.detail")
					.value((String detail) -> org.assertj.core.api.Assertions.assertThat(detail).contains("content-service"));
			}
		}
		content = StubService.start("content", contentPort);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> this.client.get().uri("/api/articles").exchange().expectStatus().isOk());
		this.client.post()
			.uri("/api/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("content");
	}

	@Test
	void slowServiceAnswers503AfterTheRoutesTimeLimit() {
		booking.delay(Duration.ofSeconds(4));
		try {
			long started = System.nanoTime();
			this.client.post()
				.uri("/api/bookings")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.exists("Retry-After")
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			// the route's 1 s limit ended it, not the service's answer at 4 s nor the gateway's default of 10 s
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		}
		finally {
			booking.delay(Duration.ZERO);
		}
	}

	@Test
	void anAnswerWhoseBodyStallsEndsAfterTheLongestTimeLimit() throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			// the gateway's longest route limit is its default, 5 s; without one the gateway would wait for ever
			socket.setSoTimeout(15_000);
			socket.getOutputStream()
				.write("GET /api/assessments HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			long started = System.nanoTime();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			assertThat(answer).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n{");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void aBodySentSlowlyArrivesBeforeTheRoutesTimeLimitStarts() throws Exception {
		// the booking route's limit is 1 s; each body takes 1.2 s to arrive, and the service reads it, then
		// answers at once: a route receives the body in full before its time limit starts (so that it can send it
		// again), or these six would be six timeouts of the service's, and open the breaker
		for (int i = 0; i < 6; i++) {
			assertThat(sendSlowly("PUT", "/api/therapists/me", 4, Duration.ofMillis(300), true)).isEqualTo(200);
		}
		this.client.get().uri("/api/therapists").exchange().expectStatus().isOk();
	}

	@Test
	void aBodyThatDoesNotArriveInTimeIs408AndLeavesTheBreakerClosed() throws Exception {
		// four stalled bodies would fill the breaker's window of four if they counted against the service
		for (int i = 0; i < 4; i++) {
			long started = System.nanoTime();
			assertThat(sendSlowly("PUT", "/api/therapists/me", 2, Duration.ofMillis(100), false)).isEqualTo(408);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}
		this.client.get().uri("/api/therapists").exchange().expectStatus().isOk();
	}

	/**
	 * The status of a request whose chunked JSON body is sent a piece at a time, one every
	 * {@code interval}, the way a slow client sends it; when {@code finish} is false the client stalls
	 * after the pieces and never ends the body.
	 */
	private int sendSlowly(String method, String path, int pieces, Duration interval, boolean finish)
			throws IOException, InterruptedException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			for (int i = 0; i < pieces; i++) {
				Thread.sleep(interval.toMillis());
				String piece = (i == 0) ? "{" : (finish && i == pieces - 1) ? "}" : " ";
				out.write(("1\r\n" + piece + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			if (finish) {
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(status.split(" ")[1]);
		}
	}

}
