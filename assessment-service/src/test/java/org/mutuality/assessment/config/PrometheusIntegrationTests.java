package org.mutuality.assessment.config;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.platform.test.security.DemoAccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus}: open to the scraper without a token, Prometheus text format, the service's own
 * outbox meters next to Spring's, tagged with the service's name, and no histogram buckets for
 * {@code http.server.requests} unless asked for.
 */
class PrometheusIntegrationTests extends AssessmentIntegrationTestSupport {

	@Test
	void answersTheScrapeInPrometheusTextFormatWithTheOutboxMeters() {
		TestHttp.Response submitted = this.http.post("/api/assessments/gad-7/submissions", gad7(1),
				newClientToken(UUID.randomUUID()));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape(null).body())
				.containsPattern("(?m)^outbox_events_published_total\\{[^}]*} [1-9]"));

		TestHttp.Response scrape = scrape(null);
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
		assertThat(scrape.body()).contains("# TYPE outbox_events_pending_events gauge")
			.contains("outbox_events_oldest_pending_age_seconds{")
			.contains("outbox_events_failed_total{")
			.containsPattern("(?m)^outbox_events_publish_lag_seconds_count\\{[^}]*application=\"assessment-service\"")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*application=\"assessment-service\"[^}]*"
					+ "method=\"POST\"[^}]*status=\"201\"[^}]*uri=\"/api/assessments/\\{id}/submissions\"")
			.contains("hikaricp_connections_active{")
			.doesNotContain("http_server_requests_seconds_bucket");
	}

	@Test
	void needsNoTokenButRefusesABadOne() {
		assertThat(scrape(null).status()).isEqualTo(200);
		assertThat(scrape(newClientToken(UUID.randomUUID())).status()).isEqualTo(200);
		String forged = idp.token(DemoAccount.CLIENT1).signedWithForeignKey().build();
		assertThat(scrape(forged).status()).isEqualTo(401);
	}

	private TestHttp.Response scrape(String token) {
		return this.http.get("/actuator/prometheus", token, "text/plain");
	}

}
