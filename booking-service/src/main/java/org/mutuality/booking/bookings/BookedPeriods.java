package org.mutuality.booking.bookings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mutuality.booking.slots.BookedPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A therapist's confirmed bookings as the slot expansion sees them, read with plain JDBC over the
 * partial index {@code bookings_therapist_start}: the slot search reads up to thousands of them per
 * request, and two timestamps a row need no entities.
 */
@Repository
class BookedPeriods {

	private final JdbcClient jdbc;

	BookedPeriods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The therapist's confirmed bookings that overlap {@code [from, to)}, by start. */
	List<BookedPeriod> overlapping(UUID therapistId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select start_at, end_at from bookings
				where therapist_id = ? and status = 'CONFIRMED' and start_at < ? and end_at > ?
				order by start_at""")
			.params(therapistId, Timestamp.from(to), Timestamp.from(from))
			.query((rs, row) -> new BookedPeriod(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.list();
	}

	/** The same, leaving out one booking: the one being rescheduled. */
	List<BookedPeriod> overlappingExcept(UUID therapistId, Instant from, Instant to, UUID excluded) {
		return this.jdbc.sql("""
				select start_at, end_at from bookings
				where therapist_id = ? and status = 'CONFIRMED' and start_at < ? and end_at > ? and id <> ?
				order by start_at""")
			.params(therapistId, Timestamp.from(to), Timestamp.from(from), excluded)
			.query((rs, row) -> new BookedPeriod(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.list();
	}

}
