package org.mutuality.booking.bookings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.mutuality.booking.slots.BookedPeriod;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The bookings.
 */
public interface BookingRepository extends JpaRepository<Booking, UUID>, JpaSpecificationExecutor<Booking> {

	/** A therapist's confirmed bookings that overlap {@code [from, to)}, as the slot expansion sees them. */
	@Query("""
			select new org.mutuality.booking.slots.BookedPeriod(b.start, b.end) from Booking b
			where b.therapistId = :therapistId and b.status = org.mutuality.booking.bookings.BookingStatus.CONFIRMED
			and b.start < :to and b.end > :from order by b.start""")
	List<BookedPeriod> findBookedPeriods(UUID therapistId, Instant from, Instant to);

	/** The same, leaving one booking out: the one being rescheduled. */
	@Query("""
			select new org.mutuality.booking.slots.BookedPeriod(b.start, b.end) from Booking b
			where b.therapistId = :therapistId and b.status = org.mutuality.booking.bookings.BookingStatus.CONFIRMED
			and b.start < :to and b.end > :from and b.id <> :excluded order by b.start""")
	List<BookedPeriod> findBookedPeriodsExcept(UUID therapistId, Instant from, Instant to, UUID excluded);

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
