package org.mutuality.gateway.ratelimit;

import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate-limit behaviour both stores must show, with the limits the test classes set: 10 requests a minute (burst 10) for ordinary requests, 2 a minute (burst 2)
 * for strict ones, so refills hardly matter while a test runs.
 */
final class RateLimitScenarios {

	private final WebClient client;

	private final TestIdentityProvider identityProvider;

	RateLimitScenarios(WebClient client, TestIdentityProvider identityProvider) {
		this.client = client;
		this.identityProvider = identityProvider;
	}

	/** A flood at ten times the quota gets only 200s and 429s, and another user is not affected. */
	void floodGetsOnly429sAndOtherUsersAreUnaffected(DemoAccount flooder, DemoAccount other) {
		String token = this.identityProvider.tokenFor(flooder);
		Flood.Result flood = Flood.send(this.client, 100,
				(client) -> client.get().uri("/api/articles").headers((headers) -> headers.setBearerAuth(token)));
		assertThat(flood.byStatus().keySet()).containsOnly(200, 429);
		long refills = flood.took().toSeconds() / 6 + 1;
		assertThat(flood.count(200)).isBetween(1L, 10 + refills);
		assertThat(flood.answers()).filteredOn((answer) -> answer.status() == 429).allSatisfy((answer) -> {
			assertThat(Long.parseLong(answer.retryAfter())).isPositive();
			assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		});
		String otherToken = this.identityProvider.tokenFor(other);
		Flood.Result others = Flood.send(this.client, 5,
				(client) -> client.get().uri("/api/articles").headers((headers) -> headers.setBearerAuth(otherToken)));
		assertThat(others.byStatus()).containsOnlyKeys(200);
	}

	/** Anonymous callers share the limit of their IP address; a logged-in user has their own. */
	void anonymousCallersAreLimitedByAddress(DemoAccount user) {
		Flood.Result flood = Flood.send(this.client, 60, (client) -> client.get().uri("/api/topics"));
		assertThat(flood.byStatus().keySet()).containsOnly(200, 429);
		assertThat(flood.count(429)).isPositive();
		String token = this.identityProvider.tokenFor(user);
		assertThat(Flood.send(this.client, 3,
				(client) -> client.get().uri("/api/topics").headers((headers) -> headers.setBearerAuth(token)))
			.byStatus()).containsOnlyKeys(200);
	}

	/** Creating bookings and submitting assessments have a stricter limit of their own. */
	void bookingsAndSubmissionsHaveAStricterLimit(DemoAccount user) {
		String token = this.identityProvider.tokenFor(user);
		Flood.Result bookings = Flood.send(this.client, 20, (client) -> client.post()
			.uri("/api/bookings")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}"));
		assertThat(bookings.byStatus().keySet()).containsOnly(200, 429);
		assertThat(bookings.count(200)).isBetween(1L, 3L);
		Flood.Result submissions = Flood.send(this.client, 20, (client) -> client.post()
			.uri("/api/assessments/phq-9/submissions")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}"));
		assertThat(submissions.count(200)).isBetween(0L, 3L);
		assertThat(submissions.count(429)).isGreaterThanOrEqualTo(17);
		// ordinary reads of the same user are still within their own limit
		assertThat(Flood.send(this.client, 3,
				(client) -> client.get().uri("/api/bookings").headers((headers) -> headers.setBearerAuth(token)))
			.byStatus()).containsOnlyKeys(200);
	}

}
