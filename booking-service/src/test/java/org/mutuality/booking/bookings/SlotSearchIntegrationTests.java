package org.mutuality.booking.bookings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public free-slot search over HTTP.
 */
class SlotSearchIntegrationTests extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void answersFreeSlotsInTheCallersZone() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		everyDay(therapist, "Europe/London", "09:00", "12:00");
		LocalDate from = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(2);

		JsonNode answer = this.http
			.get("/api/therapists/" + therapist.id() + "/slots?from=" + from + "&to=" + from.plusDays(1)
					+ "&timeZone=Asia/Kolkata")
			.expect(200);

		assertThat(answer.path("therapistId").asString()).isEqualTo(therapist.id().toString());
		assertThat(answer.path("timeZone").asString()).isEqualTo("Asia/Kolkata");
		assertThat(answer.path("slots")).hasSize(12);
		assertThat(answer.path("slots").valueStream().map((slot) -> slot.path("start").asString()))
			.allMatch((start) -> start.endsWith("+05:30"));
		JsonNode first = answer.path("slots").get(0);
		assertThat(ZonedDateTime.parse(first.path("start").asString()).withZoneSameInstant(LONDON).toLocalTime())
			.hasToString("09:00");
		assertThat(ZonedDateTime.parse(first.path("end").asString())
			.toInstant()
			.minusSeconds(30 * 60)).isEqualTo(ZonedDateTime.parse(first.path("start").asString()).toInstant());
	}

	@Test
	void defaultsToTheTherapistsZoneAndLeavesOutABookingWithItsBuffer() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London", 30, 10, 0, 60);
		everyDay(therapist, "Europe/London", "09:00", "12:00");
		LocalDate day = LocalDate.now(LONDON).plusDays(3);
		this.http
			.post("/api/bookings", newClient().token(),
					Http.json(Map.of("therapistId", therapist.id(), "start",
							day.atTime(10, 0).atZone(LONDON).toOffsetDateTime().toString())))
			.expect(201);

		JsonNode answer = this.http.get("/api/therapists/" + therapist.id() + "/slots?from=" + day + "&to=" + day)
			.expect(200);

		assertThat(answer.path("timeZone").asString()).isEqualTo("Europe/London");
		assertThat(answer.path("slots").valueStream()
			.map((slot) -> ZonedDateTime.parse(slot.path("start").asString()).toLocalTime().toString()))
			.containsExactly("09:00", "11:00", "11:30");
	}

	@Test
	void laysSlotsInRealTimeOnTheNextClockChangeAndAnswersInAHalfHourZone() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London", 60, 0, 0, 365);
		ZoneOffsetTransition change = LONDON.getRules().nextTransition(Instant.now().plus(Duration.ofDays(2)));
		LocalDate day = LocalDate.ofInstant(change.getInstant(), LONDON);
		this.http.put("/api/therapists/me/availability", therapist.token(),
				"{\"timeZone\": \"Europe/London\", \"overrides\": [{\"date\": \"" + day
						+ "\", \"intervals\": [{\"start\": \"00:00\", \"end\": \"04:00\"}]}]}")
			.expect(200);

		JsonNode answer = this.http.get("/api/therapists/" + therapist.id() + "/slots?from=" + day.minusDays(1)
				+ "&to=" + day.plusDays(1) + "&timeZone=Asia/Kathmandu")
			.expect(200);

		// 00:00 to 04:00 on the wall clock is three real hours when clocks go forward, five when back
		int expected = change.isGap() ? 3 : 5;
		assertThat(answer.path("slots")).hasSize(expected);
		Instant previousEnd = null;
		for (JsonNode slot : answer.path("slots")) {
			Instant start = OffsetDateTime.parse(slot.path("start").asString()).toInstant();
			Instant end = OffsetDateTime.parse(slot.path("end").asString()).toInstant();
			assertThat(slot.path("start").asString()).endsWith("+05:45");
			assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(1));
			if (previousEnd != null) {
				assertThat(start).isEqualTo(previousEnd);
			}
			previousEnd = end;
		}
	}

	@Test
	void rejectsAWindowOfMoreThan62Days() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		LocalDate from = LocalDate.now(LONDON);

		this.http.get("/api/therapists/" + therapist.id() + "/slots?from=" + from + "&to=" + from.plusDays(61))
			.expect(200);
		JsonNode problem = this.http
			.get("/api/therapists/" + therapist.id() + "/slots?from=" + from + "&to=" + from.plusDays(62))
			.expectProblem(400);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("to");
	}

	@Test
	void rejectsMissingOrMalformedParameters() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		String slots = "/api/therapists/" + therapist.id() + "/slots";

		assertThat(this.http.get(slots + "?to=2026-12-01").expectProblem(400).path("errors").get(0).path("field")
			.asString()).isEqualTo("from");
		this.http.get(slots + "?from=2026-12-01&to=2026-12-02&timeZone=Nowhere/City").expectProblem(400);
		this.http.get(slots + "?from=tomorrow&to=2026-12-02").expectProblem(400);
		this.http.get(slots + "?from=2026-12-03&to=2026-12-02").expectProblem(400);
	}

	@Test
	void answersNotFoundForAnUnknownTherapist() {
		this.http.get("/api/therapists/" + UUID.randomUUID() + "/slots?from=2026-12-01&to=2026-12-02")
			.expectProblem(404);
	}

}
