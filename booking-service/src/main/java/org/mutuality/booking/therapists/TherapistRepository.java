package org.mutuality.booking.therapists;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The therapists.
 */
public interface TherapistRepository extends JpaRepository<Therapist, UUID> {

	List<Therapist> findAllByOrderByDisplayNameAscIdAsc();

	/**
	 * Creates a placeholder row for the therapist unless there is one, so that two first saves of
	 * one profile at the same moment do not collide; answers 1 if it created one.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			insert into therapists (id, display_name, time_zone, consultation_minutes, created_at, updated_at)
			values (:id, '', 'UTC', 30, :now, :now) on conflict (id) do nothing""", nativeQuery = true)
	int insertIfAbsent(UUID id, Instant now);

	/** The therapist, its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Therapist t where t.id = :id")
	Optional<Therapist> findByIdForUpdate(UUID id);

}
