package org.mutuality.booking.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import org.mutuality.platform.test.security.DemoAccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus}: open to the scraper without a token, Prometheus text format, the mail outbox's meters
 * next to Spring's, tagged with the service's name, and no histogram buckets for {@code http.server.requests} unless
 * asked for.
 */
class PrometheusIntegrationTests extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void answersTheScrapeInPrometheusTextFormatWithTheMailOutboxMeters() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		everyDay(therapist, "Europe/London", "09:00", "17:00");
		String start = LocalDate.now(LONDON).plusDays(3).atTime(10, 0).atZone(LONDON).toInstant().toString();
		this.http.post("/api/bookings", newClient().token(),
				Http.json(Map.of("therapistId", therapist.id().toString(), "start", start)))
			.expect(201);

		// the confirmations leave through the outbox: the sender's counter rises
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape(null).body())
				.containsPattern("(?m)^mail_outbox_sent_total\\{[^}]*application=\"booking-service\"[^}]*} [1-9]"));

		Http.Response scrape = scrape(null);
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
		assertThat(scrape.body()).contains("# TYPE mail_outbox_pending gauge")
			.containsPattern("(?m)^mail_outbox_pending\\{[^}]*application=\"booking-service\"")
			.containsPattern("(?m)^mail_outbox_failed_total\\{[^}]*application=\"booking-service\"")
			.containsPattern("(?m)^mail_outbox_retried_total\\{[^}]*application=\"booking-service\"")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*application=\"booking-service\"[^}]*"
					+ "method=\"POST\"[^}]*status=\"201\"[^}]*uri=\"/api/bookings\"")
			.contains("hikaricp_connections_active{")
			.doesNotContain("http_server_requests_seconds_bucket");
	}

	@Test
	void needsNoTokenButRefusesABadOne() {
		assertThat(scrape(null).status()).isEqualTo(200);
		assertThat(scrape(newClient().token()).status()).isEqualTo(200);
		String forged = idp.token(DemoAccount.CLIENT1).signedWithForeignKey().build();
		assertThat(scrape(forged).status()).isEqualTo(401);
	}

	private Http.Response scrape(String token) {
		return this.http.send("GET", "/actuator/prometheus", token, null, Map.of("Accept", "text/plain"));
	}

}
