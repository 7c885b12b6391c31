package org.mutuality.booking.bookings;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookings list and one booking: who sees what, paging, filters.
 */
class BookingListIntegrationTests extends BookingServiceIntegrationTest {

	@Autowired
	private BookingRepository bookings;

	@Test
	void answersUnauthorizedWithoutAToken() {
		JsonNode problem = this.http.get("/api/bookings").expectProblem(401);

		assertThat(problem.path("instance").asString()).isEqualTo("/api/bookings");
	}

	@Test
	void answersAClientAPageOfTheirOwnBookings() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		User client = newClient();
		User other = newClient();
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		Booking mine = save(therapist.id(), client.id(), start);
		save(therapist.id(), other.id(), start.plus(Duration.ofHours(1)));

		JsonNode page = this.http.get("/api/bookings", client.token()).expect(200);

		assertThat(page.path("items")).hasSize(1);
		assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(mine.getId().toString());
		assertThat(page.path("items").get(0).path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(page.path("items").get(0).path("start").asString()).isEqualTo(start.toString());
		assertThat(page.path("page").asInt()).isZero();
		assertThat(page.path("size").asInt()).isEqualTo(20);
		assertThat(page.path("totalItems").asLong()).isOne();
		assertThat(page.path("totalPages").asInt()).isOne();
	}

	@Test
	void answersADemoClientAnEmptyPage() {
		JsonNode page = this.http.get("/api/bookings", token(DemoAccount.CLIENT3)).expect(200);

		assertThat(page.path("items").isArray()).isTrue();
		assertThat(page.has("totalItems")).isTrue();
	}

	@Test
	void answersATherapistTheirOwnCalendarByStartAndAnAdminEverything() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		User otherTherapist = newTherapist();
		createProfile(otherTherapist, "Europe/London");
		Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
		Booking later = save(therapist.id(), newClient().id(), start.plus(Duration.ofHours(2)));
		Booking earlier = save(therapist.id(), newClient().id(), start);
		Booking elsewhere = save(otherTherapist.id(), newClient().id(), start);

		JsonNode page = this.http.get("/api/bookings", therapist.token()).expect(200);

		assertThat(page.path("items").valueStream().map((item) -> item.path("id").asString()))
			.containsExactly(earlier.getId().toString(), later.getId().toString());
		JsonNode all = this.http.get("/api/bookings?size=100&from=" + start.minus(Duration.ofMinutes(1)) + "&to="
				+ start.plus(Duration.ofHours(3)), token(DemoAccount.ADMIN1))
			.expect(200);
		assertThat(all.path("items").valueStream().map((item) -> item.path("id").asString())).contains(
				earlier.getId().toString(), later.getId().toString(), elsewhere.getId().toString());
	}

	@Test
	void filtersByStatusAndPages() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		User client = newClient();
		Instant start = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
		save(therapist.id(), client.id(), start);
		save(therapist.id(), client.id(), start.plus(Duration.ofHours(1)));
		Booking cancelled = save(therapist.id(), client.id(), start.plus(Duration.ofHours(2)));
		cancelled.cancel("no longer needed", Instant.now());
		this.bookings.save(cancelled);

		JsonNode confirmed = this.http.get("/api/bookings?status=CONFIRMED&size=1&page=1", client.token()).expect(200);
		assertThat(confirmed.path("items")).hasSize(1);
		assertThat(confirmed.path("totalItems").asLong()).isEqualTo(2);
		assertThat(confirmed.path("totalPages").asInt()).isEqualTo(2);
		JsonNode onlyCancelled = this.http.get("/api/bookings?status=CANCELLED", client.token()).expect(200);
		assertThat(onlyCancelled.path("items").get(0).path("cancelReason").asString()).isEqualTo("no longer needed");
	}

	@Test
	void rejectsBadQueryValues() {
		String client = token(DemoAccount.CLIENT1);

		this.http.get("/api/bookings?status=MAYBE", client).expectProblem(400);
		this.http.get("/api/bookings?size=0", client).expectProblem(400);
		this.http.get("/api/bookings?size=101", client).expectProblem(400);
		this.http.get("/api/bookings?page=-1", client).expectProblem(400);
		// an offset past what a page request can hold
		this.http.get("/api/bookings?page=21474837&size=100", client).expectProblem(400);
		this.http.get("/api/follow-ups/mine?page=21474837&size=100", client).expectProblem(400);
		this.http.get("/api/bookings?from=yesterday", client).expectProblem(400);
	}

	@Test
	void showsOneBookingToItsClientItsTherapistAndAdminsOnly() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		User client = newClient();
		Booking booking = save(therapist.id(), client.id(),
				Instant.now().plus(Duration.ofDays(9)).truncatedTo(ChronoUnit.HOURS));
		String path = "/api/bookings/" + booking.getId();

		this.http.get(path, client.token()).expect(200);
		this.http.get(path, therapist.token()).expect(200);
		this.http.get(path, token(DemoAccount.ADMIN1)).expect(200);
		this.http.get(path, newClient().token()).expectProblem(404);
		this.http.get(path, newTherapist().token()).expectProblem(404);
		this.http.get(path).expectProblem(401);
		this.http.get("/api/bookings/" + UUID.randomUUID(), client.token()).expectProblem(404);
	}

	private Booking save(UUID therapistId, UUID clientId, Instant start) {
		return this.bookings.save(new Booking(UUID.randomUUID(), therapistId, clientId, "TC", start,
				start.plus(Duration.ofMinutes(30)), null, null, Instant.now()));
	}

}
