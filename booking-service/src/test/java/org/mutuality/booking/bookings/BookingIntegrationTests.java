package org.mutuality.booking.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Booking, cancelling and rescheduling over HTTP, with idempotency keys and ownership.
 */
class BookingIntegrationTests extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	private BookingRepository bookings;

	private User therapist;

	private LocalDate day;

	@BeforeEach
	void therapist() {
		this.therapist = newTherapist();
		createProfile(this.therapist, "Europe/London");
		everyDay(this.therapist, "Europe/London", "09:00", "17:00");
		this.day = LocalDate.now(LONDON).plusDays(4);
	}

	@Test
	void booksAFreeSlotAndTakesItOutOfTheSearch() {
		User client = newClient();

		Http.Response response = book(client, at(10, 0), null);

		JsonNode booking = response.expect(201);
		assertThat(response.header("Location")).isEqualTo("/api/bookings/" + booking.path("id").asString());
		assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(booking.path("therapistId").asString()).isEqualTo(this.therapist.id().toString());
		assertThat(booking.path("clientId").asString()).isEqualTo(client.id().toString());
		assertThat(Instant.parse(booking.path("start").asString())).isEqualTo(instant(10, 0));
		assertThat(Instant.parse(booking.path("end").asString())).isEqualTo(instant(10, 30));
		JsonNode slots = this.http
			.get("/api/therapists/" + this.therapist.id() + "/slots?from=" + this.day + "&to=" + this.day)
			.expect(200);
		assertThat(slots.path("slots").valueStream()
			.map((slot) -> ZonedDateTime.parse(slot.path("start").asString()).toLocalTime().toString()))
			.doesNotContain("10:00")
			.contains("09:30", "10:30");
		this.http.get("/api/bookings/" + booking.path("id").asString(), client.token()).expect(200);
	}

	@Test
	void rejectsAStartTheRulesDoNotOfferOrThatIsTaken() {
		assertThat(book(newClient(), at(10, 10), null).expectProblem(409).path("type").asString())
			.isEqualTo("/problems/slot-unavailable");
		book(newClient(), at(18, 0), null).expectProblem(409);
		book(newClient(), Instant.now().minusSeconds(3600).toString(), null).expectProblem(409);
		book(newClient(), at(11, 0), null).expect(201);
		JsonNode taken = book(newClient(), at(11, 0), null).expectProblem(409);
		assertThat(taken.path("type").asString()).isEqualTo("/problems/slot-unavailable");
	}

	@Test
	void allowsOneUpcomingFreeConsultationPerClient() {
		User client = newClient();
		String first = book(client, at(9, 0), null).expect(201).path("id").asString();

		JsonNode problem = book(client, at(14, 0), null).expectProblem(409);

		assertThat(problem.path("type").asString()).isEqualTo("/problems/consultation-limit");
		this.http.post("/api/bookings/" + first + "/cancel", client.token(), "{}").expect(200);
		book(client, at(14, 0), null).expect(201);
	}

	@Test
	void replaysTheFirstAnswerForARepeatedIdempotencyKey() {
		User client = newClient();
		String key = UUID.randomUUID().toString();

		Http.Response first = book(client, at(12, 0), key);
		Http.Response again = book(client, at(12, 0), key);

		JsonNode booking = first.expect(201);
		assertThat(again.expect(201)).isEqualTo(booking);
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		JsonNode reused = book(client, at(12, 30), key).expectProblem(409);
		assertThat(reused.path("type").asString()).isEqualTo("/problems/idempotency-key-reused");
		assertThat(this.http.get("/api/bookings", client.token()).expect(200).path("totalItems").asLong()).isOne();
		// another client's key space is its own
		book(newClient(), at(12, 30), key).expect(201);
	}

	@Test
	void rejectsAnInvalidIdempotencyKey() {
		this.http.post("/api/bookings", newClient().token(), body(at(9, 0), null),
				Map.of("Idempotency-Key", "x".repeat(201)))
			.expectProblem(400);
	}

	@Test
	void cancelsABookingAndFreesItsSlot() {
		User client = newClient();
		String id = book(client, at(15, 0), null).expect(201).path("id").asString();

		this.http.post("/api/bookings/" + id + "/cancel", newClient().token(), "{}").expectProblem(404);
		JsonNode cancelled = this.http
			.post("/api/bookings/" + id + "/cancel", client.token(), "{\"reason\": \"feeling better\"}")
			.expect(200);

		assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("cancelReason").asString()).isEqualTo("feeling better");
		assertThat(cancelled.path("cancelledAt").isString()).isTrue();
		this.http.post("/api/bookings/" + id + "/cancel", client.token(), null).expectProblem(409);
		book(newClient(), at(15, 0), null).expect(201);
	}

	@Test
	void letsTheTherapistAndAnAdminCancel() {
		String first = book(newClient(), at(9, 0), null).expect(201).path("id").asString();
		String second = book(newClient(), at(9, 30), null).expect(201).path("id").asString();

		this.http.post("/api/bookings/" + first + "/cancel", this.therapist.token(), null).expect(200);
		this.http.post("/api/bookings/" + second + "/cancel", token(DemoAccount.ADMIN1), null).expect(200);
		this.http.post("/api/bookings/" + second + "/cancel", newTherapist().token(), null).expectProblem(404);
	}

	@Test
	void reschedulesAtomically() {
		User client = newClient();
		String id = book(client, at(13, 0), null).expect(201).path("id").asString();
		book(newClient(), at(16, 0), null).expect(201);

		JsonNode moved = this.http
			.post("/api/bookings/" + id + "/reschedule", client.token(), "{\"start\": \"" + at(13, 30) + "\"}")
			.expect(200);
		assertThat(Instant.parse(moved.path("start").asString())).isEqualTo(instant(13, 30));

		JsonNode refused = this.http
			.post("/api/bookings/" + id + "/reschedule", client.token(), "{\"start\": \"" + at(16, 0) + "\"}")
			.expectProblem(409);
		assertThat(refused.path("type").asString()).isEqualTo("/problems/slot-unavailable");
		JsonNode unchanged = this.http.get("/api/bookings/" + id, client.token()).expect(200);
		assertThat(Instant.parse(unchanged.path("start").asString())).isEqualTo(instant(13, 30));
		// the old slot is free again, and another client cannot move the booking
		book(newClient(), at(13, 0), null).expect(201);
		this.http.post("/api/bookings/" + id + "/reschedule", newClient().token(), "{\"start\": \"" + at(14, 0) + "\"}")
			.expectProblem(404);
		this.http.post("/api/bookings/" + id + "/reschedule", this.therapist.token(),
				"{\"start\": \"" + at(14, 0) + "\"}")
			.expect(200);
	}

	@Test
	void leavesABookingThatHasBegunAsItWas() {
		User client = newClient();
		Instant began = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MINUTES);
		Booking booking = this.bookings.saveAndFlush(new Booking(UUID.randomUUID(), this.therapist.id(), client.id(),
				"", began, began.plusSeconds(1800), null, null, began.minusSeconds(86_400)));
		String id = booking.getId().toString();

		JsonNode cancel = this.http.post("/api/bookings/" + id + "/cancel", client.token(), "{}").expectProblem(409);
		assertThat(cancel.path("type").asString()).isEqualTo("/problems/booking-started");
		JsonNode reschedule = this.http
			.post("/api/bookings/" + id + "/reschedule", this.therapist.token(), "{\"start\": \"" + at(10, 0) + "\"}")
			.expectProblem(409);
		assertThat(reschedule.path("type").asString()).isEqualTo("/problems/booking-started");
		JsonNode unchanged = this.http.get("/api/bookings/" + id, client.token()).expect(200);
		assertThat(unchanged.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(Instant.parse(unchanged.path("start").asString())).isEqualTo(began);
	}

	@Test
	void rejectsAnInvalidBookingRequest() {
		User client = newClient();

		JsonNode missing = this.http.post("/api/bookings", client.token(), "{\"note\": \"hi\"}").expectProblem(400);
		assertThat(missing.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.contains("therapistId", "start");
		this.http.post("/api/bookings", client.token(),
				Http.json(Map.of("therapistId", UUID.randomUUID(), "start", at(10, 0))))
			.expectProblem(400);
		this.http.post("/api/bookings", client.token(), "{\"therapistId\": \"nope\", \"start\": \"soon\"}")
			.expectProblem(400);
		this.http.post("/api/bookings", client.token(), "{not json").expectProblem(400);
	}

	@Test
	void letsOnlyClientsBook() {
		this.http.post("/api/bookings", null, body(at(10, 0), null)).expectProblem(401);
		this.http.post("/api/bookings", this.therapist.token(), body(at(10, 0), null)).expectProblem(403);
		this.http.post("/api/bookings", token(DemoAccount.ADMIN1), body(at(10, 0), null)).expectProblem(403);
	}

	@Test
	void theDatabaseRefusesOverlappingConfirmedBookingsWhateverTheCodeDoes() {
		Instant start = instant(16, 30);
		this.bookings.saveAndFlush(new Booking(UUID.randomUUID(), this.therapist.id(), UUID.randomUUID(), "", start,
				start.plusSeconds(1800), null, null, Instant.now()));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.bookings.saveAndFlush(new Booking(UUID.randomUUID(), this.therapist.id(),
					UUID.randomUUID(), "", start.plusSeconds(600), start.plusSeconds(2400), null, null,
					Instant.now())))
			.satisfies((ex) -> assertThat(BookingService.isExclusionViolation(ex)).isTrue());
	}

	private Http.Response book(User client, String start, String idempotencyKey) {
		return this.http.post("/api/bookings", client.token(), body(start, null),
				(idempotencyKey != null) ? Map.of("Idempotency-Key", idempotencyKey) : Map.of());
	}

	private String body(String start, String note) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("therapistId", this.therapist.id());
		body.put("start", start);
		if (note != null) {
			body.put("note", note);
		}
		return Http.json(body);
	}

	/** The day's local time in London, written with its offset, as the slot search writes it. */
	private String at(int hour, int minute) {
		return this.day.atTime(hour, minute).atZone(LONDON).toOffsetDateTime().toString();
	}

	private Instant instant(int hour, int minute) {
		return this.day.atTime(hour, minute).atZone(LONDON).toInstant();
	}

}
