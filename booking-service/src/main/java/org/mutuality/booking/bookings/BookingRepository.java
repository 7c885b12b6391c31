package org.mutuality.booking.bookings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The bookings.
 */
public interface BookingRepository extends JpaRepository<Booking, UUID>, JpaSpecificationExecutor<Booking> {

	/** Whether the client has a confirmed consultation that has not ended yet. */
	@Query("""
			select count(b) > 0 from Booking b where b.clientId = :clientId
			and b.status = org.mutuality.booking.bookings.BookingStatus.CONFIRMED and b.end > :now""")
	boolean hasUpcoming(UUID clientId, Instant now);

	/** A therapist's confirmed bookings that end after {@code now}, by start: the calendar feed. */
	@Query("""
			select b from Booking b where b.therapistId = :therapistId
			and b.status = org.mutuality.booking.bookings.BookingStatus.CONFIRMED and b.end > :now order by b.start""")
	List<Booking> findUpcomingOfTherapist(UUID therapistId, Instant now);

	/** The booking, its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select b from Booking b where b.id = :id")
	Optional<Booking> findByIdForUpdate(UUID id);

}
