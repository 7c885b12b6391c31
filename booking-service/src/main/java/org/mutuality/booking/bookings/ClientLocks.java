package org.mutuality.booking.bookings;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Serialises one client's booking attempts with a PostgreSQL transaction-level advisory lock, held
 * until the transaction ends: the check "no upcoming free consultation yet" and the insert that
 * follows it are then atomic for that client, across threads and service instances, without
 * blocking anyone else. The lock key is the pair (namespace, hash of the client id); a hash
 * collision only makes two clients wait for each other briefly.
 */
@Repository
class ClientLocks {

	/** The first half of the advisory lock key: booking-service's client locks. */
	private static final int NAMESPACE = 0x424B4331; // "BKC1"

	private final JdbcClient jdbc;

	ClientLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits for and takes the client's lock until the current transaction ends. */
	void lock(UUID clientId) {
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)")
			.params(NAMESPACE, clientId.hashCode())
			.query((rs, row) -> 1)
			.single();
	}

}
