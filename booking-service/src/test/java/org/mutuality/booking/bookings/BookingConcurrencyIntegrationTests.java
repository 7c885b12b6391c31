package org.mutuality.booking.bookings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests at the same moment: one slot is never booked twice, and one client never gets two
 * upcoming consultations.
 */
class BookingConcurrencyIntegrationTests extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	private BookingRepository bookings;

	@Autowired
	private BookingLocks locks;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	/**
	 * Overlapping bookings of one therapist are written one transaction at a time. Two racers that
	 * both pass the free-slot check and insert together could otherwise each wait in the exclusion
	 * constraint for the other's undecided booking, a deadlock PostgreSQL breaks only after a second
	 * by failing one of them as a 500 (the booking benchmark met it). Here another transaction holds
	 * the slot's time on the therapist's calendar, as a booking being written there does: a request
	 * for the slot waits for it, then books; a request for another time does not wait.
	 */
	@Test
	void writesOverlappingBookingsOfATherapistOneTransactionAtATime() throws Exception {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		everyDay(therapist, "Europe/London", "09:00", "17:00");
		Instant slot = LocalDate.now(LONDON).plusDays(7).atTime(11, 0).atZone(LONDON).toInstant();
		String body = Http.json(Map.of("therapistId", therapist.id(), "start", slot.toString()));
		String laterBody = Http.json(Map.of("therapistId", therapist.id(), "start", slot.plusSeconds(3600).toString()));
		User client = newClient();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<?> writer = executor.submit(() -> this.transactions.executeWithoutResult((status) -> {
				this.locks.calendar(therapist.id(), slot, slot.plusSeconds(30 * 60));
				held.countDown();
				await(release);
			}));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(this.http.post("/api/bookings", newClient().token(), laterBody).status()).isEqualTo(201);

			Future<Http.Response> booking = executor.submit(() -> this.http.post("/api/bookings", client.token(), body));

			waitUntil(() -> waitingForCalendars() == 1);
			assertThat(booking).isNotDone();
			release.countDown();
			writer.get(10, TimeUnit.SECONDS);
			assertThat(booking.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

	/**
	 * Two bookings next to each other, inside the therapist's buffer, do not overlap, so the
	 * exclusion constraint lets both in: the calendar is held over the buffer too, and the slot is
	 * checked again once it is held. Here another transaction writes 09:00-09:30 while a client asks
	 * for 09:30 (a 10-minute buffer): the request passes the first check, waits, then is refused.
	 */
	@Test
	void refusesABookingInsideTheBufferOfOneCommittedWhileItWaited() throws Exception {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London", 30, 10, 0, 60);
		everyDay(therapist, "Europe/London", "09:00", "17:00");
		Instant nine = LocalDate.now(LONDON).plusDays(7).atTime(9, 0).atZone(LONDON).toInstant();
		Instant halfPast = nine.plusSeconds(30 * 60);
		String body = Http.json(Map.of("therapistId", therapist.id(), "start", halfPast.toString()));
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<?> writer = executor.submit(() -> this.transactions.executeWithoutResult((status) -> {
				this.locks.calendar(therapist.id(), nine.minusSeconds(10 * 60), halfPast.plusSeconds(10 * 60));
				this.jdbc.sql("insert into bookings (id, therapist_id, client_id, start_at, end_at, status, created_at)"
						+ " values (?, ?, ?, ?, ?, 'CONFIRMED', now())")
					.params(UUID.randomUUID(), therapist.id(), UUID.randomUUID(), Timestamp.from(nine),
							Timestamp.from(halfPast))
					.update();
				held.countDown();
				await(release);
			}));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

			Future<Http.Response> booking = executor.submit(() -> this.http.post("/api/bookings", newClient().token(), body));

			waitUntil(() -> waitingForCalendars() == 1);
			release.countDown();
			writer.get(10, TimeUnit.SECONDS);
			Http.Response answer = booking.get(10, TimeUnit.SECONDS);
			assertThat(answer.status()).isEqualTo(409);
			assertThat(answer.json().path("type").asString()).isEqualTo("/problems/slot-unavailable");
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

	/** Requests waiting for a therapist's calendar lock. */
	private long waitingForCalendars() {
		return this.jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted and classid = ?::oid")
			.param(BookingLocks.CALENDARS)
			.query(Long.class)
			.single();
	}

	private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 10 s for the request to wait for the calendar lock").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void answersExactlyOne201AndOnly409sWhenFiftyClientsRaceForOneSlot() throws Exception {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		everyDay(therapist, "Europe/London", "09:00", "17:00");
		String start = LocalDate.now(LONDON).plusDays(6).atTime(10, 0).atZone(LONDON).toOffsetDateTime().toString();
		String body = Http.json(Map.of("therapistId", therapist.id(), "start", start));
		List<User> clients = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			clients.add(newClient());
		}

		List<Http.Response> responses = race(clients.stream()
			.map((client) -> (Callable<Http.Response>) () -> this.http.post("/api/bookings", client.token(), body))
			.toList());

		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.status() == 409)
			.hasSize(49)
			.allSatisfy((response) -> assertThat(response.json().path("type").asString())
				.isEqualTo("/problems/slot-unavailable"));
		assertThat(this.bookings.findUpcomingOfTherapist(therapist.id(), Instant.now())).hasSize(1);
	}

	@Test
	void booksOnlyOneOfTenSlotsOneClientRacesFor() throws Exception {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		everyDay(therapist, "Europe/London", "09:00", "17:00");
		LocalDate day = LocalDate.now(LONDON).plusDays(6);
		User client = newClient();
		List<Callable<Http.Response>> attempts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String start = day.atTime(9 + i / 2, (i % 2) * 30).atZone(LONDON).toOffsetDateTime().toString();
			String body = Http.json(Map.of("therapistId", therapist.id(), "start", start));
			attempts.add(() -> this.http.post("/api/bookings", client.token(), body));
		}

		List<Http.Response> responses = race(attempts);

		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.status() == 409)
			.hasSize(9)
			.allSatisfy((response) -> assertThat(response.json().path("type").asString())
				.isEqualTo("/problems/consultation-limit"));
		assertThat(this.http.get("/api/bookings", client.token()).expect(200).path("totalItems").asLong()).isOne();
	}

	/** Runs the calls at the same moment, released together by a latch, and answers their results. */
	private static List<Http.Response> race(List<Callable<Http.Response>> calls) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Http.Response>> futures = new ArrayList<>();
			for (Callable<Http.Response> call : calls) {
				futures.add(executor.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Http.Response> responses = new ArrayList<>();
			for (Future<Http.Response> future : futures) {
				responses.add(future.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
