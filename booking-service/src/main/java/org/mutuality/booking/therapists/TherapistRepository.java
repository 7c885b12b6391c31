package org.mutuality.booking.therapists;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The therapists.
 */
public interface TherapistRepository extends JpaRepository<Therapist, UUID> {

	List<Therapist> findAllByOrderByDisplayNameAscIdAsc();

	/** The therapist, its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Therapist t where t.id = :id")
	Optional<Therapist> findByIdForUpdate(UUID id);

}
