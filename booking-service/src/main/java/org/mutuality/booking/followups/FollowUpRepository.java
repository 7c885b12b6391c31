package org.mutuality.booking.followups;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The follow-ups.
 */
interface FollowUpRepository extends JpaRepository<FollowUp, UUID> {

	/** The queue, optionally of one status: URGENT first, then oldest first. */
	@Query("""
			select f from FollowUp f where (:status is null or f.status = :status)
			order by case when f.priority = org.mutuality.booking.followups.FollowUpPriority.URGENT then 0 else 1 end,
			f.createdAt, f.id""")
	Page<FollowUp> findQueue(FollowUpStatus status, Pageable pageable);

	Page<FollowUp> findByClientId(UUID clientId, Pageable pageable);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select f from FollowUp f where f.id = :id")
	Optional<FollowUp> findByIdForUpdate(UUID id);

}
