package org.mutuality.content.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mutuality.content.support.ContentIntegrationTest;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus}: open to the scraper without a token, Prometheus text format, the service's meters
 * tagged with its name (requests, the scheduled publishing job, the connection pool), and no histogram buckets for
 * {@code http.server.requests} unless asked for.
 */
class PrometheusIntegrationTests extends ContentIntegrationTest {

	@Test
	void answersTheScrapeInPrometheusTextFormatWithTheServicesMeters() throws Exception {
		assertThat(this.mvc.get().uri("/api/topics").exchange()).hasStatusOk();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape()).contains("tasks_scheduled_execution_seconds_count{")
				.containsPattern("tasks_scheduled_execution_seconds_count\\{[^}]*code_function=\"publishDueArticles\""));

		MvcTestResult result = this.mvc.get().uri("/actuator/prometheus").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("text/plain").contains("version=0.0.4");
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("# TYPE http_server_requests_seconds summary")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*application=\"content-service\"[^}]*"
					+ "uri=\"/api/topics\"[^}]*} [1-9]")
			.contains("hikaricp_connections_active{")
			.contains("jvm_memory_used_bytes{")
			.doesNotContain("http_server_requests_seconds_bucket");
	}

	@Test
	void needsNoTokenButRefusesABadOne() {
		assertThat(this.mvc.get().uri("/actuator/prometheus").exchange()).hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer not-a-token").exchange())
			.hasStatus(401);
	}

	private String scrape() throws Exception {
		return this.mvc.get()
			.uri("/actuator/prometheus")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
