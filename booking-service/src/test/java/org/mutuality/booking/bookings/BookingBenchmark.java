package org.mutuality.booking.bookings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import org.mutuality.platform.test.benchmark.Latencies;
import org.mutuality.platform.test.benchmark.ServiceTime;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bars, measured over real HTTP against the full service on embedded PostgreSQL:
 * slot search over 60 days with 2,000 bookings, booking under 50 concurrent clients, and 200 racers
 * for one slot. Not part of {@code ./mvnw verify} (the name does not end in {@code Tests}) and it
 * asserts correctness only, never time: run it with
 * {@code ./mvnw -o -pl booking-service test -Dtest=BookingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code target/benchmarks/booking.md}. It runs with production's tracing sample (one request
 * in ten); {@code -Dbenchmark.tracing=1.0} traces every request, as development does.
 */
class BookingBenchmark extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final StringBuilder report = new StringBuilder();

	/** Requests before measuring a search: enough for the JIT to compile its path (C2). */
	private static final int WARM_UP = 3_000;

	/**
	 * Rounds of concurrent bookings (or racers) before the measured ones, unmeasured: the booking and
	 * the 409 paths compiled, the pool's connections open, as in a service that has been running.
	 */
	private static final int BOOKING_WARM_UP_ROUNDS = 4;

	@Autowired
	private ServiceTime serviceTime;


	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private SlotSearchService slotSearch;

	@Autowired
	private JsonMapper json;

	@Autowired
	private BookedPeriods bookedPeriods;

	@Autowired
	private org.springframework.transaction.support.TransactionTemplate transactions;

	/**
	 * The share of requests traced: production's (deploy/k8s/overlays/production), not development's
	 * every request, unless {@code -Dbenchmark.tracing} says otherwise.
	 */
	private static final String TRACING = System.getProperty("benchmark.tracing", "0.1");

	@DynamicPropertySource
	static void tracingAsInProduction(DynamicPropertyRegistry registry) {
		registry.add("management.tracing.sampling.probability", () -> TRACING);
	}

	@Test
	void benchmark() throws Exception {
		report.append("# booking-service benchmarks\n\nMeasured ").append(Instant.now())
			.append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ")
			.append(System.getProperty("java.version")).append(", over HTTP on localhost (client in the same JVM), ")
			.append("tracing sample ").append(TRACING).append(".\n\n");
		slotSearch();
		sequentialBooking();
		concurrentBooking();
		racers();
		Path file = Path.of("target", "benchmarks", "booking.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		System.out.println(report);
	}

	private void slotSearch() {
		User therapist = roundTheClockTherapist();
		LocalDate from = LocalDate.now(LONDON).plusDays(1);
		// 2,000 confirmed bookings over the 60 days, on slot boundaries, about every 43 minutes
		Instant first = from.atStartOfDay(LONDON).toInstant();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			Instant start = first.plus(Duration.ofMinutes(15L * (i * 60L * 24 * 60 / 15 / 2000)));
			rows.add(new Object[] { UUID.randomUUID(), therapist.id(), UUID.randomUUID(), Timestamp.from(start),
					Timestamp.from(start.plus(Duration.ofMinutes(15))), Timestamp.from(Instant.now()) });
		}
		this.jdbc.batchUpdate("insert into bookings (id, therapist_id, client_id, start_at, end_at, status, created_at)"
				+ " values (?, ?, ?, ?, ?, 'CONFIRMED', ?)", rows);
		String path = "/api/therapists/" + therapist.id() + "/slots?from=" + from + "&to=" + from.plusDays(59);
		int slots = this.http.get(path).expect(200).path("slots").size();
		assertThat(slots).isGreaterThan(3000);
		for (int i = 0; i < WARM_UP; i++) {
			assertThat(this.http.status(path)).isEqualTo(200);
		}
		long[] nanos = new long[1000];
		this.serviceTime.start();
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			int status = this.http.status(path);
			nanos[i] = System.nanoTime() - start;
			assertThat(status).isEqualTo(200);
		}
		long[] atTheService = this.serviceTime.stop();
		report.append("## Slot search: one therapist, 60-day window, 2,000 confirmed bookings\n\n")
			.append("15-minute slots round the clock: ").append(slots).append(" free slots per answer (")
			.append(this.http.get(path).body().length() / 1024).append(" KiB of JSON); 1,000 sequential requests after ")
			.append(WARM_UP).append(" warm-up. Over HTTP (the client's round trip):\n\n")
			.append(Latencies.of(nanos).markdownTable())
			.append("\nAt the service (the servlet filter chain: token check, search, JSON):\n\n")
			.append(Latencies.of(atTheService).markdownTable()).append("\n");
		long[] service = new long[1000];
		long[] serialization = new long[1000];
		for (int i = 0; i < 300 + service.length; i++) {
			long start = System.nanoTime();
			SlotsResponse answer = this.slotSearch.search(therapist.id(), from, from.plusDays(59), null);
			long searched = System.nanoTime();
			this.json.writeValueAsBytes(answer);
			long written = System.nanoTime();
			if (i >= 300) {
				service[i - 300] = searched - start;
				serialization[i - 300] = written - searched;
			}
		}
		report.append("Inside the service, the same 60-day search without HTTP: the transactional search "
				+ "(bookings query, expansion, response records):\n\n").append(Latencies.of(service).markdownTable())
			.append("\nand writing its JSON:\n\n").append(Latencies.of(serialization).markdownTable()).append("\n");
		long[] query = new long[1000];
		Instant windowStart = from.atStartOfDay(LONDON).toInstant();
		Instant windowEnd = from.plusDays(60).atStartOfDay(LONDON).toInstant();
		for (int i = 0; i < 300 + query.length; i++) {
			long start = System.nanoTime();
			int size = this.transactions.execute((status) -> this.bookedPeriods
				.overlapping(therapist.id(), windowStart, windowEnd)
				.size());
			if (i >= 300) {
				query[i - 300] = System.nanoTime() - start;
			}
			assertThat(size).isEqualTo(2000);
		}
		report.append("of which the query of the 2,000 bookings, in its own transaction:\n\n")
			.append(Latencies.of(query).markdownTable())
			.append("\n");
		String week = "/api/therapists/" + therapist.id() + "/slots?from=" + from + "&to=" + from.plusDays(6);
		for (int i = 0; i < WARM_UP; i++) {
			assertThat(this.http.status(week)).isEqualTo(200);
		}
		this.serviceTime.start();
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			int status = this.http.status(week);
			nanos[i] = System.nanoTime() - start;
			assertThat(status).isEqualTo(200);
		}
		atTheService = this.serviceTime.stop();
		report.append("The same therapist, a 7-day window (what a booking page asks for), over HTTP:\n\n")
			.append(Latencies.of(nanos).markdownTable())
			.append("\nand at the service:\n\n")
			.append(Latencies.of(atTheService).markdownTable())
			.append("\n");
	}

	/**
	 * One booking at a time, each by a new client: a booking's own time with nothing to wait for,
	 * and the machine's processor time it costs (service, PostgreSQL, the benchmark's client).
	 */
	private void sequentialBooking() {
		User therapist = roundTheClockTherapist();
		Instant first = LocalDate.now(LONDON).plusDays(2).atStartOfDay(LONDON).toInstant();
		int warmUp = 3000;
		long[] nanos = new long[500];
		List<User> clients = newClients(warmUp + nanos.length);
		MachineTime machine = null;
		for (int i = 0; i < warmUp + nanos.length; i++) {
			if (i == warmUp) {
				machine = MachineTime.start();
			}
			User client = clients.get(i);
			String body = Http.json(Map.of("therapistId", therapist.id(), "start",
					first.plus(Duration.ofMinutes(15L * i)).toString()));
			long begin = System.nanoTime();
			int status = this.http.post("/api/bookings", client.token(), body).status();
			if (i >= warmUp) {
				nanos[i - warmUp] = System.nanoTime() - begin;
			}
			assertThat(status).isEqualTo(201);
		}
		report.append("## Creating bookings one at a time\n\n").append(nanos.length)
			.append(" sequential `POST /api/bookings`, each by a new client, after ").append(warmUp)
			.append(" unmeasured:\n\n").append(Latencies.of(nanos).markdownTable()).append("\n")
			.append(machine.perOperation(nanos.length)).append("\n\n");
	}

	private void concurrentBooking() throws Exception {
		User therapist = roundTheClockTherapist();
		Instant first = LocalDate.now(LONDON).plusDays(2).atStartOfDay(LONDON).toInstant();
		List<Long> latencies = new ArrayList<>();
		int rounds = 8;
		List<User> clients = newClients(50 * (BOOKING_WARM_UP_ROUNDS + rounds));
		MachineTime machine = null;
		for (int round = 0; round < BOOKING_WARM_UP_ROUNDS + rounds; round++) {
			if (round == BOOKING_WARM_UP_ROUNDS) {
				machine = MachineTime.start();
			}
			List<Callable<long[]>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				User client = clients.get(round * 50 + i);
				Instant start = first.plus(Duration.ofMinutes(15L * (round * 50 + i)));
				String body = Http.json(Map.of("therapistId", therapist.id(), "start", start.toString()));
				calls.add(() -> {
					long begin = System.nanoTime();
					Http.Response response = this.http.post("/api/bookings", client.token(), body);
					return new long[] { System.nanoTime() - begin, response.status() };
				});
			}
			boolean measured = round >= BOOKING_WARM_UP_ROUNDS;
			for (long[] result : race(calls)) {
				assertThat(result[1]).isEqualTo(201);
				if (measured) {
					latencies.add(result[0]);
				}
			}
		}
		report.append("## Creating bookings: 50 concurrent clients, distinct free slots\n\n")
			.append(rounds).append(" rounds of 50 simultaneous `POST /api/bookings` after ").append(BOOKING_WARM_UP_ROUNDS)
			.append(" rounds of warm-up, all 201:\n\n")
			.append(Latencies.of(latencies).markdownTable()).append("\n")
			.append(machine.perOperation(latencies.size())).append("\n\n");
	}

	private void racers() throws Exception {
		User therapist = roundTheClockTherapist();
		List<Long> losers = new ArrayList<>();
		long winners = 0;
		int rounds = 10;
		for (int round = 0; round < BOOKING_WARM_UP_ROUNDS + rounds; round++) {
			Instant start = LocalDate.now(LONDON).plusDays(3 + round).atTime(10, 0).atZone(LONDON).toInstant();
			String body = Http.json(Map.of("therapistId", therapist.id(), "start", start.toString()));
			List<Callable<long[]>> calls = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				User client = newClient();
				calls.add(() -> {
					long begin = System.nanoTime();
					Http.Response response = this.http.post("/api/bookings", client.token(), body);
					return new long[] { System.nanoTime() - begin, response.status() };
				});
			}
			List<long[]> results = race(calls);
			assertThat(results).filteredOn((result) -> result[1] == 201).hasSize(1);
			assertThat(results).filteredOn((result) -> result[1] == 409).hasSize(199);
			if (round >= BOOKING_WARM_UP_ROUNDS) {
				winners++;
				results.stream().filter((result) -> result[1] == 409).forEach((result) -> losers.add(result[0]));
			}
		}
		report.append("## 200 racers for one slot\n\n").append(rounds).append(" rounds after ")
			.append(BOOKING_WARM_UP_ROUNDS).append(" of warm-up; ").append(winners)
			.append(" winners (one per round), every other request 409 `slot-unavailable`. Latency of the losers:\n\n")
			.append(Latencies.of(losers).markdownTable()).append("\n");
	}

	/** New clients with their tokens signed now, so that a measured phase's time is the bookings' alone. */
	private static List<User> newClients(int count) {
		return Stream.generate(BookingServiceIntegrationTest::newClient).limit(count).toList();
	}

	/** A new therapist in London with 15-minute slots round the clock, no buffer or notice, 90 days ahead. */
	private User roundTheClockTherapist() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London", 15, 0, 0, 90);
		everyDay(therapist, "Europe/London", "00:00", "24:00");
		return therapist;
	}

	private static List<long[]> race(List<Callable<long[]>> calls) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<long[]>> futures = new ArrayList<>();
			for (Callable<long[]> call : calls) {
				futures.add(executor.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await(30, TimeUnit.SECONDS);
			go.countDown();
			List<long[]> results = new ArrayList<>();
			for (Future<long[]> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		/** The slot searches' time at the service. */
		@Bean
		ServiceTime searchesAtTheService() {
			return new ServiceTime((request) -> "GET".equals(request.getMethod()));
		}

	}

}
