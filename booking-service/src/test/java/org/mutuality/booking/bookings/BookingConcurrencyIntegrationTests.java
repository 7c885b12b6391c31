package org.mutuality.booking.bookings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests at the same moment: one slot is never booked twice, and one client never gets two
 * upcoming consultations.
 */
class BookingConcurrencyIntegrationTests extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	private BookingRepository bookings;

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
		assertThat(this.bookings.findUpcomingOfTherapist(therapist.id(), java.time.Instant.now())).hasSize(1);
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
