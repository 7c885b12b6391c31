package org.mutuality.booking.bookings;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.LongStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL transaction-level advisory locks, held until the transaction ends, that order
 * concurrent bookings across threads and service instances:
 * <ul>
 * <li>a client's lock serialises the client's booking attempts, so the check "no upcoming free
 * consultation yet" and the insert that follows it are atomic for that client;</li>
 * <li>a therapist's calendar is locked by quarter hours just before a booking is written: the
 * quarter hours its time and the buffer around it touch, so two transactions never write bookings
 * of one therapist that overlap or sit inside each other's buffer at the same time, while bookings
 * at other times go ahead side by side (the writer checks the slot again once it holds them). Without it, two
 * inserts for one slot can each reach the exclusion constraint's check after the other's insert,
 * wait for each other, and end in a deadlock that PostgreSQL breaks only after
 * {@code deadlock_timeout} (a second) by failing one of them as an error instead of a 409. With it,
 * the second insert starts after the first has committed and fails the constraint at once.</li>
 * </ul>
 * A lock key is the pair (namespace, hash); a hash collision only makes two clients or two quarter
 * hours wait for each other briefly. Locks are always taken in one order (a client's, then a
 * calendar's by ascending key), so that taking them never deadlocks either.
 */
@Repository
class BookingLocks {

	/** The first half of the advisory lock key: booking-service's client locks. */
	private static final int CLIENTS = 0x424B4331; // "BKC1"

	/** The first half of the advisory lock key: booking-service's therapists' calendar locks. */
	static final int CALENDARS = 0x424B5431; // "BKT1"

	private static final long QUARTER_HOUR_SECONDS = 15 * 60;

	private final JdbcClient jdbc;

	BookingLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits for and takes the client's lock until the current transaction ends. */
	void client(UUID clientId) {
		lock(CLIENTS, clientId);
	}

	/**
	 * Waits for and takes the locks on the quarter hours of the therapist's calendar that
	 * {@code [start, end)} touches, until the current transaction ends: two overlapping bookings
	 * always share one.
	 */
	void calendar(UUID therapistId, Instant start, Instant end) {
		long first = Math.floorDiv(start.getEpochSecond(), QUARTER_HOUR_SECONDS);
		long last = Math.floorDiv(end.minusNanos(1).getEpochSecond(), QUARTER_HOUR_SECONDS);
		LongStream.rangeClosed(first, last)
			.mapToInt((quarter) -> Objects.hash(therapistId, quarter))
			.sorted()
			.distinct()
			.forEach((key) -> lock(CALENDARS, key));
	}

	private void lock(int namespace, UUID id) {
		lock(namespace, id.hashCode());
	}

	private void lock(int namespace, int key) {
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(namespace, key).query((rs, row) -> 1).single();
	}

}
