package org.mutuality.booking.therapists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Therapists' profiles over HTTP: public reads, a therapist's own profile, validation.
 */
class TherapistIntegrationTests extends BookingServiceIntegrationTest {

	@Test
	void listsTherapistsPubliclyAsAJsonArray() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");

		Http.Response response = this.http.get("/api/therapists");

		JsonNode list = response.expect(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(list.isArray()).isTrue();
		assertThat(list.valueStream().map((node) -> node.path("id").asString()))
			.contains(therapist.id().toString());
	}

	@Test
	void createsThenReplacesTheCallersOwnProfile() {
		User therapist = newTherapist();
		String body = Http.json(Map.of("displayName", "Ada Lovelace", "bio", "Counsellor", "specialties",
				List.of("anxiety", "grief"), "languages", List.of("en"), "timeZone", "Europe/Paris",
				"consultationMinutes", 45));

		Http.Response created = this.http.put("/api/therapists/me", therapist.token(), body);
		JsonNode profile = created.expect(201);
		assertThat(created.header("Location")).isEqualTo("/api/therapists/" + therapist.id());
		assertThat(profile.path("id").asString()).isEqualTo(therapist.id().toString());
		assertThat(profile.path("timeZone").asString()).isEqualTo("Europe/Paris");
		assertThat(profile.path("consultationMinutes").asInt()).isEqualTo(45);
		assertThat(profile.path("minimumNoticeHours").asInt()).isEqualTo(12);
		assertThat(profile.path("horizonDays").asInt()).isEqualTo(60);

		String update = Http.json(Map.of("displayName", "Ada King", "timeZone", "Europe/London", "consultationMinutes",
				30, "bufferMinutes", 15));
		JsonNode updated = this.http.put("/api/therapists/me", therapist.token(), update).expect(200);
		assertThat(updated.path("displayName").asString()).isEqualTo("Ada King");
		assertThat(updated.path("bufferMinutes").asInt()).isEqualTo(15);

		JsonNode read = this.http.get("/api/therapists/" + therapist.id()).expect(200);
		assertThat(read.path("displayName").asString()).isEqualTo("Ada King");
		assertThat(read.path("specialties").isArray()).isTrue();
		assertThat(this.http.get("/api/therapists/me", therapist.token()).expect(200).path("id").asString())
			.isEqualTo(therapist.id().toString());
	}

	@Test
	void createsAProfileOnceWhenItsFirstSavesArriveTogether() throws Exception {
		User therapist = newTherapist();
		String body = Http.json(Map.of("displayName", "Ada", "timeZone", "Europe/London", "consultationMinutes", 30));
		ExecutorService executor = Executors.newFixedThreadPool(5);
		try {
			List<Future<Integer>> saves = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				saves.add(executor.submit(() -> this.http.put("/api/therapists/me", therapist.token(), body).status()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> save : saves) {
				statuses.add(save.get(30, TimeUnit.SECONDS));
			}
			assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void rejectsAnInvalidProfileWithEveryFieldProblem() {
		User therapist = newTherapist();
		String body = Http.json(Map.of("displayName", "", "timeZone", "Mars/Olympus", "consultationMinutes", 10));

		JsonNode problem = this.http.put("/api/therapists/me", therapist.token(), body).expectProblem(400);

		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.contains("displayName", "consultationMinutes");
	}

	@Test
	void rejectsAnUnknownTimeZone() {
		User therapist = newTherapist();
		String body = Http.json(Map.of("displayName", "X", "timeZone", "Mars/Olympus", "consultationMinutes", 30));

		JsonNode problem = this.http.put("/api/therapists/me", therapist.token(), body).expectProblem(400);

		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("timeZone");
	}

	@Test
	void answersNotFoundForAnUnknownTherapist() {
		this.http.get("/api/therapists/" + UUID.randomUUID()).expectProblem(404);
	}

	@Test
	void letsOnlyTherapistsWriteAProfile() {
		String body = Http.json(Map.of("displayName", "X", "timeZone", "Europe/London", "consultationMinutes", 30));

		this.http.put("/api/therapists/me", null, body).expectProblem(401);
		this.http.put("/api/therapists/me", token(DemoAccount.CLIENT1), body).expectProblem(403);
		this.http.put("/api/therapists/me", token(DemoAccount.ADMIN1), body).expectProblem(403);
	}

	@Test
	void refusesABadTokenEvenOnThePublicList() {
		this.http.get("/api/therapists", idp.token(DemoAccount.CLIENT1).signedWithForeignKey().build())
			.expectProblem(401);
	}

}
