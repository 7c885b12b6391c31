package org.mutuality.content.articles;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, UUID> {

	Optional<Article> findBySlug(String slug);

	/** The article, locked for the rest of the transaction, so that checks and change see the same state. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Article a where a.id = :id")
	Optional<Article> findForUpdate(UUID id);

}
