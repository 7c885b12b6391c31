package org.mutuality.booking.availability;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A therapist's own availability over HTTP.
 */
class AvailabilityIntegrationTests extends BookingServiceIntegrationTest {

	private static final String VALID = """
			{"timeZone": "Europe/London",
			 "weekly": [{"day": "MONDAY", "start": "09:00", "end": "12:00"},
			            {"day": "MONDAY", "start": "13:00", "end": "17:30"},
			            {"day": "FRIDAY", "start": "20:00", "end": "24:00"}],
			 "overrides": [{"date": "2026-12-24", "intervals": []},
			               {"date": "2026-12-27", "intervals": [{"start": "10:00", "end": "11:00"}]}]}""";

	@Test
	void replacesAndReadsTheCallersAvailability() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/Paris");

		JsonNode saved = this.http.put("/api/therapists/me/availability", therapist.token(), VALID).expect(200);
		JsonNode read = this.http.get("/api/therapists/me/availability", therapist.token()).expect(200);

		assertThat(read).isEqualTo(saved);
		assertThat(read.path("timeZone").asString()).isEqualTo("Europe/London");
		assertThat(read.path("weekly")).hasSize(3);
		assertThat(read.path("weekly").get(2).path("end").asString()).isEqualTo("24:00");
		assertThat(read.path("overrides").get(0).path("date").asString()).isEqualTo("2026-12-24");
		assertThat(read.path("overrides").get(0).path("intervals")).isEmpty();
		assertThat(this.http.get("/api/therapists/" + therapist.id()).expect(200).path("timeZone").asString())
			.isEqualTo("Europe/London");
	}

	@Test
	void rejectsOverlappingInvertedAndMalformedIntervalsAllAtOnce() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		String body = """
				{"timeZone": "Europe/London",
				 "weekly": [{"day": "MONDAY", "start": "09:00", "end": "12:00"},
				            {"day": "MONDAY", "start": "11:00", "end": "13:00"},
				            {"day": "TUESDAY", "start": "15:00", "end": "14:00"},
				            {"day": "WEDNESDAY", "start": "9am", "end": "10:00"}],
				 "overrides": [{"date": "2026-12-24", "intervals": [{"start": "10:00", "end": "12:00"},
				                                                    {"start": "11:30", "end": "12:30"}]}]}""";

		JsonNode problem = this.http.put("/api/therapists/me/availability", therapist.token(), body)
			.expectProblem(400);

		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.contains("weekly[3].start");
		// time formats are reported first; with them fixed, the rule violations come
		String fixed = body.replace("9am", "09:00");
		JsonNode rules = this.http.put("/api/therapists/me/availability", therapist.token(), fixed)
			.expectProblem(400);
		assertThat(rules.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.contains("weekly[1]", "weekly[2].end", "overrides[0].intervals[1]");
	}

	@Test
	void rejectsAnUnknownDayOrZone() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");

		this.http.put("/api/therapists/me/availability", therapist.token(),
				"{\"timeZone\": \"Europe/London\", \"weekly\": [{\"day\": \"FUNDAY\", \"start\": \"09:00\", \"end\": \"10:00\"}]}")
			.expectProblem(400);
		JsonNode problem = this.http
			.put("/api/therapists/me/availability", therapist.token(), VALID.replace("Europe/London", "Nowhere/City"))
			.expectProblem(400);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("timeZone");
	}

	@Test
	void answersNotFoundBeforeTheProfileExists() {
		User therapist = newTherapist();

		this.http.get("/api/therapists/me/availability", therapist.token()).expectProblem(404);
		this.http.put("/api/therapists/me/availability", therapist.token(), VALID).expectProblem(404);
	}

	@Test
	void letsOnlyTherapistsSeeOrWriteTheirAvailability() {
		this.http.get("/api/therapists/me/availability").expectProblem(401);
		this.http.get("/api/therapists/me/availability", token(DemoAccount.CLIENT1)).expectProblem(403);
		this.http.put("/api/therapists/me/availability", token(DemoAccount.ADMIN1), VALID).expectProblem(403);
	}

}
